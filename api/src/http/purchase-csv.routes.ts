// GET /purchases/csv: the buyer's purchased leads with full contact data and consent proof (every row's read is audited).
// Sellers write these cells, so a cell that starts like a formula is neutralised (safe-csv.ts).
import { Router } from 'express';
import type { AppDeps } from '@leadex/core';
import { certificateIdsOfLeads } from '@leadex/core/domain/consent/read-certificate';
import { readLeadDisclosure } from '@leadex/core/domain/leads/read-contact';
import { purchasedLeads } from '@leadex/core/domain/purchases/purchases.service';
import { formatDecimal } from '@leadex/core/domain/shared/money';
import { resolveActor } from './resolve-actor';
import { toSafeCsv } from './safe-csv';
import { sendDomainError } from './send-error';

export function purchaseCsvRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/purchases/csv', async (req, res, next) => {
    try {
      const actor = await resolveActor(deps, req);
      const rows = await purchasedLeads(deps, actor);
      const out: string[][] = [
        [
          'purchase_id',
          'lead_id',
          'purchased_at',
          'price',
          'currency',
          'segment',
          'subsegment',
          'country',
          'region',
          'city',
          'full_name',
          'phone',
          'email',
          'social_url',
          'preferred_contact_time',
          'outcome',
          'status',
          'consent_text',
          'consent_timestamp',
          'consent_ip',
          'consent_page_url',
          'consent_certificate_id',
        ],
      ];
      // the certificate behind each lead's consent, shown only where the consent itself is
      const certificateIds = await certificateIdsOfLeads(
        deps,
        rows.map((r) => r.lead.id),
      );
      for (const { purchase, lead } of rows) {
        // one audited read gives both the contact and the consent proof
        const disclosure = purchase.status === 'REFUNDED' ? null : await readLeadDisclosure(deps, actor, lead);
        const contact = disclosure?.contact;
        const consent = disclosure?.consent;
        out.push([
          purchase.id,
          lead.id,
          purchase.purchasedAt.toISOString(),
          formatDecimal(purchase.price, purchase.currency),
          purchase.currency,
          lead.segment,
          lead.subsegment ?? '',
          lead.country,
          lead.region ?? '',
          lead.city ?? '',
          contact?.fullName ?? '',
          contact?.phone ?? '',
          contact?.email ?? '',
          contact?.socialUrl ?? '',
          contact?.preferredContactTime ?? '',
          purchase.outcome,
          purchase.status,
          consent?.text ?? '',
          consent?.timestamp.toISOString() ?? '',
          consent?.ip ?? '',
          consent?.pageUrl ?? '',
          (consent && certificateIds.get(lead.id)) ?? '',
        ]);
      }
      res.type('text/csv').attachment('leadex-purchases.csv').send(toSafeCsv(out));
    } catch (err) {
      if (!sendDomainError(res, err)) next(err);
    }
  });
  return router;
}
