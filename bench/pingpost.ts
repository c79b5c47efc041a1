// bench/pingpost: p50/p95/p99 of ping offers with 10k active campaigns, and allocation throughput (leads/s),
// each beside the same work as raw SQL in the same run.
//   npx tsx bench/pingpost.ts            BENCH_CAMPAIGNS=10000 BENCH_PINGS=300 BENCH_ALLOCATE=400
import type { Actor } from '@leadex/core/domain/auth/access';
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { ping } from '@leadex/core/domain/exchange/ping-post';
import { runBench, type RawSql } from './lib/bench-runtime';
import { PING_SHAPES, generateCampaigns } from './lib/campaign-data';
import { leadMatchKeys } from '@leadex/core/domain/exchange/campaign-match-keys.rules';
import { RAW_PING, RAW_PING_INDEXED } from './lib/raw-ping';
import { generateListedLeads } from './lib/marketplace-data';
import { envInt, fmt, summarize, table, timed } from './lib/stats';

const CAMPAIGNS = envInt('BENCH_CAMPAIGNS', 10_000);
const PINGS = envInt('BENCH_PINGS', 300);
const ALLOCATE = envInt('BENCH_ALLOCATE', 400);

const CITY_PLACE: Record<string, [string, string]> = {
  'New York': ['US', 'US-NY'],
  'Los Angeles': ['US', 'US-CA'],
  Austin: ['US', 'US-TX'],
  Chicago: ['US', 'US-IL'],
  London: ['GB', 'GB-LND'],
  Manchester: ['GB', 'GB-MAN'],
  Berlin: ['DE', 'DE-BE'],
  Cologne: ['DE', 'DE-NW'],
  Paris: ['FR', 'FR-IDF'],
  Lyon: ['FR', 'FR-ARA'],
  Madrid: ['ES', 'ES-MD'],
  Moscow: ['RU', 'RU-MOW'],
  Novosibirsk: ['RU', 'RU-NVS'],
  Budapest: ['HU', 'HU-BU'],
  'Ho Chi Minh City': ['VN', 'VN-SG'],
};

/**
 * The allocation's core as raw SQL: lock the lead, pick the best affordable campaign, record the sale. `indexed`:
 * campaigns found through the match-keys index (RAW_PING_INDEXED), else by a scan (RAW_PING).
 */
async function rawAllocate(sql: RawSql, leadId: string, indexed: boolean): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [lead] = await tx.unsafe<{ id: string; segment: string; country: string; city: string; price: string; seller_org_id: string; currency: string }>(
      `select id, segment, country, city, price::text, seller_org_id, currency from leads where id = $1 and status = 'LISTED' and sales_count + reserved_count < max_sales for update`,
      [leadId],
    );
    if (!lead) return false;
    const offer = (indexed ? RAW_PING_INDEXED : RAW_PING).replace("c.exclusivity = 'EXCLUSIVE'", 'true');
    const [win] = await tx.unsafe<{ id: string; buyer_org_id: string }>(`${offer} for update of c`, [
      lead.seller_org_id,
      lead.segment,
      lead.city,
      ...(indexed ? [leadMatchKeys(lead)] : []),
    ]);
    if (!win) return false;
    const price = Number(lead.price);
    const order = `ord_r${leadId}`;
    await tx.unsafe(`insert into orders (id, buyer_org_id, status, total, currency, expires_at, paid_at) values ($1, $2, 'PAID', $3, $4, now(), now())`, [
      order,
      win.buyer_org_id,
      price,
      lead.currency,
    ]);
    await tx.unsafe(
      `insert into purchases (id, order_id, lead_id, buyer_org_id, seller_org_id, price, commission, seller_net, currency, purchased_at, paid_with, campaign_id)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), 'WALLET', $10)`,
      [
        `pur_r${leadId}`,
        order,
        leadId,
        win.buyer_org_id,
        lead.seller_org_id,
        price,
        Math.round(price * 0.2),
        price - Math.round(price * 0.2),
        lead.currency,
        win.id,
      ],
    );
    await tx.unsafe(`update campaigns set spent = spent + $1 where id = $2`, [price, win.id]);
    await tx.unsafe(
      `update leads set sales_count = sales_count + 1, status = case when sales_count + 1 >= max_sales then 'SOLD_OUT' else status end where id = $1`,
      [leadId],
    );
    await tx.unsafe(`insert into ledger_transactions (id, event_key, kind, occurred_at) values ($1, $1, 'RAW_WALLET_PURCHASE', now())`, [`jrn_r${leadId}`]);
    await tx.unsafe(`insert into ledger_postings (id, transaction_id, account, amount, currency) values ($1, $2, $3, $4, $5), ($6, $2, 'raw:escrow', $7, $5)`, [
      `pst_ra${leadId}`,
      `jrn_r${leadId}`,
      `buyer:${win.buyer_org_id}:wallet`,
      price,
      lead.currency,
      `pst_rb${leadId}`,
      -price,
    ]);
    return true;
  });
}

await runBench(async ({ runtime, raw }) => {
  const deps = runtime.deps;
  console.log(`generating ${CAMPAIGNS.toLocaleString('en-US')} campaigns and ${(ALLOCATE * 2).toLocaleString('en-US')} listed leads…`);
  await generateCampaigns(raw, CAMPAIGNS, Math.max(50, Math.floor(CAMPAIGNS / 20)));
  const market = await generateListedLeads(raw, ALLOCATE * 2, deps.clock(), () => {});
  const seller: Actor = { userId: null, organizationId: market.sellers[0]!.orgId, role: 'SELLER', via: 'apiKey', scopes: ['leads:write'] };

  const domainPing: number[] = [];
  const rawPing: number[] = [];
  const rawIndexedPing: number[] = [];
  let offers = 0;
  for (let i = 0; i < PINGS; i++) {
    const shape = PING_SHAPES[i % PING_SHAPES.length]!;
    const [country, region] = CITY_PLACE[shape.city]!;
    const fields = { segment: shape.segment, country, region, city: shape.city, kind: 'INTERESTED', temperature: 'WARM', exclusivity: 'EXCLUSIVE' };
    const d = await timed(() => ping(deps, seller, fields));
    domainPing.push(d.ms);
    if (d.value) offers += 1;
    rawPing.push((await timed(() => raw.unsafe(RAW_PING, [seller.organizationId, shape.segment, shape.city]))).ms);
    const keys = leadMatchKeys({ segment: shape.segment, country, city: shape.city });
    rawIndexedPing.push((await timed(() => raw.unsafe(RAW_PING_INDEXED, [seller.organizationId, shape.segment, shape.city, keys]))).ms);
  }
  const pingD = summarize(domainPing);
  const pingR = summarize(rawPing);
  const pingRI = summarize(rawIndexedPing);

  const ids = (await raw.unsafe<{ id: string }>(`select id from leads where status = 'LISTED' order by id`)).map((r) => r.id);
  // a half for the domain, a quarter for each raw variant
  const half = Math.floor(ids.length / 2);
  const quarter = Math.floor(half / 2);
  const t0 = performance.now();
  let sold = 0;
  for (const id of ids.slice(0, half)) sold += (await allocateLead(deps, id)).sold.length;
  const domainSec = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let rawSold = 0;
  for (const id of ids.slice(half, half + quarter)) rawSold += (await rawAllocate(raw, id, false)) ? 1 : 0;
  const rawSec = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  let rawIndexedSold = 0;
  for (const id of ids.slice(half + quarter)) rawIndexedSold += (await rawAllocate(raw, id, true)) ? 1 : 0;
  const rawIndexedSec = (performance.now() - t2) / 1000;
  const rawIndexedLeads = ids.length - half - quarter;

  console.log(`\nbench/pingpost — ${CAMPAIGNS.toLocaleString('en-US')} active campaigns\n`);
  console.log(
    table(
      ['ping offer (ms)', 'n', 'p50', 'p95', 'p99', 'offers'],
      [
        ['domain ping()', pingD.n, fmt(pingD.p50), fmt(pingD.p95), fmt(pingD.p99), offers],
        ['raw SQL (match + best two bids)', pingR.n, fmt(pingR.p50), fmt(pingR.p95), fmt(pingR.p99), '—'],
        ['raw SQL through the match-keys index', pingRI.n, fmt(pingRI.p50), fmt(pingRI.p95), fmt(pingRI.p99), '—'],
      ],
    ),
  );
  console.log(`ratio p50 domain/raw: ${fmt(pingD.p50 / pingR.p50)}; domain/raw indexed: ${fmt(pingD.p50 / pingRI.p50)}\n`);
  console.log(
    table(
      ['allocation', 'leads', 'sales', 'seconds', 'leads/s'],
      [
        ['domain allocateLead (auction, caps, budgets, wallet, ledger)', half, sold, fmt(domainSec), fmt(half / domainSec, 1)],
        ['raw SQL (best bid, sale rows, ledger)', quarter, rawSold, fmt(rawSec), fmt(quarter / rawSec, 1)],
        ['raw SQL through the match-keys index', rawIndexedLeads, rawIndexedSold, fmt(rawIndexedSec), fmt(rawIndexedLeads / rawIndexedSec, 1)],
      ],
    ),
  );
  console.log(
    `ratio leads/s domain/raw: ${fmt(half / domainSec / (quarter / rawSec))}; domain/raw indexed: ${fmt(half / domainSec / (rawIndexedLeads / rawIndexedSec))}`,
  );
  console.log(
    JSON.stringify({
      bench: 'pingpost',
      campaigns: CAMPAIGNS,
      ping: { domain: pingD, raw: pingR, rawIndexed: pingRI, offers },
      allocation: {
        domainLeadsPerSec: half / domainSec,
        rawLeadsPerSec: quarter / rawSec,
        rawIndexedLeadsPerSec: rawIndexedLeads / rawIndexedSec,
        sold,
        rawSold,
        rawIndexedSold,
      },
    }),
  );
});
