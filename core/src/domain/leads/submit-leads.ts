// Lead submission (GraphQL, CSV, API key): shape, hard checks and soft signals at once, then one
// write of the batch, its accepted leads and every finding (store-submission.ts); the spot-check is queued after.
import { schema, type BatchStatus } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireScope, type Actor } from '../auth/access';
import { loadCatalogAt } from '../catalog/catalog.service';
import { geoTierFor } from '../catalog/geo.rules';
import { findBasePrice, listPrice } from '../pricing/pricing.rules';
import { badInput, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { chargeStep, moneyInputErrors, moneyInputOrNull } from '../shared/money';
import { zodFieldErrors } from '../shared/validation';
import { findUnsafeText } from '../shared/safe-text';
import { maskEmail, maskName, maskPhone, maskPhoneParts, normalizedEmailKey, normalizedPhoneKey } from './contact.rules';
import { ZLeadInput, type TLeadInputShape } from './lead-input.schema';
import { checkLeadHard, checkLeadSoft, hasError, type HardCheckResult } from './lead-checks.rules';
import type { LeadIssue, SegmentDefinition, TLeadInput } from './lead.types';
import { typedAttributes } from './lead-attributes';
import { activeSeller } from './seller-status';
import { findSubmissionConflicts, readSubmissionContext, suppressionIssues } from './submission-lookups';
import { storeSubmission } from './store-submission';
import { verifyCertificates, type CertificateVerdict } from '../consent/verify-certificate';

type LeadsTable = typeof schema.leads;

export const DUPLICATE_WINDOW_DAYS = 90;
export const DEFAULT_SHARED_MAX_SALES = 3;
// how long a lead of a segment without its own ttlDays stays on the market; every seeded segment sets one, and a
// lead of an unknown segment is rejected by the hard checks, so this is a floor for a segment row without the value
export const DEFAULT_TTL_DAYS = 30;
const DAY_MS = 86_400_000;

export type SubmissionSource = 'GRAPHQL' | 'CSV' | 'API_KEY' | 'PING_POST' | 'SEED';

export interface SubmitOptions {
  source: SubmissionSource;
  /** GraphQL callers get BAD_USER_INPUT for a malformed lead; CSV rows are rejected one by one instead. */
  shapeErrors: 'refuse-request' | 'reject-row';
  /** ping-post runs the spot-check itself, before any campaign may bid (the sweeper still finds it later) */
  queueSpotCheck?: boolean;
  /** the caller already counted these leads against the per-minute limit (e.g. before claiming a ping) */
  limitCounted?: boolean;
}

export type LeadRow = LeadsTable['$inferSelect'];

export interface LeadResult {
  index: number;
  lead: LeadRow | null;
  issues: LeadIssue[];
}

export interface SubmittedBatch {
  id: string;
  accepted: number;
  rejected: number;
  /** the batch's status as written: waiting for its verdict, or REJECTED when nothing was accepted */
  status: BatchStatus;
  results: LeadResult[];
}

type Parsed = { index: number; input: TLeadInput } | { index: number; input: null; issues: LeadIssue[] };

function shapeIssues(fields: FieldError[]): LeadIssue[] {
  return fields.map((f) => ({ code: 'INVALID_FIELD', field: f.path || null, message: f.message, severity: 'ERROR' }));
}

function parseShapes(raw: unknown[], options: SubmitOptions, currency: string): Parsed[] {
  const refused: FieldError[] = [];
  const parsed = raw.map((item, index): Parsed => {
    // NUL and lone surrogates are a shape error of the row: a CSV cell carries them past the GraphQL edge check
    const unsafe = findUnsafeText(item);
    const result = unsafe.length ? null : ZLeadInput.safeParse(item);
    if (!result?.success) {
      const fields = result ? zodFieldErrors(result.error, '') : unsafe;
      refused.push(...fields.map((f) => ({ ...f, path: `input[${index}].${f.path}` })));
      return { index, input: null, issues: shapeIssues(fields) };
    }
    const shape: TLeadInputShape = result.data;
    // a buyer is charged the asking price: it must be on the currency's charge step (0.010 in three-decimal ones)
    const step = chargeStep(currency);
    const askingPrice = shape.askingPrice == null ? null : moneyInputOrNull(shape.askingPrice, currency, { step });
    if (shape.askingPrice != null && askingPrice == null) {
      const offStepOnly = moneyInputOrNull(shape.askingPrice, currency) != null;
      const message = offStepOnly
        ? moneyInputErrors(shape.askingPrice, currency, 'askingPrice', { step })[0]!.message
        : `must have at most the currency's minor digits (${currency})`;
      refused.push({ path: `input[${index}].askingPrice`, message });
      return { index, input: null, issues: shapeIssues([{ path: 'askingPrice', message }]) };
    }
    return { index, input: { ...shape, askingPrice } as TLeadInput };
  });
  if (refused.length && options.shapeErrors === 'refuse-request') throw badInput(refused, 'Some leads are malformed; nothing was submitted');
  return parsed;
}

/** EXTERNAL_ID_TAKEN when the seller used the id on an earlier lead, else EXTERNAL_ID_DUPLICATE on its repeat in the batch. */
function externalIdIssues(externalId: string | null | undefined, taken: boolean, repeated: boolean): LeadIssue[] {
  if (!externalId) return [];
  if (taken) return [{ code: 'EXTERNAL_ID_TAKEN', field: 'externalId', message: 'you already submitted a lead with this externalId', severity: 'ERROR' }];
  if (repeated) return [{ code: 'EXTERNAL_ID_DUPLICATE', field: 'externalId', message: 'this externalId appears twice in the batch', severity: 'ERROR' }];
  return [];
}

/**
 * Checks and stores a batch of leads for the calling seller. Accepted leads are PENDING_VERIFICATION;
 * nothing is listed until the spot-check worker gives the batch a verdict.
 */
export async function submitLeads(deps: AppDeps, actor: Actor | null, raw: unknown, options: SubmitOptions): Promise<SubmittedBatch> {
  const seller = requireCapability(requireScope(actor, 'leads:write', 'SELLER'), 'TRADE');
  if (!Array.isArray(raw) || raw.length === 0) throw badInput([{ path: 'input', message: 'send at least one lead' }]);
  if (raw.length > deps.config.MAX_BATCH_SIZE) {
    throw badInput([{ path: 'input', message: `at most ${deps.config.MAX_BATCH_SIZE} leads per batch` }]);
  }
  // the seller's row, the catalog's version and the seller's conversion factors in one round trip
  const context = await readSubmissionContext(deps.db, seller.organizationId);
  activeSeller(context.org);
  // counted before any work, over every channel: each submitted lead spends the organisation's budget,
  // malformed and rejected ones too (probing with rejected leads is what the limit is for)
  if (!options.limitCounted) await deps.leadSubmissions.consume(seller.organizationId, raw.length);
  const currency = deps.config.PLATFORM_CURRENCY;
  const parsed = parseShapes(raw, options, currency);
  const now = deps.clock();

  const { segments, areas, pricing } = await loadCatalogAt(deps.db, context.catalogVersion);
  const conversion = context.conversion;
  const segmentByCode = new Map<string, SegmentDefinition>(segments.map((s) => [s.code, s]));
  const externalIds = new Set<string>();

  // Hard checks first, with no look-up of other sellers' leads: a rejected lead must learn nothing about
  // what the platform holds, or 10,000 rejected leads read out which phones exist (the duplicate oracle).
  // Whether the seller already used an externalId comes with the look-ups below (one round trip): until then a
  // lead with an externalId counts as passing, and the look-up's answers are used only for leads that still pass.
  const checked = parsed.map((p) => {
    if (!p.input) return null;
    const input = p.input;
    const segment = segmentByCode.get(input.segment);
    const contactAndRules = checkLeadHard(input, segment, now);
    const repeatedExternalId = !!input.externalId && externalIds.has(input.externalId);
    if (input.externalId) externalIds.add(input.externalId);
    const geoTier = geoTierFor(areas, input.country, input.region, input.city);
    const base = segment ? findBasePrice(pricing.grid, segment.code, input.subsegment, geoTier) : null;
    const noPrice: LeadIssue[] =
      segment && base == null && input.askingPrice == null
        ? [{ code: 'NO_PRICE', field: 'segment', message: 'no price grid entry for this segment and geo tier; set askingPrice', severity: 'ERROR' }]
        : [];
    const issues = [...contactAndRules.issues, ...externalIdIssues(input.externalId, false, repeatedExternalId), ...noPrice];
    const hard: HardCheckResult = { contact: contactAndRules.contact, issues, passed: !hasError(issues), phoneParts: contactAndRules.phoneParts };
    const contact = hard.contact;
    // contact keys only for passing leads: only they are stored, and only they take part in duplicate detection
    const phoneHash = hard.passed && contact.phoneE164 ? deps.vault.hash(normalizedPhoneKey(contact.phoneE164)) : null;
    const emailHash = hard.passed && contact.email ? deps.vault.hash(normalizedEmailKey(contact.email)) : null;
    return { index: p.index, input, segment, hard, geoTier, base, phoneHash, emailHash, contactAndRules, repeatedExternalId, noPrice };
  });

  // the do-not-contact list (erasures, upheld "never asked" disputes, operator uploads): a hard check, asked only
  // for leads that passed every other one, so probing it costs a fully valid lead each time. The duplicate
  // look-up is sent in the same round trip; what it says of a lead the list then refuses is never used.
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
  const candidates = checked.filter((c): c is NonNullable<typeof c> => c !== null && c.hard.passed);
  const { takenExternalIds, suppressed, existing } = await findSubmissionConflicts(deps.db, {
    sellerOrgId: seller.organizationId,
    externalIds: [...externalIds],
    since,
    keys: candidates.map((c) => ({ segment: c.input.segment, phoneHash: c.phoneHash, emailHash: c.emailHash })),
  });
  for (const c of checked) {
    if (!c?.input.externalId || !takenExternalIds.has(c.input.externalId)) continue;
    // the issue takes the place it had when the externalIds were looked up first: after the contact and rules
    const issues = [...c.contactAndRules.issues, ...externalIdIssues(c.input.externalId, true, c.repeatedExternalId), ...c.noPrice];
    c.hard = { ...c.hard, issues, passed: false };
    c.phoneHash = null;
    c.emailHash = null;
  }
  if (suppressed.size) {
    for (const c of checked) {
      if (!c?.hard.passed) continue;
      const issues = suppressionIssues(c, suppressed);
      if (!issues.length) continue;
      c.hard = { ...c.hard, issues: [...c.hard.issues, ...issues], passed: false };
      c.phoneHash = null;
      c.emailHash = null;
    }
  }

  // consent certificates (issue 13), like the list above only for leads that passed every other hard check
  const certified = checked.filter((c): c is NonNullable<typeof c> => !!c?.hard.passed);
  const verdicts = await verifyCertificates(
    deps,
    certified.map((c) => ({
      certificateId: c.input.consent.certificateId ?? null,
      requireCertificate: !!c.segment?.requireConsentCertificate,
      sellerOrgId: seller.organizationId,
      phoneHash: c.phoneHash,
      emailHash: c.emailHash,
      capturedAt: c.input.capturedAt,
    })),
    now,
  );
  const certificateOf = new Map<number, CertificateVerdict>();
  for (const [i, c] of certified.entries()) {
    const verdict = verdicts[i]!;
    if (verdict.problem) c.hard = { ...c.hard, issues: [...c.hard.issues, verdict.problem], passed: false };
    else certificateOf.set(c.index, verdict);
  }

  const ipCounts = new Map<string, number>();
  for (const c of checked) if (c?.input.ip) ipCounts.set(c.input.ip, (ipCounts.get(c.input.ip) ?? 0) + 1);
  const seenInBatch = new Set<string>();

  const batchId = newId('bat');
  const results: LeadResult[] = [];
  const rows: LeadsTable['$inferInsert'][] = [];
  const claims: { leadId: string; certificateId: string }[] = [];
  for (const [i, c] of checked.entries()) {
    if (!c) {
      const p = parsed[i]!;
      results.push({ index: p.index, lead: null, issues: p.input ? [] : p.issues });
      continue;
    }
    const { input, segment, hard, geoTier, base } = c;
    const phoneKey = c.phoneHash ? `${input.segment}|p|${c.phoneHash}` : null;
    const emailKey = c.emailHash ? `${input.segment}|e|${c.emailHash}` : null;
    const certificate = certificateOf.get(c.index);
    const soft = checkLeadSoft(input, segment, hard, {
      now,
      duplicatePhone: !!phoneKey && (existing.has(phoneKey) || seenInBatch.has(phoneKey)),
      duplicateEmail: !!emailKey && (existing.has(emailKey) || seenInBatch.has(emailKey)),
      leadsFromSameIpInBatch: input.ip ? ipCounts.get(input.ip)! : 0,
      certificateSignals: certificate?.signals,
    });
    const issues = [...hard.issues, ...soft.signals];
    if (!hard.passed) {
      results.push({ index: c.index, lead: null, issues });
      continue;
    }
    if (phoneKey) seenInBatch.add(phoneKey);
    if (emailKey) seenInBatch.add(emailKey);
    const contact = hard.contact;
    const sealed = deps.vault.seal({ ...contact, consent: input.consent, ip: input.ip ?? null });
    const maxSales = input.exclusivity === 'EXCLUSIVE' ? 1 : (input.maxSales ?? DEFAULT_SHARED_MAX_SALES);
    const row: LeadsTable['$inferInsert'] = {
      id: newId('lead'),
      batchId,
      sellerOrgId: seller.organizationId,
      externalId: input.externalId ?? null,
      segment: input.segment,
      subsegment: input.subsegment ?? null,
      country: input.country,
      region: input.region ?? null,
      city: input.city ?? null,
      postalCode: input.postalCode ?? null,
      geoTier,
      kind: input.kind,
      temperature: soft.temperature,
      score: soft.score,
      sourceChannel: input.sourceChannel,
      capturedAt: input.capturedAt,
      exclusivity: input.exclusivity,
      maxSales,
      status: 'PENDING_VERIFICATION',
      verification: 'UNVERIFIED',
      askingPrice: input.askingPrice ?? null,
      price: listPrice(
        {
          baseAmount: base ?? 0,
          temperature: soft.temperature,
          exclusivity: input.exclusivity,
          verified: false,
          capturedAt: input.capturedAt,
          askingPrice: input.askingPrice,
          conversionFactor: conversion.get(input.segment),
        },
        pricing.factors,
        now,
        chargeStep(currency),
      ),
      currency,
      attributes: segment ? typedAttributes(input.attributes, segment, input.subsegment) : {},
      signals: issues.filter((i) => i.severity === 'WARNING').map(({ code, field, message }) => ({ code, field, message })),
      formFillSeconds: input.formFillSeconds ?? null,
      previewName: maskName(contact.fullName),
      previewPhone: contact.phoneE164 ? (hard.phoneParts ? maskPhoneParts(hard.phoneParts) : maskPhone(contact.phoneE164)) : null,
      previewEmail: contact.email ? maskEmail(contact.email) : null,
      contactSealed: sealed.sealed,
      contactKeyId: sealed.keyId,
      phoneHash: c.phoneHash,
      emailHash: c.emailHash,
      ipHash: input.ip ? deps.vault.hash(`ip:${input.ip}`) : null,
      expiresAt: new Date(input.capturedAt.getTime() + (segment?.ttlDays ?? DEFAULT_TTL_DAYS) * DAY_MS),
      createdAt: now,
    };
    rows.push(row);
    if (certificate?.certificateId) claims.push({ leadId: row.id!, certificateId: certificate.certificateId });
    // the answer carries the row as the database will hold it, column defaults included (Lead.salesCount …)
    results.push({ index: c.index, lead: { salesCount: 0, reservedCount: 0, erasedAt: null, listedAt: null, ...row } as LeadRow, issues });
  }

  const { accepted, status } = await storeSubmission(deps.db, {
    batchId,
    sellerOrgId: seller.organizationId,
    submittedBy: seller.userId ?? seller.apiKeyId ?? null,
    source: options.source,
    total: raw.length,
    now,
    rows,
    results,
    claims,
  });

  if (accepted && options.queueSpotCheck !== false) {
    // after commit: the job id is the batch id, so a repeat is harmless; a failed enqueue leaves the batch
    // PENDING_VERIFICATION, where the spot-check sweeper finds it again
    await deps.jobs
      .enqueueSpotCheck({ batchId })
      .catch((err: Error) => deps.logger.warn({ batchId, err: err.message }, 'spot-check enqueue failed; the sweeper will retry'));
  }
  return { id: batchId, accepted, rejected: raw.length - accepted, status, results };
}
