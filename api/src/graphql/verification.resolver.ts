// Manual spot-check tasks, seller quality and segment verification policy (operators).
import { readSegment } from '@leadex/core/domain/catalog/read-segments';
import { listVerificationTasks, recordVerificationOutcome, type VerificationTaskRow } from '@leadex/core/domain/verification/manual-tasks';
import { sellerQualityList, setSegmentPolicy, setSellerSuspended } from '@leadex/core/domain/verification/seller-quality.service';
import type { VerificationTaskStatus } from '@leadex/db';
import type { GqlContext } from './context';
import { bpsToRate, segmentView } from './mappers';

export const verificationResolvers = {
  Query: {
    verificationTasks: (_: unknown, a: { status?: VerificationTaskStatus }, ctx: GqlContext) => listVerificationTasks(ctx.deps, ctx.actor, a.status ?? 'OPEN'),
    sellerQuality: (_: unknown, __: unknown, ctx: GqlContext) => sellerQualityList(ctx.deps, ctx.actor),
  },
  Mutation: {
    recordVerificationOutcome: async (_: unknown, a: { taskId: string; outcome: string; note?: string }, ctx: GqlContext) => {
      const { task, verdict } = await recordVerificationOutcome(ctx.deps, ctx.actor, a.taskId, a.outcome, a.note);
      return { task, batchVerdict: verdict ? (verdict.passed ? 'VERIFIED' : 'FAILED') : null };
    },
    setSegmentPolicy: async (
      _: unknown,
      a: {
        segment: string;
        verificationProvider?: string;
        failedBatchPolicy?: string;
        failureThreshold?: string;
        requireConsentCertificate?: boolean;
        distributionMethod?: string;
        margin?: { kind: string; amount?: string | null; rate?: string | null };
      },
      ctx: GqlContext,
    ) => {
      await setSegmentPolicy(ctx.deps, ctx.actor, a.segment, a);
      return segmentView(await readSegment(ctx.deps, a.segment));
    },
    setSellerSuspended: (_: unknown, a: { organizationId: string; suspended: boolean }, ctx: GqlContext) =>
      setSellerSuspended(ctx.deps, ctx.actor, a.organizationId, a.suspended),
  },
  VerificationTask: {
    lead: (t: VerificationTaskRow, _: unknown, ctx: GqlContext) => ctx.loaders.lead.load(t.leadId),
  },
  Segment: {
    failureThreshold: (s: { failureThresholdBps: number }) => bpsToRate(s.failureThresholdBps),
    requireConsentCertificate: (s: { requireConsentCertificate?: boolean }) => !!s.requireConsentCertificate,
  },
};
