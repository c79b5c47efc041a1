// Suppression lists: thin calls into the domain.
import {
  addGlobalSuppressions,
  addSuppressedContacts,
  buyerSuppressionList,
  globalSuppressionList,
  removeSuppressedContacts,
} from '@leadex/core/domain/suppression/suppression.service';
import type { GqlContext } from './context';

type Contacts = { contacts: unknown };

export const suppressionResolvers = {
  Query: {
    suppressionList: (_: unknown, __: unknown, ctx: GqlContext) => buyerSuppressionList(ctx.deps, ctx.actor),
    globalSuppressionList: (_: unknown, __: unknown, ctx: GqlContext) => globalSuppressionList(ctx.deps, ctx.actor),
  },
  Mutation: {
    addSuppressedContacts: (_: unknown, a: Contacts, ctx: GqlContext) => addSuppressedContacts(ctx.deps, ctx.actor, a.contacts),
    removeSuppressedContacts: (_: unknown, a: Contacts, ctx: GqlContext) => removeSuppressedContacts(ctx.deps, ctx.actor, a.contacts),
    addGlobalSuppressions: (_: unknown, a: Contacts, ctx: GqlContext) => addGlobalSuppressions(ctx.deps, ctx.actor, a.contacts),
  },
};
