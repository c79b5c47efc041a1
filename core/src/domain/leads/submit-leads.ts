// Lead submission (GraphQL, CSV, API key): shape, hard checks and soft signals at once, then one
// transaction that writes the batch, its accepted leads and every finding; the spot-check is queued after.
import { schema } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireScope, type Actor } from '../auth/access';
import { loadGeoAreas, loadPricing, loadSegments } from '../catalog/catalog.service';
import { geoTierFor } from '../catalog/geo.rules';
import { findBasePrice, listPrice } from '../pricing/pricing.rules';
import { sellerConversionFactors } from '../pricing/seller-conversion';
import { DomainError, badInput, type FieldError } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { chargeStep, moneyInputErrors, moneyInputOrNull } from '../shared/money';
import { zodFieldErrors } from '../shared/validation';
import { findUnsafeText } from '../shared/safe-text';
import { maskEmail, maskName, maskPhone, normalizedEmailKey, normalizedPhoneKey } from './contact.rules';
import { ZLeadInput, type TLeadInputShape } from './lead-input.schema';
import { checkLeadHard, checkLeadSoft, hasError, type HardCheckResult } from './lead-checks.rules';
import type { LeadIssue, SegmentDefinition, TLeadInput } from './lead.types';
import { typedAttributes } from './lead-attributes';
import { insertLeadRows } from './insert-lead-rows';
import { insertRowsAsJson } from '../shared/bulk-sql';
import { isUniqueViolation } from '../shared/db-errors';
import { assertSellerActive } from './seller-status';
import { initialBatchStatus } from './batch.lifecycle';
import type { BatchStatus } from '@leadex/db';
import { globallySuppressed } from '../suppression/suppression-lookups';
import { findExistingDuplicates, findTakenExternalIds, suppressionIssues } from './submission-lookups';
import { CERTIFICATE_REUSED_ISSUE, claimCertificates, verifyCertificates, type CertificateVerdict } from '../consent/verify-certificate';

const { leadBatches, verificationResults } = schema;
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
  await assertSellerActive(deps.db, seller.organizationId);
  // counted before any work, over every channel: each submitted lead spends the organisation's budget,
  // malformed and rejected ones too (probing with rejected leads is what the limit is for)
  if (!options.limitCounted) await deps.leadSubmissions.consume(seller.organizationId, raw.length);
  const currency = deps.config.PLATFORM_CURRENCY;
  const parsed = parseShapes(raw, options, currency);
  const now = deps.clock();

  const [segments, areas, pricing, conversion] = await Promise.all([
    loadSegments(deps.db),
    loadGeoAreas(deps.db),
    loadPricing(deps.db),
    sellerConversionFactors(deps.db, seller.organizationId),
  ]);
  const segmentByCode = new Map<string, SegmentDefinition>(segments.map((s) => [s.code, s]));
  const externalIds = new Set<string>();
  const takenExternalIds = await findTakenExternalIds(
    deps.db,
    seller.organizationId,
    parsed.map((p) => p.input?.externalId),
  );

  // Hard checks first, with no look-up of other sellers' leads: a rejected lead must learn nothing about
  // what the platform holds, or 10,000 rejected leads read out which phones exist (the duplicate oracle).
  const checked = parsed.map((p) => {
    if (!p.input) return null;
    const input = p.input;
    const segment = segmentByCode.get(input.segment);
    const contactAndRules = checkLeadHard(input, segment, now);
    const extra: LeadIssue[] = [];
    if (input.externalId) {
      if (takenExternalIds.has(input.externalId)) {
        extra.push({ code: 'EXTERNAL_ID_TAKEN', field: 'externalId', message: 'you already submitted a lead with this externalId', severity: 'ERROR' });
      } else if (externalIds.has(input.externalId)) {
        extra.push({ code: 'EXTERNAL_ID_DUPLICATE', field: 'externalId', message: 'this externalId appears twice in the batch', severity: 'ERROR' });
      }
      externalIds.add(input.externalId);
    }
    const geoTier = geoTierFor(areas, input.country, input.region, input.city);
    const base = segment ? findBasePrice(pricing.grid, segment.code, input.subsegment, geoTier) : null;
    if (segment && base == null && input.askingPrice == null) {
      extra.push({ code: 'NO_PRICE', field: 'segment', message: 'no price grid entry for this segment and geo tier; set askingPrice', severity: 'ERROR' });
    }
    const issues = [...contactAndRules.issues, ...extra];
    const hard: HardCheckResult = { contact: contactAndRules.contact, issues, passed: !hasError(issues) };
    const contact = hard.contact;
    // contact keys only for passing leads: only they are stored, and only they take part in duplicate detection
    const phoneHash = hard.passed && contact.phoneE164 ? deps.vault.hash(normalizedPhoneKey(contact.phoneE164)) : null;
    const emailHash = hard.passed && contact.email ? deps.vault.hash(normalizedEmailKey(contact.email)) : null;
    return { index: p.index, input, segment, hard, geoTier, base, phoneHash, emailHash };
  });

  // the do-not-contact list (erasures, upheld "never asked" disputes, operator uploads): a hard check, asked only
  // for leads that passed every other one, so probing it costs a fully valid lead each time. The duplicate
  // look-up is sent in the same round trip; what it says of a lead the list then refuses is never used.
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
  const candidates = checked.filter((c): c is NonNullable<typeof c> => c !== null && c.hard.passed);
  const [suppressed, existing] = await Promise.all([
    globallySuppressed(
      deps.db,
      candidates.flatMap((c) => [c.phoneHash, c.emailHash].filter((h): h is string => !!h)),
    ),
    findExistingDuplicates(
      deps.db,
      since,
      candidates.map((c) => ({ segment: c.input.segment, phoneHash: c.phoneHash, emailHash: c.emailHash })),
    ),
  ]);
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
      previewPhone: contact.phoneE164 ? maskPhone(contact.phoneE164) : null,
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

  let accepted = rows.length;
  let status = initialBatchStatus(accepted);
  await deps.db.transaction(async (tx) => {
    // a certificate a concurrent batch claimed first: its lead here is rejected, the rest of the batch goes on
    const lost = await claimCertificates(tx, claims);
    if (lost.size) {
      rows.splice(0, rows.length, ...rows.filter((r) => !lost.has(r.id!)));
      for (const r of results) if (r.lead && lost.has(r.lead.id)) Object.assign(r, { lead: null, issues: [...r.issues, CERTIFICATE_REUSED_ISSUE] });
      accepted = rows.length;
      status = initialBatchStatus(accepted);
    }
    await tx.insert(leadBatches).values({
      id: batchId,
      sellerOrgId: seller.organizationId,
      submittedBy: seller.userId ?? seller.apiKeyId ?? null,
      source: options.source,
      total: raw.length,
      accepted,
      rejected: raw.length - accepted,
      status,
      createdAt: now,
    });
    // chunks keep each statement under Postgres' 65,535 bind parameters
    {
      try {
        await insertLeadRows(tx, rows);
      } catch (err) {
        if (isUniqueViolation(err, 'leads_seller_external_uq')) {
          // a concurrent batch took the same externalId between our check and this insert
          throw new DomainError('EXTERNAL_ID_TAKEN', 'A lead with one of these externalIds was submitted at the same time; resubmit to see which');
        }
        throw err;
      }
    }
    const findings = results.flatMap((r) =>
      r.issues.map((issue) => ({
        id: newId('vrs'),
        batchId,
        leadId: r.lead?.id ?? null,
        rowIndex: r.index,
        stage: 'SUBMISSION',
        code: issue.code,
        field: issue.field,
        message: issue.message,
        severity: issue.severity,
        createdAt: now,
      })),
    );
    await insertRowsAsJson(tx, verificationResults, findings);
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
