// bench/settlement: time to settle 100k and 1M mature sales (escrow → seller payables and platform revenue)
// through runSettlement — in chunks by seller, one ledger entry a chunk — beside the same set-based SQL run raw
// as one statement in the same run, and the longest chunk transaction (how long a sale may stay locked).
//   npx tsx bench/settlement.ts          BENCH_SETTLEMENT_SIZES=100000,1000000
import { runSettlement } from '@leadex/core/domain/settlement/run-settlement';
import { runBench, type RawSql } from './lib/bench-runtime';
import { generateListedLeads } from './lib/marketplace-data';
import { fmt, table } from './lib/stats';

const SIZES = (process.env.BENCH_SETTLEMENT_SIZES ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const BUYERS = 10; // each lead sold to ten buyers: purchases are unique per (lead, buyer)
const log = (line: string) => console.log(line);

/** Mature ESCROW purchases: `sales` rows, bought 100 hours ago, FK checks off for the bulk insert. */
async function makeMatureSales(sql: RawSql, sales: number) {
  const leadsNeeded = Math.ceil(sales / BUYERS);
  await sql.unsafe(`truncate purchases, order_lines, orders cascade`);
  const [{ n }] = (await sql.unsafe<{ n: number }>(`select count(*)::int as n from leads`)) as [{ n: number }];
  if (n < leadsNeeded) {
    // the generator numbers its leads from 1, so a bigger market is made afresh
    await sql.unsafe(`truncate leads cascade`);
    await generateListedLeads(sql, leadsNeeded, new Date(), () => {});
  }
  await sql.unsafe(
    `insert into organizations (id, name, kind) select 'org_bb' || i, 'bench buyer ' || i, 'BUYER' from generate_series(1, ${BUYERS}) i on conflict do nothing`,
  );
  await sql.unsafe(`insert into orders (id, buyer_org_id, status, total, currency, expires_at, paid_at)
                    select 'ord_bb' || i, 'org_bb' || i, 'PAID', 0, 'USD', now(), now() - interval '100 hours' from generate_series(1, ${BUYERS}) i`);
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local session_replication_role = replica`);
    await tx.unsafe(`
      insert into purchases (id, order_id, lead_id, buyer_org_id, seller_org_id, price, commission, seller_net, currency, purchased_at, status)
      select 'pur_b' || b.i || '_' || l.rn, 'ord_bb' || b.i, l.id, 'org_bb' || b.i, l.seller_org_id,
             l.price, round(l.price * 0.2), l.price - round(l.price * 0.2), 'USD', now() - interval '100 hours', 'ESCROW'
      from (select id, seller_org_id, price, row_number() over (order by id) as rn from leads) l
      cross join generate_series(1, ${BUYERS}) b(i)
      where (l.rn - 1) * ${BUYERS} + b.i <= ${sales}`);
  });
  await sql.unsafe(`vacuum analyze purchases`);
}

/** The maturing statement of mature-sales.ts, by hand, with its ledger rows: the raw baseline. */
async function rawSettle(sql: RawSql): Promise<number> {
  return sql.begin(async (tx) => {
    const rows = await tx.unsafe<{ seller_org_id: string; amount: string; commission: string; seller_net: string }>(`
      with due as (
        select p.id from purchases p join leads l on l.id = p.lead_id join segments s on s.code = l.segment
        where p.status = 'ESCROW' and p.purchased_at + make_interval(hours => s.return_window_hours) <= now()
          and not exists (select 1 from disputes d where d.purchase_id = p.id and d.status = 'OPEN')
          and not exists (select 1 from refunds r where r.purchase_id = p.id and r.status = 'PENDING')
        for update of p),
      settled as (
        update purchases p set status = 'SETTLED', settled_at = now(), settlement_run_id = 'raw',
          commission = case when p.refunded_amount = 0 then p.commission else round(p.commission::numeric * (p.price - p.refunded_amount) / p.price)::bigint end,
          seller_net = (p.price - p.refunded_amount) - case when p.refunded_amount = 0 then p.commission else round(p.commission::numeric * (p.price - p.refunded_amount) / p.price)::bigint end
        from due where p.id = due.id
        returning p.seller_org_id, p.price - p.refunded_amount as amount, p.commission, p.seller_net)
      select seller_org_id, sum(amount)::text as amount, sum(commission)::text as commission, sum(seller_net)::text as seller_net from settled group by seller_org_id`);
    const jrn = `jrn_raw_${Date.now()}`;
    await tx.unsafe(`insert into ledger_transactions (id, event_key, kind, occurred_at) values ($1, $1, 'RAW_SETTLEMENT', now())`, [jrn]);
    const total = rows.reduce((s, r) => s + Number(r.amount), 0);
    const postings = [
      ['raw:escrow', total],
      ['raw:revenue', -rows.reduce((s, r) => s + Number(r.commission), 0)],
      ...rows.map((r) => [`raw:${r.seller_org_id}`, -Number(r.seller_net)]),
    ];
    for (const [i, [account, amount]] of postings.entries()) {
      await tx.unsafe(`insert into ledger_postings (id, transaction_id, account, amount, currency) values ($1, $2, $3, $4, 'USD')`, [
        `${jrn.replace('jrn_', 'pst_')}_${i}`,
        jrn,
        account,
        amount,
      ]);
    }
    return rows.length;
  });
}

await runBench(async ({ runtime, raw }) => {
  const results: (string | number)[][] = [];
  const json: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    log(`making ${size.toLocaleString('en-US')} mature sales…`);
    await makeMatureSales(raw, size);
    const t0 = performance.now();
    const run = await runSettlement(runtime.deps);
    const domainMs = performance.now() - t0;
    if (run.maturedSales !== size) throw new Error(`settled ${run.maturedSales} of ${size}`);
    const { chunks, longestChunkMs } = run.report as { chunks: number; longestChunkMs: number };
    const again = performance.now();
    const second = await runSettlement(runtime.deps);
    const secondMs = performance.now() - again;
    if (second.maturedSales !== 0) throw new Error('the second run moved sales');

    await raw.unsafe(`update purchases set status = 'ESCROW', settled_at = null, settlement_run_id = null`);
    await raw.unsafe(`vacuum analyze purchases`);
    const t1 = performance.now();
    await rawSettle(raw);
    const rawMs = performance.now() - t1;
    const [{ settled }] = (await raw.unsafe<{ settled: number }>(`select count(*)::int as settled from purchases where status = 'SETTLED'`)) as [
      { settled: number },
    ];
    if (settled !== size) throw new Error(`raw settled ${settled} of ${size}`);
    results.push([
      size.toLocaleString('en-US'),
      fmt(domainMs / 1000),
      fmt(rawMs / 1000),
      fmt(domainMs / rawMs),
      fmt(size / (domainMs / 1000), 0),
      fmt(secondMs, 1),
      chunks,
      longestChunkMs,
    ]);
    json.push({
      sales: size,
      domainMs,
      rawMs,
      ratio: domainMs / rawMs,
      salesPerSecond: size / (domainMs / 1000),
      secondRunMs: secondMs,
      chunks,
      longestChunkMs,
    });
  }
  console.log('\nbench/settlement — one runSettlement over N mature sales (chunks by seller), beside the same SQL run raw as one statement\n');
  console.log(table(['mature sales', 'domain s', 'raw s', 'domain/raw', 'sales/s', 'second run ms', 'chunks', 'longest chunk ms'], results));
  console.log(JSON.stringify({ bench: 'settlement', results: json }));
});
