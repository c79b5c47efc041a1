// Lead queries and mutations: thin calls into the leads domain, plus the Lead field mapping.
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { findLead, browseMarketplace, myListings } from '@leadex/core/domain/leads/browse-leads';
import { importLeadsCsv } from '@leadex/core/domain/leads/import-leads-csv';
import { eraseLeadContact, withdrawLead } from '@leadex/core/domain/leads/lead-actions';
import type { LeadSort } from '@leadex/core/domain/leads/lead-filter';
import { submitLeads, type LeadRow, type SubmittedBatch } from '@leadex/core/domain/leads/submit-leads';
import { leadFindings } from '@leadex/core/domain/verification/lead-findings';
import { visibleSignals } from '@leadex/core/domain/verification/lead-findings.rules';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

type PageArgs = { filter?: unknown; sort?: LeadSort | null; first?: number | null; after?: string | null; search?: string | null };

const batchPayload = (b: SubmittedBatch) => b;

export const leadResolvers = {
  Query: {
    marketplace: (_: unknown, a: PageArgs, ctx: GqlContext) => browseMarketplace(ctx.deps, ctx.actor, a.filter, a.sort, a),
    myListings: (_: unknown, a: PageArgs, ctx: GqlContext) => myListings(ctx.deps, ctx.actor, a.filter, a, a.search),
    lead: (_: unknown, a: { id: string }, ctx: GqlContext) => findLead(ctx.deps, ctx.actor, a.id),
  },
  Mutation: {
    submitLeads: async (_: unknown, a: { input: unknown[] }, ctx: GqlContext) =>
      batchPayload(
        await submitLeads(ctx.deps, ctx.actor, a.input, { source: ctx.actor?.via === 'apiKey' ? 'API_KEY' : 'GRAPHQL', shapeErrors: 'refuse-request' }),
      ),
    // the upload is opened only after the role check inside importLeadsCsv; an unread upload is drained by graphql-upload
    importLeadsCsv: async (_: unknown, a: { file: Promise<FileUpload> }, ctx: GqlContext) =>
      batchPayload(await importLeadsCsv(ctx.deps, ctx.actor, async () => (await a.file).createReadStream())),
    withdrawLead: (_: unknown, a: { id: string }, ctx: GqlContext) => withdrawLead(ctx.deps, ctx.actor, a.id),
    eraseLeadContact: (_: unknown, a: { id: string }, ctx: GqlContext) => eraseLeadContact(ctx.deps, ctx.actor, a.id),
  },
  Lead: {
    price: (l: LeadRow) => toMoney(l.price, l.currency),
    seller: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.sellerProfile.load(l.sellerOrgId),
    sellerConversion: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.sellerConversion.load(`${l.sellerOrgId}|${l.segment}`),
    preview: (l: LeadRow) => ({ initials: l.previewName, phone: l.previewPhone, email: l.previewEmail, city: l.city }),
    // contact and consent come from one memoised read: one decision and one audit entry per lead per request
    contact: async (l: LeadRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.leadDisclosure.load({ lead: l, actor: ctx.actor }))?.contact ?? null,
    consent: async (l: LeadRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.leadDisclosure.load({ lead: l, actor: ctx.actor }))?.consent ?? null,
    // signals and findings: the owning seller's and operators' working data (null for anyone else)
    signals: (l: LeadRow, _: unknown, ctx: GqlContext) => visibleSignals(ctx.actor, l),
    erased: (l: LeadRow) => l.erasedAt != null,
    // anyone who may see the lead may see what was checked (check names only, batched per request)
    checks: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.leadChecks.load(l.id),
    findings: (l: LeadRow, _: unknown, ctx: GqlContext) => leadFindings(ctx.deps, ctx.actor, l),
  },
  LeadConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
