// respondToDispute (issue 14): the seller of a disputed lead answers the buyer's return with its own evidence,
// for the operator to read before deciding. Editable while the dispute is OPEN (the last answer counts); once
// decided it is DISPUTE_ALREADY_RESOLVED. Another seller's dispute does not exist for the caller.
import { schema } from '@leadex/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { isFinal } from '../shared/lifecycle';
import { parseInput } from '../shared/validation';
import { DISPUTE_LIFECYCLE } from './dispute.lifecycle';
import type { DisputeRow } from './list-disputes';

const { disputes } = schema;

const ZEvidence = z.string().trim().min(1, 'say what you found').max(5000);

export async function respondToDispute(deps: AppDeps, actor: Actor | null, id: string, rawEvidence: unknown): Promise<DisputeRow> {
  const seller = requireCapability(requireUser(actor, 'SELLER'), 'TRADE');
  const evidence = parseInput(ZEvidence, rawEvidence, 'evidence');
  return deps.db.transaction(async (tx) => {
    // locked like every decision, so an answer and an operator's decision never cross
    const [d] = await tx
      .select()
      .from(disputes)
      .where(and(eq(disputes.id, id), eq(disputes.sellerOrgId, seller.organizationId)))
      .for('update');
    if (!d) throw new DomainError('DISPUTE_NOT_FOUND', 'No such dispute');
    if (isFinal(DISPUTE_LIFECYCLE, d.status)) {
      throw new DomainError('DISPUTE_ALREADY_RESOLVED', `This dispute was already ${d.status.toLowerCase()}; answers are taken while it is open`);
    }
    const [updated] = await tx.update(disputes).set({ sellerResponse: evidence, sellerRespondedAt: deps.clock() }).where(eq(disputes.id, id)).returning();
    return updated!;
  });
}
