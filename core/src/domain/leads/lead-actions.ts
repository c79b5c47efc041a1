// Seller and operator actions on a listed lead: withdraw it, or erase its contact data (GDPR tombstone).
import { schema } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { assertTransition, canTransition } from '../shared/lifecycle';
import { LEAD_LIFECYCLE } from './lead.lifecycle';
import { recordContactRead } from './record-contact-read';
import { leadHashes, suppressGlobally } from '../suppression/suppression-lookups';

const { leads } = schema;

async function loadForChange(deps: AppDeps, actor: Actor, id: string, tx = deps.db) {
  // FOR UPDATE: a concurrent sale or spot-check verdict waits for this change, and vice versa
  const [lead] = await tx.select().from(leads).where(eq(leads.id, id)).for('update');
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', 'No such lead');
  if (actor.role !== 'OPERATOR' && lead.sellerOrgId !== actor.organizationId)
    throw new DomainError('NOT_OWNER', 'Only the seller who listed this lead may change it');
  return lead;
}

export async function withdrawLead(deps: AppDeps, actor: Actor | null, id: string) {
  const a = requireCapability(requireUser(actor, 'SELLER', 'OPERATOR'), 'TRADE');
  return deps.db.transaction(async (tx) => {
    const lead = await loadForChange(deps, a, id, tx);
    assertTransition(LEAD_LIFECYCLE, lead.status, 'WITHDRAWN', a.role, { code: 'LEAD_NOT_WITHDRAWABLE', message: `A ${lead.status} lead cannot be withdrawn` });
    // the row is locked, so the status it was read in is the one it has; the condition says so all the same
    const [row] = await tx
      .update(leads)
      .set({ status: 'WITHDRAWN' })
      .where(and(eq(leads.id, id), eq(leads.status, lead.status)))
      .returning();
    if (!row) throw new DomainError('LEAD_NOT_WITHDRAWABLE', 'The lead changed meanwhile; look at it again');
    return row;
  });
}

/** Erases the contact data for good. Buyers who already bought the lead keep nothing readable either. */
export async function eraseLeadContact(deps: AppDeps, actor: Actor | null, id: string) {
  const a = requireCapability(requireUser(actor, 'SELLER', 'OPERATOR'), 'TRADE');
  return deps.db.transaction(async (tx) => {
    const lead = await loadForChange(deps, a, id, tx);
    if (lead.erasedAt) throw new DomainError('LEAD_ALREADY_ERASED', 'This lead was already erased');
    // the person asked to be forgotten: their hashes move to the do-not-contact list, so no seller lists them again
    await suppressGlobally(tx, leadHashes(lead), 'ERASURE', deps.clock());
    const [row] = await tx
      .update(leads)
      .set({
        contactSealed: null,
        contactKeyId: null,
        phoneHash: null,
        emailHash: null,
        ipHash: null,
        previewName: '[erased]',
        previewPhone: null,
        previewEmail: null,
        erasedAt: deps.clock(),
        // an erased lead has nothing left to sell: withdrawn, unless its status is already final (sold out, expired …)
        status: canTransition(LEAD_LIFECYCLE, lead.status, 'WITHDRAWN', a.role) ? 'WITHDRAWN' : lead.status,
      })
      .where(eq(leads.id, id))
      .returning();
    await recordContactRead(tx, {
      actor: a,
      leadId: id,
      organizationId: a.organizationId,
      auditOrgId: lead.sellerOrgId,
      purpose: 'ERASURE',
      at: deps.clock(),
    });
    return row!;
  });
}
