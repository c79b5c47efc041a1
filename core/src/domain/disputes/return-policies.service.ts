// Return policies (issue 14): operators set a segment's policy and per-buyer overrides; buyers read the policy
// that applies to them (the dispute form shows its reasons and remedies); openDispute loads it and counts the
// buyer's return history for the rate cap. The rules themselves are in return-policy.rules.ts.
import { queryRows, schema, sql, type Db, type DisputeStatus } from '@leadex/db';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { requireActor, requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { parseInput } from '../shared/validation';
import { DISPUTE_REASONS } from './dispute.rules';
import { UNDECIDED_DISPUTE_STATUSES } from './dispute.lifecycle';
import {
  EMPTY_POLICY,
  RETURN_REMEDIES,
  effectiveReturnPolicy,
  type EffectiveReturnPolicy,
  type ReturnHistory,
  type ReturnPolicySettings,
} from './return-policy.rules';

const { returnPolicies, segments, organizations } = schema;
type PolicyRow = typeof returnPolicies.$inferSelect;

const unique = <T>(list: T[]) => new Set(list).size === list.length;

/** A policy as an operator sets it: every field optional, null or absent inherits. Setting replaces the whole row. */
export const ZReturnPolicyInput = z.object({
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .nullish(),
  allowedReasons: z.array(z.enum(DISPUTE_REASONS)).min(1).refine(unique, 'a reason appears twice').nullish(),
  autoAccept: z
    .array(
      z.object({
        reason: z.enum(DISPUTE_REASONS),
        withinHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 365),
      }),
    )
    .max(DISPUTE_REASONS.length)
    .refine((rules) => unique(rules.map((r) => r.reason)), 'one rule per reason')
    .nullish(),
  maxReturnRatePercent: z.number().int().min(1).max(100).nullish(),
  rateLookbackDays: z.number().int().min(1).max(365).nullish(),
  rateMinPurchases: z.number().int().min(0).max(100_000).nullish(),
  allowedRemedies: z.array(z.enum(RETURN_REMEDIES)).min(1).refine(unique, 'a remedy appears twice').nullish(),
});

export function settingsOf(row: PolicyRow | null | undefined): ReturnPolicySettings {
  if (!row) return EMPTY_POLICY;
  return {
    windowHours: row.windowHours,
    allowedReasons: (row.allowedReasons as ReturnPolicySettings['allowedReasons']) ?? null,
    autoAccept: (row.autoAccept as ReturnPolicySettings['autoAccept']) ?? null,
    maxReturnRatePercent: row.maxReturnRatePercent,
    rateLookbackDays: row.rateLookbackDays,
    rateMinPurchases: row.rateMinPurchases,
    allowedRemedies: row.allowedRemedies ?? null,
  };
}

/** The policy that applies to this buyer's returns in this segment (buyer override → segment policy → defaults). */
export async function loadReturnPolicy(db: Db, segmentCode: string, buyerOrgId: string | null): Promise<EffectiveReturnPolicy> {
  const [segment] = await db.select({ windowHours: segments.returnWindowHours }).from(segments).where(eq(segments.code, segmentCode));
  const [segmentRow] = await db
    .select()
    .from(returnPolicies)
    .where(and(eq(returnPolicies.segment, segmentCode), isNull(returnPolicies.buyerOrgId)));
  const [buyerRow] = buyerOrgId
    ? await db
        .select()
        .from(returnPolicies)
        .where(and(eq(returnPolicies.buyerOrgId, buyerOrgId), isNull(returnPolicies.segment)))
    : [];
  return effectiveReturnPolicy(segment?.windowHours, segmentRow ? settingsOf(segmentRow) : null, buyerRow ? settingsOf(buyerRow) : null);
}

/**
 * The buyer's record over the cap's look-back (counted back from `now`): purchases made, and returns upheld or
 * still open, by when they were opened. Replacement purchases count as purchases (they are sales to the buyer).
 */
export async function returnHistory(tx: Db, buyerOrgId: string, now: Date, lookbackDays: number): Promise<ReturnHistory> {
  const since = new Date(now.getTime() - lookbackDays * 86_400_000).toISOString();
  const counted: DisputeStatus[] = ['ACCEPTED', ...UNDECIDED_DISPUTE_STATUSES];
  const [row] = await queryRows<{ purchases: number; returns: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM purchases WHERE buyer_org_id = ${buyerOrgId} AND purchased_at > ${since}::timestamptz) AS purchases,
               (SELECT count(*)::int FROM disputes WHERE buyer_org_id = ${buyerOrgId} AND status IN ${counted} AND opened_at > ${since}::timestamptz) AS returns`,
  );
  return { purchases: Number(row?.purchases ?? 0), returns: Number(row?.returns ?? 0) };
}

async function upsertPolicy(
  deps: AppDeps,
  operator: Actor & { userId: string },
  scope: { segment: string } | { buyerOrgId: string },
  raw: unknown,
): Promise<PolicyRow> {
  const input = parseInput(ZReturnPolicyInput, raw);
  const now = deps.clock();
  const values = {
    windowHours: input.windowHours ?? null,
    allowedReasons: input.allowedReasons ?? null,
    autoAccept: input.autoAccept ?? null,
    maxReturnRatePercent: input.maxReturnRatePercent ?? null,
    rateLookbackDays: input.rateLookbackDays ?? null,
    rateMinPurchases: input.rateMinPurchases ?? null,
    allowedRemedies: input.allowedRemedies ?? null,
    updatedBy: operator.userId,
    updatedAt: now,
  };
  const isSegment = 'segment' in scope;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(returnPolicies)
      .values({ id: newId('rpl'), segment: isSegment ? scope.segment : null, buyerOrgId: isSegment ? null : scope.buyerOrgId, ...values })
      .onConflictDoUpdate({
        target: isSegment ? returnPolicies.segment : returnPolicies.buyerOrgId,
        targetWhere: isSegment ? sql`buyer_org_id IS NULL` : sql`segment IS NULL`,
        set: values,
      })
      .returning();
    const { updatedBy: _by, updatedAt: _at, ...policy } = values;
    await recordAudit(tx, {
      actor: operator,
      action: isSegment ? 'return_policy.set' : 'buyer_return_policy.set',
      target: isSegment
        ? { type: 'segment', id: scope.segment, organizationId: null }
        : { type: 'organization', id: scope.buyerOrgId, organizationId: scope.buyerOrgId },
      details: { policy },
      at: now,
    });
    return row!;
  });
}

/** Operator: the segment's return policy (replaces what was set; null fields inherit the defaults). */
export async function setReturnPolicy(deps: AppDeps, actor: Actor | null, segment: string, raw: unknown): Promise<PolicyRow> {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'MONEY');
  const code = segment.trim().toUpperCase();
  const [exists] = await deps.db.select({ code: segments.code }).from(segments).where(eq(segments.code, code));
  if (!exists) throw new DomainError('SEGMENT_NOT_FOUND', 'No such segment', [{ path: 'segment', message: 'unknown segment' }]);
  return upsertPolicy(deps, operator, { segment: code }, raw);
}

/** Operator: one buyer's override of every segment's policy, field by field (null fields inherit). */
export async function setBuyerReturnPolicy(deps: AppDeps, actor: Actor | null, buyerOrgId: string, raw: unknown): Promise<PolicyRow> {
  const operator = requireCapability(requireUser(actor, 'OPERATOR'), 'MONEY');
  const [org] = await deps.db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, buyerOrgId));
  if (!org || org.kind !== 'BUYER') throw new DomainError('BUYER_NOT_FOUND', 'No such buyer', [{ path: 'buyerOrgId', message: 'not a buyer organization' }]);
  return upsertPolicy(deps, operator, { buyerOrgId }, raw);
}

/**
 * The policy a caller reads for a segment: a buyer its own (with its override), an operator the segment's
 * (or a buyer's, with `buyerOrgId`), a seller the segment's.
 */
export async function returnPolicyFor(
  deps: AppDeps,
  actor: Actor | null,
  segment: string,
  buyerOrgId?: string | null,
): Promise<EffectiveReturnPolicy & { segment: string }> {
  const a = requireActor(actor);
  const code = segment.trim().toUpperCase();
  const [exists] = await deps.db.select({ code: segments.code }).from(segments).where(eq(segments.code, code));
  if (!exists) throw new DomainError('SEGMENT_NOT_FOUND', 'No such segment', [{ path: 'segment', message: 'unknown segment' }]);
  const buyer = a.role === 'BUYER' ? a.organizationId : a.role === 'OPERATOR' ? (buyerOrgId ?? null) : null;
  return { segment: code, ...(await loadReturnPolicy(deps.db, code, buyer)) };
}

/**
 * Operator: what was set for a segment or for one buyer (exactly one of the two), as stored: null fields inherit.
 * Null when nothing was set there. The operator's policy page edits this, not the effective policy.
 */
export async function returnPolicySettings(
  deps: AppDeps,
  actor: Actor | null,
  scope: { segment?: string | null; buyerOrgId?: string | null },
): Promise<PolicyRow | null> {
  requireUser(actor, 'OPERATOR');
  const segment = scope.segment?.trim().toUpperCase() || null;
  const buyerOrgId = scope.buyerOrgId?.trim() || null;
  if ((segment == null) === (buyerOrgId == null)) {
    throw new DomainError('INVALID_INPUT', 'Give a segment or a buyer, not both', [{ path: 'segment', message: 'give segment or buyerOrgId' }]);
  }
  const [row] = await deps.db
    .select()
    .from(returnPolicies)
    .where(
      segment
        ? and(eq(returnPolicies.segment, segment), isNull(returnPolicies.buyerOrgId))
        : and(eq(returnPolicies.buyerOrgId, buyerOrgId!), isNull(returnPolicies.segment)),
    );
  return row ?? null;
}
