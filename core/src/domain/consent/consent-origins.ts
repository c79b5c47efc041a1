// The form origins a seller lets the consent capture script post certificates from.
import { schema } from '@leadex/db';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { DomainError } from '../shared/domain-error';
import { isUniqueViolation } from '../shared/db-errors';
import { newId } from '../shared/ids';
import { normalizeOrigin } from './certificate.rules';

const { consentOrigins } = schema;
export type ConsentOriginRow = typeof consentOrigins.$inferSelect;

// enough for every landing-page domain a seller runs; a cap keeps the CORS check a short list
export const MAX_ORIGINS_PER_SELLER = 50;

export async function listConsentOrigins(deps: AppDeps, actor: Actor | null): Promise<ConsentOriginRow[]> {
  const seller = requireUser(actor, 'SELLER');
  return deps.db.select().from(consentOrigins).where(eq(consentOrigins.sellerOrgId, seller.organizationId)).orderBy(asc(consentOrigins.origin));
}

/** Adds an origin (scheme + host + port); adding one already there returns the existing row. */
export async function addConsentOrigin(deps: AppDeps, actor: Actor | null, raw: string): Promise<ConsentOriginRow> {
  const seller = requireCapability(requireUser(actor, 'SELLER'), 'TRADE');
  const origin = normalizeOrigin(raw);
  if (!origin) {
    throw new DomainError('CONSENT_ORIGIN_INVALID', 'Not a form origin', [
      { path: 'origin', message: 'an http(s) scheme and host, optionally a port, and no path, e.g. https://forms.example.com' },
    ]);
  }
  const existing = await listConsentOrigins(deps, seller);
  const same = existing.find((o) => o.origin === origin);
  if (same) return same;
  if (existing.length >= MAX_ORIGINS_PER_SELLER) {
    throw new DomainError('CONSENT_ORIGIN_INVALID', `At most ${MAX_ORIGINS_PER_SELLER} form origins`, [{ path: 'origin', message: 'remove one first' }]);
  }
  try {
    const [row] = await deps.db
      .insert(consentOrigins)
      .values({ id: newId('cor'), sellerOrgId: seller.organizationId, origin, createdAt: deps.clock() })
      .returning();
    return row!;
  } catch (err) {
    // a concurrent add of the same origin: the row is there either way
    if (!isUniqueViolation(err, 'consent_origins_seller_origin_uq')) throw err;
    return (await listConsentOrigins(deps, seller)).find((o) => o.origin === origin)!;
  }
}

export async function removeConsentOrigin(deps: AppDeps, actor: Actor | null, id: string): Promise<boolean> {
  const seller = requireCapability(requireUser(actor, 'SELLER'), 'TRADE');
  const removed = await deps.db
    .delete(consentOrigins)
    .where(and(eq(consentOrigins.id, id), eq(consentOrigins.sellerOrgId, seller.organizationId)))
    .returning({ id: consentOrigins.id });
  if (!removed.length) throw new DomainError('CONSENT_ORIGIN_NOT_FOUND', 'No such form origin', [{ path: 'id', message: 'not one of your origins' }]);
  return true;
}

/**
 * Whether the seller registered this `Origin` header value (the CORS and issue check); with no seller (a CORS
 * preflight, which carries no body), whether any seller did.
 */
export async function originRegistered(deps: AppDeps, sellerOrgId: string | null, originHeader: string): Promise<boolean> {
  const origin = normalizeOrigin(originHeader);
  if (!origin) return false;
  const [row] = await deps.db
    .select({ id: consentOrigins.id })
    .from(consentOrigins)
    .where(and(eq(consentOrigins.origin, origin), sellerOrgId == null ? undefined : eq(consentOrigins.sellerOrgId, sellerOrgId)))
    .limit(1);
  return !!row;
}
