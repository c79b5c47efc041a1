// The deployment's currency and its minor-unit digits, for every caller (anonymous included).
import { platformInfo } from '@leadex/core/domain/platform/platform-info';
import type { GqlContext } from './context';

export const platformResolvers = {
  Query: {
    platform: (_: unknown, __: unknown, ctx: GqlContext) => platformInfo(ctx.deps.config),
  },
};
