// A buyer's purchases, filtered, searched by contact and sorted (purchase-filter.ts), as a Relay page.
// Contacts are sealed at rest (contact-vault.ts), so a search opens the contacts of the buyer's own purchases
// that pass the other filters — the newest SEARCH_SCAN of them — and matches name, e-mail and phone in memory.
import { schema } from '@leadex/db';
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import type { SealedContact } from '../leads/read-contact';
import { pageSize, type Page, type PageArgs } from '../shared/newest-first-page';
import { afterPurchaseCursor, encodePurchaseCursor, parsePurchaseFilter, parsePurchaseSort, purchaseConditions, purchaseOrder } from './purchase-filter';
import { contactMatches } from './contact-search.rules';
import { OWNED_PURCHASE_STATUSES } from './purchase.lifecycle';
import type { PurchaseRow } from './purchases.service';

const { purchases, leads } = schema;

/** How many of the newest matching purchases a contact search looks through. */
export const SEARCH_SCAN = 5_000;

export async function searchMyPurchases(deps: AppDeps, actor: Actor | null, rawFilter: unknown, rawSort: unknown, args: PageArgs): Promise<Page<PurchaseRow>> {
  const buyer = requireUser(actor, 'BUYER');
  const filter = parsePurchaseFilter(rawFilter);
  const sort = parsePurchaseSort(rawSort);
  const limit = pageSize(args.first, 20);
  const scope: SQL[] = [eq(purchases.buyerOrgId, buyer.organizationId), ...purchaseConditions(filter)];
  if (filter.search) {
    const ids = await idsMatchingContact(deps, scope, filter.search);
    scope.push(ids.length ? inArray(purchases.id, ids) : sql`false`);
  }
  const conditions = args.after ? [...scope, afterPurchaseCursor(sort, args.after)] : scope;
  const rows = await deps.db
    .select({ purchase: purchases })
    .from(purchases)
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(and(...conditions))
    .orderBy(...purchaseOrder(sort))
    .limit(limit + 1);
  const edges = rows.slice(0, limit).map(({ purchase }) => ({ cursor: encodePurchaseCursor(sort, purchase), node: purchase }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await deps.db
        .select({ n: count() })
        .from(purchases)
        .innerJoin(leads, eq(leads.id, purchases.leadId))
        .where(and(...scope));
      return Number(row?.n ?? 0);
    },
  };
}

// only contacts the buyer may still read: owned (not refunded) purchases of leads that were not erased
async function idsMatchingContact(deps: AppDeps, scope: SQL[], search: string): Promise<string[]> {
  const rows = await deps.db
    .select({ id: purchases.id, sealed: leads.contactSealed, keyId: leads.contactKeyId })
    .from(purchases)
    .innerJoin(leads, eq(leads.id, purchases.leadId))
    .where(and(...scope, inArray(purchases.status, OWNED_PURCHASE_STATUSES), isNull(leads.erasedAt), sql`${leads.contactSealed} IS NOT NULL`))
    .orderBy(desc(purchases.purchasedAt))
    .limit(SEARCH_SCAN);
  return rows
    .filter((r) => {
      const c = deps.vault.open<SealedContact>(r.sealed!, r.keyId!);
      return contactMatches({ fullName: c.fullName, email: c.email, phone: c.phoneE164 }, search);
    })
    .map((r) => r.id);
}
