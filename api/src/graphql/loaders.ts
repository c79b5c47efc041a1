// Per-request batch loaders, so a page of 100 leads asks for its sellers once. Each batch is one domain read.
import DataLoader from 'dataloader';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { certificatesOfLeads, type CertificateView } from '@leadex/core/domain/consent/read-certificate';
import { disputesByPurchaseIds } from '@leadex/core/domain/disputes/disputes-by-purchase';
import type { DisputeRow } from '@leadex/core/domain/disputes/list-disputes';
import { winsToday } from '@leadex/core/domain/exchange/campaigns.service';
import { leadsByIds } from '@leadex/core/domain/leads/load-leads';
import { leadStandings, type LeadStanding } from '@leadex/core/domain/marketplace/buyer-standing';
import { priceBreakdowns } from '@leadex/core/domain/marketplace/price-breakdowns';
import { sellerRecords } from '@leadex/core/domain/marketplace/seller-record';
import type { SellerRecord } from '@leadex/core/domain/marketplace/seller-record.rules';
import type { PriceBreakdown } from '@leadex/core/domain/pricing/price-breakdown.rules';
import { readLeadDisclosure, type Disclosure } from '@leadex/core/domain/leads/read-contact';
import { sellerProfiles, type SellerProfile } from '@leadex/core/domain/leads/seller-profiles';
import type { LeadRow } from '@leadex/core/domain/leads/submit-leads';
import { sellerConversionViews, type SellerConversionView } from '@leadex/core/domain/pricing/seller-conversion';
import { purchasesByIds } from '@leadex/core/domain/purchases/load-purchases';
import type { PurchaseRow } from '@leadex/core/domain/purchases/purchases.service';
import type { VerificationCheckView } from '@leadex/core/domain/verification/lead-checks-view.rules';
import { leadChecksByLeadIds } from '@leadex/core/domain/verification/load-lead-checks';

export interface Loaders {
  sellerProfile: DataLoader<string, SellerProfile>;
  lead: DataLoader<string, LeadRow | null>;
  purchase: DataLoader<string, PurchaseRow | null>;
  disputeByPurchase: DataLoader<string, DisputeRow | null>;
  campaignWinsToday: DataLoader<string, number>;
  leadChecks: DataLoader<string, VerificationCheckView[]>;
  /** keyed by `${sellerOrgId}|${segment}`; null without reported outcomes */
  sellerConversion: DataLoader<string, SellerConversionView | null>;
  /** contact + consent of a lead, decided and audited once per lead per request (keyed by lead id) */
  leadDisclosure: DataLoader<{ lead: LeadRow; actor: Actor | null }, Disclosure | null, string>;
  /** the consent certificate a lead claimed (keyed by lead id); asked only through a Consent the reader may see */
  certificateOfLead: DataLoader<string, CertificateView | null>;
  /** keyed by `${buyerOrgId}|${leadId}` */
  leadStanding: DataLoader<string, LeadStanding>;
  /** keyed by `${sellerOrgId}|${segment}` */
  sellerRecord: DataLoader<string, SellerRecord>;
  priceBreakdown: DataLoader<LeadRow, PriceBreakdown, string>;
}

/** A loader over a domain read that answers a Map: missing keys read as `missing`. */
function byKey<V, M>(read: (keys: readonly string[]) => Promise<Map<string, V>>, missing: M): DataLoader<string, V | M> {
  return new DataLoader(async (keys) => {
    const found = await read(keys);
    return keys.map((k) => (found.has(k) ? found.get(k)! : missing));
  });
}

export function createLoaders(deps: AppDeps): Loaders {
  return {
    // sellerProfiles answers every id asked for (a missing organization reads as 'unknown')
    sellerProfile: new DataLoader(async (ids) => {
      const found = await sellerProfiles(deps, ids);
      return ids.map((id) => found.get(id)!);
    }),
    lead: byKey((ids) => leadsByIds(deps, ids), null),
    purchase: byKey((ids) => purchasesByIds(deps, ids), null),
    disputeByPurchase: byKey((ids) => disputesByPurchaseIds(deps, ids), null),
    campaignWinsToday: byKey((ids) => winsToday(deps.db, ids, deps.clock()), 0),
    leadChecks: byKey((ids) => leadChecksByLeadIds(deps, ids), [] as VerificationCheckView[]),
    sellerConversion: byKey((keys) => sellerConversionViews(deps.db, keys), null),
    certificateOfLead: byKey((ids) => certificatesOfLeads(deps, ids), null),
    leadStanding: new DataLoader(async (keys) => {
      // one request has one actor, so the keys share one organisation
      const org = keys[0]!.split('|')[0]!;
      const found = await leadStandings(
        deps.db,
        org,
        keys.map((k) => k.split('|')[1]!),
      );
      return keys.map((k) => (k.startsWith(`${org}|`) ? (found.get(k.split('|')[1]!) ?? 'NONE') : 'NONE'));
    }),
    sellerRecord: new DataLoader(async (keys) => {
      const found = await sellerRecords(deps.db, keys);
      return keys.map((k) => found.get(k)!);
    }),
    priceBreakdown: new DataLoader(
      async (rows) => {
        const found = await priceBreakdowns(deps, rows);
        return rows.map((r) => found.get(r.id)!);
      },
      { cacheKeyFn: (r) => r.id },
    ),
    // the actor is the same for every key of a request; each lead is read (and audited) at most once
    leadDisclosure: new DataLoader((keys) => Promise.all(keys.map((k) => readLeadDisclosure(deps, k.actor, k.lead).catch((err: Error) => err))), {
      cacheKeyFn: (k) => k.lead.id,
    }),
  };
}
