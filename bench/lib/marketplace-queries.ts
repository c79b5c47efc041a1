// The marketplace queries the bench measures, each as a browseMarketplace call and as the same
// WHERE / ORDER BY / LIMIT written by hand for postgres-js, plus an EXPLAIN summary of the raw one.
import type { AppDeps } from '@leadex/core';
import type { Actor } from '@leadex/core/domain/auth/access';
import { browseMarketplace } from '@leadex/core/domain/leads/browse-leads';
import { decodeCursor } from '@leadex/core/domain/leads/lead-filter';
import type { RawSql } from './bench-runtime';

export interface QueryCase {
  name: string;
  domain: () => Promise<unknown>;
  raw: { text: string; params: () => unknown[] };
}

const PAGE = 20;
// browseMarketplace reads one row past the page to know whether there is a next page
const LIMIT = PAGE + 1;
// the marketplace also hides suspended sellers' leads (an anti-join on the seller)
const LISTED = `status = 'LISTED' and expires_at > $1 and not exists (select 1 from organizations o where o.id = leads.seller_org_id and o.suspended)`;
const iso = (d: Date) => d.toISOString();

export async function marketplaceCases(deps: AppDeps, actor: Actor): Promise<QueryCase[]> {
  const now = () => deps.clock();
  const browse = (filter: unknown, sort: 'NEWEST' | 'PRICE_ASC' | 'SCORE_DESC', after?: string) =>
    browseMarketplace(deps, actor, filter, sort, { first: PAGE, after });

  // page 5 of TOURISM by newest: the cursor the client would hold after four pages
  let after: string | undefined;
  for (let page = 1; page < 5; page++) after = (await browse({ segments: ['TOURISM'] }, 'NEWEST', after)).pageInfo.endCursor ?? undefined;
  const cursor = decodeCursor('NEWEST', after!)!;
  const countPage = await browse({ segments: ['EDUCATION'] }, 'NEWEST');

  return [
    {
      name: 'newest, no filter',
      domain: () => browse(null, 'NEWEST'),
      raw: { text: `select * from leads where ${LISTED} order by captured_at desc, id desc limit ${LIMIT}`, params: () => [iso(now())] },
    },
    {
      name: 'segment, price asc',
      domain: () => browse({ segments: ['FINANCE'] }, 'PRICE_ASC'),
      raw: { text: `select * from leads where ${LISTED} and segment = $2 order by price asc, id asc limit ${LIMIT}`, params: () => [iso(now()), 'FINANCE'] },
    },
    {
      name: 'segment+country+verified+72h, newest',
      domain: () => browse({ segments: ['INSURANCE'], countries: ['DE'], verifiedOnly: true, maxAgeHours: 72 }, 'NEWEST'),
      raw: {
        text: `select * from leads where ${LISTED} and segment = $2 and country = $3 and verification = 'VERIFIED' and captured_at >= $4
               order by captured_at desc, id desc limit ${LIMIT}`,
        params: () => [iso(now()), 'INSURANCE', 'DE', iso(new Date(now().getTime() - 72 * 3_600_000))],
      },
    },
    {
      name: 'price 20–30, score desc',
      domain: () => browse({ minPrice: '20.00', maxPrice: '30.00' }, 'SCORE_DESC'),
      raw: {
        text: `select * from leads where ${LISTED} and price >= $2 and price <= $3 order by score desc, id desc limit ${LIMIT}`,
        params: () => [iso(now()), 2000, 3000],
      },
    },
    {
      name: 'seller quality ≥ 80 (join), newest',
      domain: () => browse({ minSellerQuality: 80 }, 'NEWEST'),
      raw: {
        text: `select l.* from leads l join organizations o on o.id = l.seller_org_id
               where l.status = 'LISTED' and l.expires_at > $1 and not o.suspended and o.quality_score >= $2 order by l.captured_at desc, l.id desc limit ${LIMIT}`,
        params: () => [iso(now()), 80],
      },
    },
    {
      name: 'segment, newest, page 5 (cursor)',
      domain: () => browse({ segments: ['TOURISM'] }, 'NEWEST', after),
      raw: {
        text: `select * from leads where ${LISTED} and segment = $2 and (captured_at, id) < ($3::timestamptz, $4)
               order by captured_at desc, id desc limit ${LIMIT}`,
        params: () => [iso(now()), 'TOURISM', String(cursor.key), cursor.id],
      },
    },
    {
      name: 'totalCount, segment',
      domain: () => countPage.totalCount(),
      raw: { text: `select count(*) from leads where ${LISTED} and segment = $2`, params: () => [iso(now()), 'EDUCATION'] },
    },
  ];
}

/** The plan's node lines (costs dropped, actual times kept), its top-level buffers and the execution time. */
export async function explainSummary(sql: RawSql, c: QueryCase, maxNodes = 8): Promise<string[]> {
  const rows = await sql.unsafe<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${c.raw.text}`, c.raw.params());
  const lines = rows.map((r) => r['QUERY PLAN']);
  const nodes = lines
    .filter((l, i) => i === 0 || l.includes('->'))
    .slice(0, maxNodes)
    .map((l) => l.replace(/\s*\(cost=[^)]*\)/, ''));
  const buffers = lines.find((l) => l.trim().startsWith('Buffers:'))?.trim();
  const execution = lines.find((l) => l.startsWith('Execution Time'));
  return [...nodes, ...(buffers ? [`  ${buffers}`] : []), execution ?? ''];
}
