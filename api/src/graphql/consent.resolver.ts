// Consent certificates and form origins: thin calls into the domain.
import { certificateById } from '@leadex/core/domain/consent/certificate-by-id';
import { addConsentOrigin, listConsentOrigins, removeConsentOrigin } from '@leadex/core/domain/consent/consent-origins';
import type { Consent } from '@leadex/core/domain/leads/read-contact';
import type { GqlContext } from './context';

export const consentResolvers = {
  Query: {
    myConsentOrigins: (_: unknown, __: unknown, ctx: GqlContext) => listConsentOrigins(ctx.deps, ctx.actor),
    consentCertificate: (_: unknown, a: { id: string }, ctx: GqlContext) => certificateById(ctx.deps, ctx.actor, a.id),
  },
  Mutation: {
    addConsentOrigin: (_: unknown, a: { origin: string }, ctx: GqlContext) => addConsentOrigin(ctx.deps, ctx.actor, a.origin),
    removeConsentOrigin: (_: unknown, a: { id: string }, ctx: GqlContext) => removeConsentOrigin(ctx.deps, ctx.actor, a.id),
  },
  Consent: {
    // a Consent exists only for a reader readLeadDisclosure allowed, so the certificate shares its visibility
    certificate: (c: Consent, _: unknown, ctx: GqlContext) => ctx.loaders.certificateOfLead.load(c.leadId),
  },
};
