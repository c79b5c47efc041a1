// The operators' ledger table: every account with its balance, the organisation it belongs to and what it is
// (ledger-account-names.rules.ts), searched by account, organisation name or id, paged by offset. Platform
// accounts come first, then the organisations' accounts by name.
import { queryRows, sql } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireRole, type Actor } from '../auth/access';
import { money, type Money } from '../shared/money';
import { containsPattern, parseOffsetPageArgs, type OffsetPage, type OffsetPageArgs } from '../shared/offset-page';
import { describeLedgerAccount, type LedgerAccountName } from './ledger-account-names.rules';

export interface LedgerAccountRow extends LedgerAccountName {
  account: string;
  organization: { id: string; name: string } | null;
  balance: Money;
  postings: number;
  lastPostingAt: Date | null;
}

export async function searchLedgerAccounts(deps: AppDeps, actor: Actor | null, args: OffsetPageArgs): Promise<OffsetPage<LedgerAccountRow>> {
  requireRole(actor, 'OPERATOR');
  const { search, first, offset } = parseOffsetPageArgs(args);
  const pattern = search ? containsPattern(search) : null;
  const matching = pattern ? sql`WHERE a.account ILIKE ${pattern} OR o.name ILIKE ${pattern} OR o.id = ${search}` : sql``;
  const rows = await queryRows<{
    account: string;
    currency: string;
    balance: string;
    postings: number;
    last_posting_at: Date | string | null;
    org_id: string | null;
    org_name: string | null;
    total: number;
  }>(
    deps.db,
    sql`WITH a AS (
          SELECT account, currency, sum(amount)::text AS balance, count(*)::int AS postings, max(created_at) AS last_posting_at
          FROM ledger_postings GROUP BY account, currency)
        SELECT a.*, o.id AS org_id, o.name AS org_name, count(*) OVER ()::int AS total
        FROM a LEFT JOIN organizations o ON a.account ~ '^(seller|buyer):[^:]+:' AND o.id = split_part(a.account, ':', 2)
        ${matching}
        ORDER BY (a.account LIKE 'platform:%') DESC, o.name NULLS FIRST, a.account, a.currency
        LIMIT ${first} OFFSET ${offset}`,
  );
  return {
    items: rows.map((r) => ({
      ...describeLedgerAccount(r.account),
      account: r.account,
      organization: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
      balance: money(Number(r.balance), r.currency),
      postings: Number(r.postings),
      lastPostingAt: r.last_posting_at ? new Date(r.last_posting_at) : null,
    })),
    // a page past the end has no row to carry the count: ask again from the start for it
    totalCount: rows.length ? Number(rows[0]!.total) : offset > 0 ? (await searchLedgerAccounts(deps, actor, { search, first: 1, offset: 0 })).totalCount : 0,
  };
}
