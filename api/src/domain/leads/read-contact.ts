// Who may read a lead's contact data, and the audit entry every read leaves.
import { schema } from '@leadex/db';
import type { AppDeps } from '../../context';
import { buyerOwnsLead } from '../purchases/purchases.service';
import { requireScope, type Actor } from '../auth/access';
import { newId } from '../shared/ids';
import type { NormalizedContact } from './lead.types';
import type { LeadRow } from './submit-leads';

export type ReadPurpose = 'OWNER' | 'OPERATOR' | 'BUYER';

export interface Contact {
  fullName: string;
  phone: string | null;
  email: string | null;
  socialUrl: string | null;
  preferredContactTime: string | null;
}

/** Why this actor may read the contact, or null: the owning seller, an operator, a buyer who paid for it. */
export async function contactReadPurpose(deps: AppDeps, actor: Actor | null, lead: Pick<LeadRow, 'id' | 'sellerOrgId'>): Promise<ReadPurpose | null> {
  if (!actor) return null;
  if (actor.role === 'OPERATOR') return 'OPERATOR';
  if (actor.role === 'SELLER' && actor.organizationId === lead.sellerOrgId) return 'OWNER';
  if (actor.role === 'BUYER' && (await buyerOwnsLead(deps, actor.organizationId, lead.id))) return 'BUYER';
  return null;
}

/** The decrypted contact when allowed (and not erased), else null. Each successful read is audited. */
export async function readLeadContact(deps: AppDeps, actor: Actor | null, lead: LeadRow): Promise<Contact | null> {
  if (!actor || !lead.contactSealed || !lead.contactKeyId || lead.erasedAt) return null;
  requireScope(actor, 'leads:read');
  const purpose = await contactReadPurpose(deps, actor, lead);
  if (!purpose) return null;
  const sealed = deps.vault.open<NormalizedContact>(lead.contactSealed, lead.contactKeyId);
  await deps.db.insert(schema.contactReads).values({
    id: newId('aud'), leadId: lead.id, userId: actor!.userId, organizationId: actor!.organizationId, purpose, createdAt: deps.clock(),
  });
  return {
    fullName: sealed.fullName,
    phone: sealed.phoneE164,
    email: sealed.email,
    socialUrl: sealed.socialUrl,
    preferredContactTime: sealed.preferredContactTime,
  };
}
