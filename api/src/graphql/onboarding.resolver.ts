// The first-run checklist (issue 15) — a thin call into the onboarding domain.
import { onboardingChecklist } from '@leadex/core/domain/onboarding/onboarding-checklist';
import type { GqlContext } from './context';

export const onboardingResolvers = {
  Query: {
    onboardingChecklist: async (_: unknown, __: unknown, ctx: GqlContext) => {
      const { items } = await onboardingChecklist(ctx.deps, ctx.actor);
      return { items, complete: items.every((i) => i.done) };
    },
  },
};
