// A buyer's delivery endpoints (issue 14): several per buyer, each a WEBHOOK (signed JSON), an HTTP_MAPPED POST
// (a mapping template, JSON or form-encoded, also signed) or EMAIL (recipient addresses); one is the default, where
// marketplace purchases and campaigns without an endpoint of their own are delivered. Removing an endpoint cancels
// what was still pending for it, and campaigns that chose it fall back to the default.
import { schema, type Db, type DeliveryEndpointKind } from '@leadex/db';
import { DELIVERY_ENDPOINT_KINDS } from '@leadex/db';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/record-audit';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { badInput, DomainError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { fromStatuses } from '../shared/lifecycle';
import { assertOutboundUrl, OutboundRefusedError, outboundPolicy, type Resolver } from '../shared/outbound/ssrf-guard';
import { parseInput } from '../shared/validation';
import { testPayload } from './delivery-payload';
import { ZMappingTemplate, ZRecipients, type MappingTemplate } from './delivery-mapping.rules';
import { DELIVERY_LIFECYCLE } from './delivery.lifecycle';
import { CANCELLED_BECAUSE } from './delivery.rules';
import { sendToEndpoint, type EndpointRow } from './send-to-endpoint';

const { webhookEndpoints, deliveries, campaigns, purchases } = schema;
/** Most active endpoints one buyer may have. */
export const MAX_ENDPOINTS_PER_BUYER = 20;

const ZEndpointInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(DELIVERY_ENDPOINT_KINDS),
    url: z.string().trim().min(1).max(2000).nullish(),
    mapping: ZMappingTemplate.nullish(),
    recipients: ZRecipients.nullish(),
  })
  .superRefine((e, ctx) => {
    const need = (field: 'url' | 'mapping' | 'recipients', wanted: boolean) => {
      if (wanted && e[field] == null) ctx.addIssue({ code: 'custom', path: [field], message: `required for a ${e.kind} endpoint` });
      if (!wanted && e[field] != null) ctx.addIssue({ code: 'custom', path: [field], message: `not used by a ${e.kind} endpoint` });
    };
    need('url', e.kind !== 'EMAIL');
    need('mapping', e.kind === 'HTTP_MAPPED');
    need('recipients', e.kind === 'EMAIL');
  });
type EndpointInput = z.output<typeof ZEndpointInput>;

/** What the buyer sees of an endpoint (never its secret, except `secret` once in createDeliveryEndpoint's answer). */
export interface EndpointView {
  id: string;
  name: string;
  kind: DeliveryEndpointKind;
  url: string | null;
  mapping: MappingTemplate | null;
  recipients: string[] | null;
  isDefault: boolean;
  createdAt: Date;
  secret: string | null;
}

export function endpointView(row: EndpointRow, secret: string | null = null): EndpointView {
  const settings = row.settings as { mapping?: MappingTemplate; recipients?: string[] };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    mapping: settings.mapping ?? null,
    recipients: settings.recipients ?? null,
    isDefault: row.isDefault,
    createdAt: row.createdAt,
    secret,
  };
}

/**
 * A URL the SSRF guard allows: refused ones (private, loopback, metadata addresses, odd ports, credentials, plain
 * http in production, names that do not resolve) are WEBHOOK_URL_FORBIDDEN, malformed ones BAD_USER_INPUT.
 */
export async function checkEndpointUrl(deps: AppDeps, url: string, path: string, resolve?: Resolver): Promise<string> {
  try {
    return (await assertOutboundUrl(url, outboundPolicy(deps.config), resolve)).url.href;
  } catch (err) {
    if (!(err instanceof OutboundRefusedError)) throw err;
    if (err.reason === 'INVALID_URL') throw badInput([{ path, message: err.message }]);
    throw new DomainError('WEBHOOK_URL_FORBIDDEN', 'This webhook URL is not allowed', [{ path, message: err.message }]);
  }
}

async function columnsOf(deps: AppDeps, input: EndpointInput, resolve?: Resolver) {
  const url = input.url == null ? null : await checkEndpointUrl(deps, input.url, 'input.url', resolve);
  const settings = input.kind === 'HTTP_MAPPED' ? { mapping: input.mapping } : input.kind === 'EMAIL' ? { recipients: input.recipients } : {};
  return { name: input.name, url, settings };
}

function sealedSecret(deps: AppDeps) {
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const sealed = deps.vault.seal({ secret });
  return { secret, secretSealed: sealed.sealed, secretKeyId: sealed.keyId };
}

/** Serializes one buyer's endpoint changes (until the transaction ends), so the count and the default hold. */
export async function lockBuyerEndpoints(tx: Db, buyerOrgId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('leadex-buyer-endpoints'), hashtext(${buyerOrgId}))`);
}

/** Inserts an endpoint; a buyer's first (or only active) endpoint becomes the default. */
export async function insertEndpoint(deps: AppDeps, tx: Db, buyerOrgId: string, kind: DeliveryEndpointKind, columns: Awaited<ReturnType<typeof columnsOf>>) {
  const { secret, secretSealed, secretKeyId } = sealedSecret(deps);
  const [current] = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.buyerOrgId, buyerOrgId), eq(webhookEndpoints.active, true), eq(webhookEndpoints.isDefault, true)));
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ id: newId('wep'), buyerOrgId, kind, ...columns, secretSealed, secretKeyId, isDefault: !current, createdAt: deps.clock() })
    .returning();
  return { row: row!, secret };
}

/** A new endpoint; its signing secret (WEBHOOK and HTTP_MAPPED) is in this answer only. */
export async function createDeliveryEndpoint(deps: AppDeps, actor: Actor | null, raw: unknown, resolve?: Resolver): Promise<EndpointView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  const input = parseInput(ZEndpointInput, raw);
  const columns = await columnsOf(deps, input, resolve);
  return deps.db.transaction(async (tx) => {
    await lockBuyerEndpoints(tx, buyer.organizationId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.buyerOrgId, buyer.organizationId), eq(webhookEndpoints.active, true)));
    if (Number(n) >= MAX_ENDPOINTS_PER_BUYER) {
      throw new DomainError('DELIVERY_ENDPOINTS_LIMIT', `At most ${MAX_ENDPOINTS_PER_BUYER} delivery endpoints; remove one first`);
    }
    const { row, secret } = await insertEndpoint(deps, tx, buyer.organizationId, input.kind, columns);
    return endpointView(row, input.kind === 'EMAIL' ? null : secret);
  });
}

/** The buyer's active endpoint with this id, or DELIVERY_ENDPOINT_NOT_FOUND (another buyer's too). */
export async function ownEndpoint(deps: AppDeps, buyerOrgId: string, id: string, path?: string): Promise<EndpointRow> {
  const [row] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.buyerOrgId, buyerOrgId), eq(webhookEndpoints.active, true)));
  if (row) return row;
  if (path) throw badInput([{ path, message: 'not one of your delivery endpoints' }]);
  throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'No such delivery endpoint');
}

/**
 * Changes an endpoint's name, URL, template or recipients in place (its secret and its kind stay: the kind is
 * refused when it differs). What is still pending for it goes out with the new settings.
 */
export async function updateDeliveryEndpoint(deps: AppDeps, actor: Actor | null, id: string, raw: unknown, resolve?: Resolver): Promise<EndpointView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  const current = await ownEndpoint(deps, buyer.organizationId, id);
  const input = parseInput(ZEndpointInput, raw);
  if (input.kind !== current.kind) throw badInput([{ path: 'input.kind', message: `an endpoint's kind cannot change (it is ${current.kind})` }]);
  const columns = await columnsOf(deps, input, resolve);
  const [row] = await deps.db
    .update(webhookEndpoints)
    .set(columns)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, true)))
    .returning();
  if (!row) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'No such delivery endpoint');
  return endpointView(row);
}

/**
 * Deactivates endpoints, cancels their pending deliveries and sends the campaigns that chose them back to the
 * default, in one transaction, so a retry or a queued job that runs afterwards finds CANCELLED and sends nothing
 * (and never signs with the old secret).
 */
export async function retireEndpoints(tx: Db, buyerOrgId: string, reason: string, only: { defaultOnly?: boolean; id?: string } = {}): Promise<number> {
  const retired = await tx
    .update(webhookEndpoints)
    .set({ active: false })
    .where(
      and(
        eq(webhookEndpoints.buyerOrgId, buyerOrgId),
        eq(webhookEndpoints.active, true),
        only.defaultOnly ? eq(webhookEndpoints.isDefault, true) : undefined,
        only.id ? eq(webhookEndpoints.id, only.id) : undefined,
      ),
    )
    .returning({ id: webhookEndpoints.id });
  if (!retired.length) return 0;
  const ids = retired.map((e) => e.id);
  await tx
    .update(deliveries)
    .set({ status: 'CANCELLED', lastError: reason })
    .where(and(inArray(deliveries.endpointId, ids), inArray(deliveries.status, fromStatuses(DELIVERY_LIFECYCLE, 'CANCELLED', 'BUYER'))));
  await tx.update(campaigns).set({ deliveryEndpointId: null }).where(inArray(campaigns.deliveryEndpointId, ids));
  return retired.length;
}

/** Removes one endpoint (see retireEndpoints). Removing the default leaves none until the buyer sets one. */
export async function removeDeliveryEndpoint(deps: AppDeps, actor: Actor | null, id: string): Promise<boolean> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  await ownEndpoint(deps, buyer.organizationId, id);
  return deps.db.transaction(async (tx) => (await retireEndpoints(tx, buyer.organizationId, CANCELLED_BECAUSE.removed, { id })) > 0);
}

/** Makes this endpoint the buyer's default (the previous default stays, as an ordinary endpoint). */
export async function setDefaultDeliveryEndpoint(deps: AppDeps, actor: Actor | null, id: string): Promise<EndpointView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  await ownEndpoint(deps, buyer.organizationId, id);
  const row = await deps.db.transaction(async (tx) => {
    await lockBuyerEndpoints(tx, buyer.organizationId);
    await tx
      .update(webhookEndpoints)
      .set({ isDefault: false })
      .where(and(eq(webhookEndpoints.buyerOrgId, buyer.organizationId), eq(webhookEndpoints.isDefault, true), ne(webhookEndpoints.id, id)));
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ isDefault: true })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, true)))
      .returning();
    return updated;
  });
  if (!row) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'No such delivery endpoint');
  return endpointView(row);
}

/** The buyer's active endpoints, the default first, each with its newest delivery's status. */
export async function listDeliveryEndpoints(deps: AppDeps, actor: Actor | null) {
  const buyer = requireUser(actor, 'BUYER');
  const rows = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.buyerOrgId, buyer.organizationId), eq(webhookEndpoints.active, true)))
    .orderBy(desc(webhookEndpoints.isDefault), desc(webhookEndpoints.createdAt));
  const latest = rows.length
    ? await deps.db
        .selectDistinctOn([deliveries.endpointId], { endpointId: deliveries.endpointId, status: deliveries.status, at: deliveries.createdAt })
        .from(deliveries)
        .where(
          inArray(
            deliveries.endpointId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(deliveries.endpointId, desc(deliveries.createdAt))
    : [];
  return rows.map((r) => {
    const last = latest.find((l) => l.endpointId === r.id);
    return { ...endpointView(r), lastDeliveryStatus: last?.status ?? null, lastDeliveryAt: last?.at ?? null };
  });
}

/**
 * A new signing secret for a WEBHOOK or HTTP_MAPPED endpoint, shown once in this answer; the old one signs nothing
 * from now on (attempts read the secret when they send). Audited as delivery_endpoint.secret_rotated.
 */
export async function rotateDeliveryEndpointSecret(deps: AppDeps, actor: Actor | null, id: string): Promise<EndpointView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'MONEY');
  const current = await ownEndpoint(deps, buyer.organizationId, id);
  if (current.kind === 'EMAIL') throw badInput([{ path: 'id', message: 'an e-mail endpoint has no signing secret' }]);
  const { secret, secretSealed, secretKeyId } = sealedSecret(deps);
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ secretSealed, secretKeyId })
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, true)))
      .returning();
    if (!updated) throw new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'No such delivery endpoint');
    await recordAudit(tx, {
      actor: buyer,
      action: 'delivery_endpoint.secret_rotated',
      target: { type: 'delivery_endpoint', id, organizationId: buyer.organizationId },
      details: { kind: updated.kind },
      at: deps.clock(),
    });
    return updated;
  });
  return endpointView(row, secret);
}

/**
 * One attempt with a made-up lead (`type: "lead.test"`), right now, nothing retried or logged as a delivery: the
 * answer says whether the endpoint took it, in the attempt log's phrases.
 */
export async function sendTestDelivery(deps: AppDeps, actor: Actor | null, id: string, resolve?: Resolver) {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const endpoint = await ownEndpoint(deps, buyer.organizationId, id);
  const { httpStatus, verdict, responseBody = null } = await sendToEndpoint(deps, endpoint, testPayload(deps, endpoint.id), resolve);
  return { ok: verdict.ok, httpStatus, error: verdict.ok ? null : verdict.error, responseBody };
}

/**
 * Where each purchase is delivered now: its campaign's endpoint when the campaign chose one, else the buyer's
 * default endpoint; purchases with neither are left out.
 */
export async function deliveryRoutes(db: Db, purchaseIds: readonly string[]): Promise<Map<string, string>> {
  if (!purchaseIds.length) return new Map();
  const chosen = alias(webhookEndpoints, 'chosen_endpoint');
  const fallback = alias(webhookEndpoints, 'default_endpoint');
  const rows = await db
    .select({ purchaseId: purchases.id, chosen: chosen.id, fallback: fallback.id })
    .from(purchases)
    .leftJoin(campaigns, eq(campaigns.id, purchases.campaignId))
    .leftJoin(chosen, and(eq(chosen.id, campaigns.deliveryEndpointId), eq(chosen.buyerOrgId, purchases.buyerOrgId), eq(chosen.active, true)))
    .leftJoin(fallback, and(eq(fallback.buyerOrgId, purchases.buyerOrgId), eq(fallback.active, true), eq(fallback.isDefault, true)))
    .where(inArray(purchases.id, [...purchaseIds]));
  return new Map(rows.flatMap((r) => ((r.chosen ?? r.fallback) ? [[r.purchaseId, (r.chosen ?? r.fallback)!] as const] : [])));
}

/** A campaign's endpoint choice: null (the default) or one of the buyer's active endpoints (else BAD_USER_INPUT). */
export async function checkCampaignEndpoint(deps: AppDeps, buyerOrgId: string, id: string | null | undefined): Promise<string | null> {
  if (id == null) return null;
  return (await ownEndpoint(deps, buyerOrgId, id, 'input.deliveryEndpointId')).id;
}
