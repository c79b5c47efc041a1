// Consent certificates: what a seller's form page recorded when a person agreed to be contacted, signed by
// the platform at capture time, and the form origins each seller lets the capture script post from.
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organizations } from './accounts';
import { createdAt, id, ts } from './columns';

// origin: scheme + host + port as the browser sends it in `Origin` (e.g. https://forms.example.com)
export const consentOrigins = pgTable(
  'consent_origins',
  {
    id: id(),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    origin: text('origin').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consent_origins_seller_origin_uq').on(t.sellerOrgId, t.origin)],
);

// phone_entry / email_entry: TYPED | PASTED | EMPTY. phone_hash / email_hash: the vault's keyed hash, the same a
// lead with that contact gets; the raw contact is never stored. signature: HMAC over the canonical facts.
export const consentCertificates = pgTable(
  'consent_certificates',
  {
    id: id(),
    sellerOrgId: text('seller_org_id')
      .notNull()
      .references(() => organizations.id),
    origin: text('origin').notNull(),
    pageUrl: text('page_url').notNull(),
    pageTitle: text('page_title'),
    consentText: text('consent_text').notNull(),
    timeOnPageMs: integer('time_on_page_ms').notNull(),
    keystrokeToSubmitMs: integer('keystroke_to_submit_ms'),
    phoneEntry: text('phone_entry').notNull(),
    emailEntry: text('email_entry').notNull(),
    viewportWidth: integer('viewport_width').notNull(),
    viewportHeight: integer('viewport_height').notNull(),
    userAgent: text('user_agent').notNull(),
    phoneHash: text('phone_hash'),
    emailHash: text('email_hash'),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    signature: text('signature').notNull(),
    // the lead that used it; a certificate backs one lead only
    claimedByLeadId: text('claimed_by_lead_id').unique('consent_certificates_claimed_lead_uq'),
  },
  (t) => [index('consent_certificates_seller_idx').on(t.sellerOrgId, t.issuedAt)],
);
