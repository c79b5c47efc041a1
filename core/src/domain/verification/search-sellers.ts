// The operators' sellers table: seller organisations by quality (worst first), searched by name, id or a
// member's e-mail, paged by offset. Each row carries the first member's e-mail domain, so two organisations
// with the same name can be told apart (SellerQualityRow.emailDomain).
import { queryRows, sql } from '@leadex/db';
import type { AppDeps } from '../app-deps';
import { requireUser, type Actor } from '../auth/access';
import { containsPattern, parseOffsetPageArgs, type OffsetPage, type OffsetPageArgs } from '../shared/offset-page';
import { FIRST_MEMBER_EMAIL_DOMAIN, withQualityEstimates, type SellerCountsRow, type SellerQualityRow } from './seller-quality.service';

export async function searchSellers(deps: AppDeps, actor: Actor | null, args: OffsetPageArgs): Promise<OffsetPage<SellerQualityRow>> {
  requireUser(actor, 'OPERATOR');
  const { search, first, offset } = parseOffsetPageArgs(args);
  const pattern = search ? containsPattern(search) : null;
  const matching = pattern
    ? sql`AND (o.name ILIKE ${pattern} OR o.id = ${search}
               OR EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id AND u.email ILIKE ${pattern}))`
    : sql``;
  const rows = await queryRows<SellerCountsRow & { total: number }>(
    deps.db,
    sql`SELECT o.id, o.name, o.quality_score, o.suspended, count(*) OVER ()::int AS total,
               ${FIRST_MEMBER_EMAIL_DOMAIN} AS email_domain,
               (SELECT count(*)::int FROM leads l WHERE l.seller_org_id = o.id AND l.status = 'LISTED') AS listed,
               (SELECT count(*)::int FROM lead_batches b WHERE b.seller_org_id = o.id) AS batches,
               (SELECT count(*)::int FROM lead_batches b WHERE b.seller_org_id = o.id AND b.status = 'FAILED') AS failed
        FROM organizations o WHERE o.kind = 'SELLER' ${matching}
        ORDER BY o.quality_score ASC, o.name, o.id LIMIT ${first} OFFSET ${offset}`,
  );
  const totalCount = rows.length ? Number(rows[0]!.total) : offset > 0 ? await countSellers(deps, matching) : 0;
  return { items: await withQualityEstimates(deps.db, rows), totalCount };
}

// a page past the end has no row to carry the window count
async function countSellers(deps: AppDeps, matching: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(deps.db, sql`SELECT count(*)::int AS n FROM organizations o WHERE o.kind = 'SELLER' ${matching}`);
  return Number(row?.n ?? 0);
}
