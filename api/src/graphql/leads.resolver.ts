// Lead queries and mutations: thin calls into the leads domain, plus the Lead field mapping.
import { schema } from '@leadex/db';
import { eq } from 'drizzle-orm';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { findLead, browseMarketplace, myListings } from '@leadex/core/domain/leads/browse-leads';
import { importLeadsCsv } from '@leadex/core/domain/leads/import-leads-csv';
import { eraseLeadContact, withdrawLead } from '@leadex/core/domain/leads/lead-lifecycle';
import type { LeadSort } from '@leadex/core/domain/leads/lead-filter';
import { submitLeads, type LeadRow, type SubmittedBatch } from '@leadex/core/domain/leads/submit-leads';
import type { GqlContext } from './context';
import { toMoney } from './mappers';

type PageArgs = { filter?: unknown; sort?: LeadSort | null; first?: number | null; after?: string | null };

const batchPayload = (b: SubmittedBatch) => ({ ...b, status: b.accepted ? 'PENDING_VERIFICATION' : 'REJECTED' });

export const leadResolvers = {
  Query: {
    marketplace: (_: unknown, a: PageArgs, ctx: GqlContext) => browseMarketplace(ctx.deps, ctx.actor, a.filter, a.sort, a),
    myListings: (_: unknown, a: PageArgs, ctx: GqlContext) => myListings(ctx.deps, ctx.actor, a.filter, a),
    lead: (_: unknown, a: { id: string }, ctx: GqlContext) => findLead(ctx.deps, ctx.actor, a.id),
  },
  Mutation: {
    submitLeads: async (_: unknown, a: { input: unknown[] }, ctx: GqlContext) =>
      batchPayload(await submitLeads(ctx.deps, ctx.actor, a.input, { source: ctx.actor?.via === 'apiKey' ? 'API_KEY' : 'GRAPHQL', shapeErrors: 'refuse-request' })),
    // the upload is opened only after the role check inside importLeadsCsv; an unread upload is drained by graphql-upload
    importLeadsCsv: async (_: unknown, a: { file: Promise<FileUpload> }, ctx: GqlContext) =>
      batchPayload(await importLeadsCsv(ctx.deps, ctx.actor, async () => (await a.file).createReadStream())),
    withdrawLead: (_: unknown, a: { id: string }, ctx: GqlContext) => withdrawLead(ctx.deps, ctx.actor, a.id),
    eraseLeadContact: (_: unknown, a: { id: string }, ctx: GqlContext) => eraseLeadContact(ctx.deps, ctx.actor, a.id),
  },
  Lead: {
    price: (l: LeadRow) => toMoney(l.price, l.currency),
    seller: async (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const org = await ctx.loaders.organization.load(l.sellerOrgId);
      return { id: l.sellerOrgId, name: org?.name ?? 'unknown', qualityScore: org?.qualityScore ?? 0 };
    },
    sellerConversion: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.sellerConversion.load(`${l.sellerOrgId}|${l.segment}`),
    preview: (l: LeadRow) => ({ initials: l.previewName, phone: l.previewPhone, email: l.previewEmail, city: l.city }),
    // contact and consent come from one memoised read: one decision and one audit entry per lead per request
    contact: async (l: LeadRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.leadDisclosure.load({ lead: l, actor: ctx.actor }))?.contact ?? null,
    consent: async (l: LeadRow, _: unknown, ctx: GqlContext) => (await ctx.loaders.leadDisclosure.load({ lead: l, actor: ctx.actor }))?.consent ?? null,
    signals: (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const mayRead = ctx.actor && (ctx.actor.role === 'OPERATOR' || ctx.actor.organizationId === l.sellerOrgId);
      return mayRead ? (l.signals as { code: string; field?: string | null; message: string }[]).map((s) => ({ ...s, field: s.field ?? null, severity: 'WARNING' })) : null;
    },
    erased: (l: LeadRow) => l.erasedAt != null,
    // anyone who may see the lead may see what was checked (check names only, batched per request)
    checks: (l: LeadRow, _: unknown, ctx: GqlContext) => ctx.loaders.leadChecks.load(l.id),
    findings: async (l: LeadRow, _: unknown, ctx: GqlContext) => {
      const mayRead = ctx.actor && (ctx.actor.role === 'OPERATOR' || ctx.actor.organizationId === l.sellerOrgId);
      if (!mayRead) return null;
      return ctx.deps.db.select().from(schema.verificationResults).where(eq(schema.verificationResults.leadId, l.id)).orderBy(schema.verificationResults.createdAt);
    },
  },
  LeadConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
