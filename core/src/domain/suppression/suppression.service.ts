// Suppression lists as their owners manage them: a buyer's own list (add, remove, size) and the operator's
// uploads to the global do-not-contact list. Entries are normalised like leads and stored as keyed hashes only.
import { schema, type Db } from '@leadex/db';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireCapability, requireUser, type Actor } from '../auth/access';
import { badInput } from '../shared/domain-error';
import { GLOBAL_LIST, suppressGlobally, touchList } from './suppression-lookups';
import { suppressionKeysOf, type TSuppressedContactInput } from './suppression.rules';

const { buyerSuppressions, globalSuppressions, suppressionListChanges } = schema;

export interface SuppressionListView {
  size: number;
  updatedAt: Date | null;
}

function hashedEntries(deps: AppDeps, raw: unknown) {
  const contacts = Array.isArray(raw) ? (raw as TSuppressedContactInput[]) : [];
  const { keys, errors } = suppressionKeysOf(contacts);
  // nothing is stored when one entry is wrong: the caller fixes or drops the rows named in `fields`
  if (errors.length) throw badInput(errors, 'Some contacts are invalid; nothing was changed');
  return [...new Map(keys.map((k) => [deps.vault.hash(k.key), k.kind])).entries()].map(([hash, kind]) => ({ hash, kind }));
}

async function listView(db: Db, list: string, size: number): Promise<SuppressionListView> {
  const [change] = await db.select({ updatedAt: suppressionListChanges.updatedAt }).from(suppressionListChanges).where(eq(suppressionListChanges.list, list));
  return { size, updatedAt: change?.updatedAt ?? null };
}

async function buyerListView(db: Db, buyerOrgId: string): Promise<SuppressionListView> {
  const [row] = await db.select({ n: count() }).from(buyerSuppressions).where(eq(buyerSuppressions.buyerOrgId, buyerOrgId));
  return listView(db, buyerOrgId, Number(row?.n ?? 0));
}

export async function buyerSuppressionList(deps: AppDeps, actor: Actor | null): Promise<SuppressionListView> {
  const buyer = requireUser(actor, 'BUYER');
  return buyerListView(deps.db, buyer.organizationId);
}

/** Adds the buyer's own contacts; an entry already on the list is no change. */
export async function addSuppressedContacts(deps: AppDeps, actor: Actor | null, raw: unknown): Promise<SuppressionListView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const entries = hashedEntries(deps, raw);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    if (entries.length)
      await tx
        .insert(buyerSuppressions)
        .values(entries.map((e) => ({ ...e, buyerOrgId: buyer.organizationId, createdAt: now })))
        .onConflictDoNothing();
    await touchList(tx, buyer.organizationId, now);
  });
  return buyerListView(deps.db, buyer.organizationId);
}

/** Removes entries (by the same phone or e-mail); one not on the list is no change. */
export async function removeSuppressedContacts(deps: AppDeps, actor: Actor | null, raw: unknown): Promise<SuppressionListView> {
  const buyer = requireCapability(requireUser(actor, 'BUYER'), 'TRADE');
  const hashes = hashedEntries(deps, raw).map((e) => e.hash);
  await deps.db.transaction(async (tx) => {
    if (hashes.length)
      await tx.delete(buyerSuppressions).where(and(eq(buyerSuppressions.buyerOrgId, buyer.organizationId), inArray(buyerSuppressions.hash, hashes)));
    await touchList(tx, buyer.organizationId, deps.clock());
  });
  return buyerListView(deps.db, buyer.organizationId);
}

async function globalListView(db: Db): Promise<SuppressionListView> {
  const [row] = await db.select({ n: count() }).from(globalSuppressions);
  return listView(db, GLOBAL_LIST, Number(row?.n ?? 0));
}

export async function globalSuppressionList(deps: AppDeps, actor: Actor | null): Promise<SuppressionListView> {
  requireUser(actor, 'OPERATOR');
  return globalListView(deps.db);
}

/** Operator upload to the do-not-contact list; there is no removal through the API (a person's request stands). */
export async function addGlobalSuppressions(deps: AppDeps, actor: Actor | null, raw: unknown): Promise<SuppressionListView> {
  requireCapability(requireUser(actor, 'OPERATOR'), 'TRADE');
  const entries = hashedEntries(deps, raw);
  await deps.db.transaction((tx) => suppressGlobally(tx, entries, 'OPERATOR', deps.clock()));
  return globalListView(deps.db);
}
