// A demo landing page (outside production only): an auto test-drive form of the first demo seller with the
// consent capture script on it, whose POST lists the lead through submitLeads as that seller. It shows the
// whole consent-certificate path on the product's own origin: GET /demo/lead-form, POST /demo/lead-form.
import escapeHtml from 'escape-html';
import express, { Router, type Request, type Response } from 'express';
import { eq, schema } from '@leadex/db';
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { addConsentOrigin } from '@leadex/core/domain/consent/consent-origins';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import type { LeadIssue } from '@leadex/core/domain/leads/lead.types';
import { CONSENT_SCRIPT_PATH } from './consent-script.routes';
import { sendDomainError } from './send-error';

export const DEMO_FORM_PATH = '/demo/lead-form';
export const DEMO_CONSENT_TEXT = 'I agree that Sunrise Media and its partner dealers may call me and e-mail me about a test drive.';
const CARS = ['Toyota/Corolla', 'Volkswagen/Golf', 'Tesla/Model 3', 'Kia/Sportage'];

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

function formPage(sellerOrgId: string): string {
  const options = CARS.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c.replace('/', ' '))}</option>`).join('');
  return page(
    'Book a test drive',
    `<form method="post" action="${DEMO_FORM_PATH}">
<p><label>Car <select name="car">${options}</select></label></p>
<p><label>Full name <input name="fullName" autocomplete="name" required maxlength="200"></label></p>
<p><label>Phone <input name="phone" type="tel" autocomplete="tel" required data-leadex="phone" placeholder="+1 415 555 2671"></label></p>
<p><label>E-mail (optional) <input name="email" type="email" autocomplete="email" data-leadex="email"></label></p>
<p><label><input name="consent" type="checkbox" value="yes" required> <span data-leadex="consent">${escapeHtml(DEMO_CONSENT_TEXT)}</span></label></p>
<p><button type="submit">Book a test drive</button></p>
</form>
<script src="${CONSENT_SCRIPT_PATH}" data-leadex-seller="${escapeHtml(sellerOrgId)}" data-leadex-country="US" async></script>`,
  );
}

function resultPage(outcome: { leadId: string; certified: boolean } | { issues: { field: string | null; message: string }[] }): string {
  if ('leadId' in outcome) {
    return page(
      'Lead accepted',
      `<p>Lead id: <code data-testid="lead-id">${escapeHtml(outcome.leadId)}</code></p>
<p>Consent certificate: <strong data-testid="certificate">${outcome.certified ? 'attached and verified' : 'none'}</strong></p>
<p><a href="${DEMO_FORM_PATH}">Another one</a></p>`,
    );
  }
  const items = outcome.issues.map((i) => `<li>${escapeHtml(i.field ? `${i.field}: ${i.message}` : i.message)}</li>`).join('');
  return page('Lead not accepted', `<ul>${items}</ul><p><a href="${DEMO_FORM_PATH}">Back to the form</a></p>`);
}

/** The first demo seller as a session actor (as the seed submits its leads), or null without the demo data. */
async function demoSeller(deps: AppDeps): Promise<Actor | null> {
  // imported when used: the seed module brings faker and its locales, which the API does not otherwise load
  const { DEMO_ACCOUNTS } = await import('@leadex/core/seed/demo-data');
  const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.email, DEMO_ACCOUNTS.sellers[0]!)).limit(1);
  return user ? { userId: user.id, organizationId: user.organizationId, role: 'SELLER', via: 'session' } : null;
}

/**
 * The product's own origin is registered for the demo seller (the seed does localhost and 127.0.0.1 on PORT);
 * the page registers the origin it is served from on the fly too, so an app on any port or host issues
 * certificates for it. Idempotent; a Host that is no origin is left alone.
 */
async function registerOwnOrigin(deps: AppDeps, seller: Actor, req: Request): Promise<void> {
  try {
    await addConsentOrigin(deps, seller, `${req.protocol}://${req.get('host')}`);
  } catch {
    // CONSENT_ORIGIN_INVALID or the cap: the form then submits without a certificate
  }
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

export function demoFormRoutes(deps: AppDeps): Router {
  const router = Router();
  if (deps.config.NODE_ENV === 'production') return router;
  router.get(DEMO_FORM_PATH, async (req: Request, res: Response) => {
    const seller = await demoSeller(deps);
    if (!seller) {
      res.status(404).type('text/plain').send('No demo data: seed it first (pnpm dev seeds an empty database)');
      return;
    }
    await registerOwnOrigin(deps, seller, req);
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(formPage(seller.organizationId));
  });
  router.post(DEMO_FORM_PATH, express.urlencoded({ extended: false, limit: '16kb' }), async (req: Request, res: Response) => {
    const seller = await demoSeller(deps);
    if (!seller) {
      res.status(404).type('text/plain').send('No demo data');
      return;
    }
    await registerOwnOrigin(deps, seller, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.setHeader('cache-control', 'no-store');
    if (field(body, 'consent') !== 'yes') {
      res
        .status(422)
        .type('html')
        .send(resultPage({ issues: [{ field: 'consent', message: 'Tick the consent box to be contacted.' }] }));
      return;
    }
    const [brand, model] = (CARS.includes(field(body, 'car')) ? field(body, 'car') : CARS[0]!).split('/');
    const certificateId = field(body, 'leadex_certificate_id') || null;
    const now = deps.clock();
    const lead = {
      segment: 'AUTO_TEST_DRIVE',
      country: 'US',
      fullName: field(body, 'fullName'),
      phone: field(body, 'phone') || null,
      email: field(body, 'email') || null,
      kind: 'INTERESTED',
      sourceChannel: 'OTHER',
      capturedAt: now,
      consent: { text: DEMO_CONSENT_TEXT, timestamp: now, pageUrl: `${req.protocol}://${req.get('host')}${DEMO_FORM_PATH}`, certificateId },
      attributes: { brand, model },
      exclusivity: 'SHARED',
      userAgent: req.get('user-agent') ?? null,
    };
    // the seller UI's own form submits through GraphQL; this demo stands in for it
    let result;
    try {
      result = (await submitLeads(deps, seller, [lead], { source: 'GRAPHQL', shapeErrors: 'reject-row' })).results[0]!;
    } catch (err) {
      if (!sendDomainError(res, err)) throw err;
      return;
    }
    if (result.lead) {
      res.type('html').send(resultPage({ leadId: result.lead.id, certified: !!certificateId }));
    } else {
      const issues = result.issues.filter((i: LeadIssue) => i.severity === 'ERROR');
      res.status(422).type('html').send(resultPage({ issues }));
    }
  });
  return router;
}
