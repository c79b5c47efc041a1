// Who may read a lead's contact data and its consent proof, and the audit entry every read leaves.
import type { AppDeps } from '../app-deps';
import { buyerOwnsLead } from '../purchases/purchases.service';
import { requireScope, type Actor } from '../auth/access';
import type { ConsentInput, NormalizedContact } from './lead.types';
import { recordContactRead } from './record-contact-read';
import type { LeadRow } from './submit-leads';

export type ReadPurpose = 'OWNER' | 'OPERATOR' | 'BUYER';

export interface Contact {
  fullName: string;
  phone: string | null;
  email: string | null;
  socialUrl: string | null;
  preferredContactTime: string | null;
}

/** The consent the person gave, as the seller recorded it at capture (sealed with the contact). */
export interface Consent {
  text: string;
  timestamp: Date;
  ip: string | null;
  pageUrl: string | null;
  /** the lead it belongs to: its consent certificate is read through it (consent/read-certificate.ts) */
  leadId: string;
}

/** What a permitted reader gets: the contact and, when the seller recorded it, the consent proof. */
export interface Disclosure {
  contact: Contact;
  consent: Consent | null;
}

// the sealed JSON carries the consent as submitted; its timestamp went through JSON, so it is a string now
export type SealedContact = NormalizedContact & { consent?: (Omit<ConsentInput, 'timestamp'> & { timestamp: string | Date }) | null };

/** Why this actor may read the contact, or null: the owning seller, an operator, a buyer who paid for it. */
export async function contactReadPurpose(deps: AppDeps, actor: Actor | null, lead: Pick<LeadRow, 'id' | 'sellerOrgId'>): Promise<ReadPurpose | null> {
  if (!actor) return null;
  if (actor.role === 'OPERATOR') return 'OPERATOR';
  if (actor.role === 'SELLER' && actor.organizationId === lead.sellerOrgId) return 'OWNER';
  if (actor.role === 'BUYER' && (await buyerOwnsLead(deps, actor.organizationId, lead.id))) return 'BUYER';
  return null;
}

/** The consent proof in a sealed contact, or null when the seller recorded none. */
export function consentOf(sealed: SealedContact, leadId: string): Consent | null {
  const c = sealed.consent;
  if (!c?.text) return null;
  return { text: c.text, timestamp: new Date(c.timestamp), ip: c.ip ?? null, pageUrl: c.pageUrl ?? null, leadId };
}

/**
 * The decrypted contact and consent when allowed (and not erased), else null. One decision, one audit entry:
 * the consent proof is personal data of the same person and is read under the same purpose as the contact.
 */
export async function readLeadDisclosure(deps: AppDeps, actor: Actor | null, lead: LeadRow): Promise<Disclosure | null> {
  if (!actor || !lead.contactSealed || !lead.contactKeyId || lead.erasedAt) return null;
  requireScope(actor, 'leads:read');
  const purpose = await contactReadPurpose(deps, actor, lead);
  if (!purpose) return null;
  const sealed = deps.vault.open<SealedContact>(lead.contactSealed, lead.contactKeyId);
  // an operator's read concerns the seller whose lead it is; a seller's or buyer's read, their own organisation
  const auditOrgId = purpose === 'OPERATOR' ? lead.sellerOrgId : actor.organizationId;
  await deps.db.transaction((tx) =>
    recordContactRead(tx, { actor, leadId: lead.id, organizationId: actor.organizationId, auditOrgId, purpose, at: deps.clock() }),
  );
  return {
    contact: {
      fullName: sealed.fullName,
      phone: sealed.phoneE164,
      email: sealed.email,
      socialUrl: sealed.socialUrl,
      preferredContactTime: sealed.preferredContactTime,
    },
    consent: consentOf(sealed, lead.id),
  };
}

/** The decrypted contact when allowed (and not erased), else null. Each successful read is audited. */
export async function readLeadContact(deps: AppDeps, actor: Actor | null, lead: LeadRow): Promise<Contact | null> {
  return (await readLeadDisclosure(deps, actor, lead))?.contact ?? null;
}
