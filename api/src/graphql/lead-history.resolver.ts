// Lead.history (issue 15) — a thin call into the leads domain.
import { leadHistoryFor } from '@leadex/core/domain/leads/lead-history';
import type { LeadHistoryEntry } from '@leadex/core/domain/leads/lead-history.rules';
import type { LeadRow } from '@leadex/core/domain/leads/submit-leads';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

export const leadHistoryResolvers = {
  Lead: {
    history: async (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const entries = await leadHistoryFor(ctx.deps, ctx.actor, l);
      return entries?.map((e: LeadHistoryEntry) => ({ ...e, amount: e.amount == null ? null : toMoney(e.amount, l.currency) })) ?? null;
    },
  },
};
