// One read of a lead's contact data leaves two traces in the reader's transaction: the contact_reads row (per lead,
// read by the lead's own checks and tests) and the audit log entry (`contact.read`, or `contact.erased`).
import { schema, type Db } from '@leadex/db';
import type { Actor } from '../auth/access';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../shared/ids';

export interface ContactRead {
  /** null for a system read (a remote buyer's post); the buyer is then `organizationId` */
  actor: Actor | null;
  leadId: string;
  /** the organisation reading: the buyer, the owning seller, the platform (an operator) */
  organizationId: string;
  /** whose entry it is in the audit log: the reader's organisation, or the seller's when an operator reads or erases */
  auditOrgId: string;
  purpose: 'OWNER' | 'OPERATOR' | 'BUYER' | 'ERASURE';
  at: Date;
  /** e.g. the remote campaign a post went to */
  details?: Record<string, unknown>;
}

export async function recordContactRead(tx: Db, read: ContactRead): Promise<void> {
  await tx.insert(schema.contactReads).values({
    id: newId('aud'),
    leadId: read.leadId,
    userId: read.actor?.userId ?? null,
    organizationId: read.organizationId,
    purpose: read.purpose,
    createdAt: read.at,
  });
  await recordAudit(tx, {
    actor: read.actor,
    action: read.purpose === 'ERASURE' ? 'contact.erased' : 'contact.read',
    target: { type: 'lead', id: read.leadId, organizationId: read.auditOrgId },
    details: { purpose: read.purpose, ...read.details },
    at: read.at,
  });
}
