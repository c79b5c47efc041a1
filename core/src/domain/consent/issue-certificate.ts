// Issuing a consent certificate: what the capture script on a seller's form reports at submit, signed.
import { schema } from '@leadex/db';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { DomainError, badInput } from '../shared/domain-error';
import { newId } from '../shared/ids';
import { retryAfterSeconds } from '../shared/insured-limiter';
import { zodFieldErrors } from '../shared/validation';
import { suppressionKeys } from '../suppression/suppression.rules';
import { CONTACT_ENTRIES, certificateExpiry, normalizeOrigin, signCertificate, type CertificateFacts } from './certificate.rules';
import { originRegistered } from './consent-origins';

const { consentCertificates } = schema;

const text = (max: number) => z.string().trim().max(max);
const ms = (max: number) => z.number().int().min(0).max(max);
const DAY_MS = 86_400_000;

export const ZCertificateRequest = z.object({
  seller: text(64).min(1),
  pageUrl: z.string().trim().url().max(2000),
  pageTitle: text(500).nullish(),
  consentText: text(2000).min(1, 'consent text is required'),
  timeOnPageMs: ms(DAY_MS),
  keystrokeToSubmitMs: ms(DAY_MS).nullish(),
  phoneEntry: z.enum(CONTACT_ENTRIES),
  emailEntry: z.enum(CONTACT_ENTRIES),
  viewport: z.object({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }),
  // read only to be hashed; a national-format phone is read in `country`
  phone: text(40).nullish(),
  email: text(254).nullish(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .nullish(),
});
export type TCertificateRequest = z.infer<typeof ZCertificateRequest>;

export interface CertificateRequestContext {
  /** the request's `Origin` header, as the browser sent it */
  origin: string | undefined;
  userAgent: string | undefined;
  /** the client's IP: each may ask for CONSENT_CERTIFICATES_PER_MINUTE certificates a minute */
  ip: string;
}

export type ConsentCertificateRow = typeof consentCertificates.$inferSelect;

/** The same keyed hashes a lead with this phone and e-mail gets (the canonical keys of suppression lists and leads). */
function contactHashes(deps: AppDeps, req: TCertificateRequest): { phoneHash: string | null; emailHash: string | null } {
  if (!req.phone && !req.email) return { phoneHash: null, emailHash: null };
  const { keys, errors } = suppressionKeys({ phone: req.phone, email: req.email, country: req.country }, 'contact');
  if (errors.length) throw badInput(errors.map((e) => ({ ...e, path: e.path.replace(/^contact\./, '') })));
  const key = (kind: 'PHONE' | 'EMAIL') => keys.find((k) => k.kind === kind)?.key;
  const phone = key('PHONE');
  const email = key('EMAIL');
  return { phoneHash: phone ? deps.vault.hash(phone) : null, emailHash: email ? deps.vault.hash(email) : null };
}

// the endpoint is public (any page of a registered origin calls it): every request spends the IP's budget
async function consumeCertificateBudget(deps: AppDeps, ip: string): Promise<void> {
  try {
    await deps.rateLimits.consentCertificates.consume(ip);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retryAfter = retryAfterSeconds(err.msBeforeNext);
    throw new DomainError('RATE_LIMITED', `Too many consent certificates requested; try again in ${retryAfter} s`, [], { retryAfter });
  }
}

/**
 * Issues a certificate for a form of `seller`, refused unless the request comes from one of the seller's
 * registered origins. The raw phone and e-mail are hashed and dropped: never stored, never logged.
 * `issuedAt` defaults to the clock (tests pass an earlier one to make an expired certificate).
 */
export async function issueCertificate(
  deps: AppDeps,
  raw: unknown,
  ctx: CertificateRequestContext,
  options: { issuedAt?: Date } = {},
): Promise<ConsentCertificateRow> {
  await consumeCertificateBudget(deps, ctx.ip);
  const parsed = ZCertificateRequest.safeParse(raw);
  if (!parsed.success) throw badInput(zodFieldErrors(parsed.error, ''), 'The consent certificate request is malformed');
  const req = parsed.data;
  const origin = ctx.origin ? normalizeOrigin(ctx.origin) : null;
  if (!origin || !(await originRegistered(deps, req.seller, origin))) {
    throw new DomainError('CONSENT_ORIGIN_NOT_ALLOWED', 'This page may not issue consent certificates for the seller; register its origin first');
  }
  const issuedAt = options.issuedAt ?? deps.clock();
  const facts: CertificateFacts = {
    id: newId('cct'),
    sellerOrgId: req.seller,
    origin,
    pageUrl: req.pageUrl,
    pageTitle: req.pageTitle || null,
    consentText: req.consentText,
    timeOnPageMs: req.timeOnPageMs,
    keystrokeToSubmitMs: req.keystrokeToSubmitMs ?? null,
    phoneEntry: req.phoneEntry,
    emailEntry: req.emailEntry,
    viewportWidth: req.viewport.width,
    viewportHeight: req.viewport.height,
    userAgent: (ctx.userAgent ?? '').slice(0, 500),
    ...contactHashes(deps, req),
    issuedAt,
    expiresAt: certificateExpiry(issuedAt),
  };
  const [row] = await deps.db
    .insert(consentCertificates)
    .values({ ...facts, signature: signCertificate(facts, deps.config.CONSENT_SIGNING_KEY) })
    .returning();
  return row!;
}
