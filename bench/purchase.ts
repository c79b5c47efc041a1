// bench/purchase: purchases per second with N concurrent buyers racing for the same leads, the oversell
// count (must be 0), beside (a) the same reserve-and-pay transactions as hand-written SQL and (b) pgbench's
// TPC-B-like transaction, both on the same database in the same run.
//
// A "purchase" here is the money path without the network hop to Stripe: createOrder (reserve under row
// locks) then recordOrderPayment (the webhook's domain function: sales, purchases, ledger entry).
//   npx tsx bench/purchase.ts            BENCH_BUYERS=50 BENCH_LEADS=3000 BENCH_SECONDS=20
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { recordOrderPayment } from '@leadex/core/domain/orders/record-payment';
import { money } from '@leadex/core/domain/shared/money';
import { checkLedgerInvariants } from '@leadex/core/domain/ledger/ledger-invariants';
import { DomainError } from '@leadex/core/domain/shared/domain-error';
import { spawnSync } from 'node:child_process';
import { runBench, type RawSql } from './lib/bench-runtime';
import { generateListedLeads } from './lib/marketplace-data';
import { rawReserveAndPay } from './lib/raw-purchase';
import { pidsByName, startCpuWindow } from './lib/process-cpu';
import { envInt, fmt, round, summarize, table } from './lib/stats';

const BUYERS = envInt('BENCH_BUYERS', 50);
// big enough that neither run sells the market out: at 3,000 leads (capacity ~7,200 sales, ~2 leads a purchase) the
// figure was the market's size over the run (a ceiling near 180 purchases/s over 20 s), not the path's speed
const LEADS = envInt('BENCH_LEADS', 60000);
const SECONDS = envInt('BENCH_SECONDS', 20);
const log = (line: string) => console.log(line);

async function createBuyers(sql: RawSql, n: number, tag: string) {
  const buyers = Array.from({ length: n }, (_, i) => ({
    userId: `usr_${tag}${i}`,
    organizationId: `org_${tag}${i}`,
    role: 'BUYER' as const,
    via: 'session' as const,
  }));
  for (const b of buyers) {
    await sql.unsafe(`insert into organizations (id, name, kind) values ($1, $1, 'BUYER')`, [b.organizationId]);
    await sql.unsafe(`insert into users (id, email, name, password_hash, role, organization_id) values ($1, $1 || '@bench', $1, 'x', 'BUYER', $2)`, [
      b.userId,
      b.organizationId,
    ]);
  }
  return buyers;
}

/** Leads sold past their limit by this run's buyers (by the counter, and by counting purchase rows). */
async function oversell(sql: RawSql, buyerTag: string) {
  const [row] = await sql.unsafe<{ over_counter: number; over_purchases: number }>(
    `
    select (select count(*)::int from leads where sales_count > max_sales) as over_counter,
           (select count(*)::int from (select lead_id, count(*) c from purchases where buyer_org_id like $1 group by lead_id) p
              join leads l on l.id = p.lead_id where p.c > l.max_sales) as over_purchases`,
    [`org_${buyerTag}%`],
  );
  return row!;
}

function pickLeads(ids: string[]): string[] {
  const k = 1 + Math.floor(Math.random() * 3);
  // a hot set: most buyers want the same tenth of the market, so they really race
  const hot = Math.random() < 0.7 ? ids.slice(0, Math.max(10, Math.floor(ids.length / 10))) : ids;
  return [...new Set(Array.from({ length: k }, () => hot[Math.floor(Math.random() * hot.length)]!))];
}

/** Sales made over the market's capacity (sales_count + reserved_count over max_sales), as a share. */
async function marketUsed(sql: RawSql): Promise<number> {
  const [row] = await sql.unsafe<{ used: number }>(`select (sum(sales_count + reserved_count)::float / sum(max_sales)) as used from leads`);
  return Number(row!.used);
}

async function race(seconds: number, buyers: number, databaseName: string, attempt: (buyer: number) => Promise<'ok' | 'conflict'>) {
  // this process runs the path (domain or raw client); Postgres's share is the bench database's backends
  const cpu = startCpuWindow({ postgres: () => pidsByName('postgres', databaseName) });
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let ok = 0;
  let conflicts = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: buyers }, async (_, b) => {
      while (Date.now() < deadline) {
        const t = performance.now();
        const r = await attempt(b);
        if (r === 'ok') {
          ok += 1;
          latencies.push(performance.now() - t);
        } else conflicts += 1;
      }
    }),
  );
  const elapsed = (Date.now() - start) / 1000;
  const used = cpu.stop();
  const cores = { bench: used.cores['load generator']!, postgres: used.cores.postgres!, machine: used.machineBusyCores };
  return { ok, conflicts, perSecond: ok / elapsed, latency: summarize(latencies), cores };
}

function pgbench(url: string, clients: number, seconds: number): number | null {
  const env = { ...process.env, PGCONNECT_TIMEOUT: '5' };
  const init = spawnSync('pgbench', ['-i', '-s', '10', '-q', url], { env, encoding: 'utf8' });
  if (init.status !== 0) return null;
  const run = spawnSync('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-n', url], { env, encoding: 'utf8' });
  const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '');
  return tps ? Number(tps[1]) : null;
}

await runBench(async ({ runtime, raw, databaseName }) => {
  const deps = runtime.deps;
  const now = new Date();
  log(`generating ${LEADS.toLocaleString('en-US')} listed leads…`);
  await generateListedLeads(raw, LEADS, now, () => {});
  const leadIds = (await raw.unsafe<{ id: string }>(`select id from leads order by random()`)).map((r) => r.id);
  const [cap] = await raw.unsafe<{ capacity: number }>(`select sum(max_sales)::int as capacity from leads`);

  log(`domain: ${BUYERS} buyers for ${SECONDS} s (pool of ${deps.config.DATABASE_URL ? 10 : 1} connections)…`);
  const domainBuyers = await createBuyers(raw, BUYERS, 'bd');
  const domain = await race(SECONDS, BUYERS, databaseName, async (b) => {
    try {
      const order = await createOrder(deps, domainBuyers[b]!, { leadIds: pickLeads(leadIds) });
      await deps.db.transaction((tx) =>
        recordOrderPayment(deps, tx, { orderId: order.id, paymentIntentId: `pi_bench_${order.id}`, amount: money(order.total, order.currency) }),
      );
      return 'ok';
    } catch (err) {
      if (err instanceof DomainError && err.category === 'CONFLICT') return 'conflict';
      throw err;
    }
  });
  const domainOversell = await oversell(raw, 'bd');
  const domainMarketUsed = await marketUsed(raw);
  const invariants = await checkLedgerInvariants(deps.db);

  // the same work as raw SQL on the same leads, capacity restored
  await raw.unsafe(`update leads set sales_count = 0, reserved_count = 0, status = 'LISTED'`);
  log(`raw SQL: ${BUYERS} buyers for ${SECONDS} s…`);
  const rawBuyers = await createBuyers(raw, BUYERS, 'br');
  const rawRun = await race(SECONDS, BUYERS, databaseName, (b) => rawReserveAndPay(deps.db, rawBuyers[b]!.organizationId, pickLeads(leadIds)));
  const rawOversell = await oversell(raw, 'br');
  const rawMarketUsed = await marketUsed(raw);

  log('pgbench (TPC-B-like, 10 clients)…');
  const tps = pgbench(deps.config.DATABASE_URL!, 10, Math.min(SECONDS, 15));

  console.log(
    `\nbench/purchase — ${LEADS.toLocaleString('en-US')} leads (capacity ${cap!.capacity}), ${BUYERS} concurrent buyers, ${SECONDS} s each, database ${databaseName}\n`,
  );
  console.log(
    table(
      ['path', 'purchases/s', 'purchases', 'conflicts', 'market used', 'p50 ms', 'p95 ms', 'p99 ms', 'cores: bench', 'postgres', 'machine'],
      [
        [
          'domain (createOrder + recordOrderPayment)',
          fmt(domain.perSecond, 1),
          domain.ok,
          domain.conflicts,
          `${fmt(domainMarketUsed * 100, 0)}%`,
          fmt(domain.latency.p50),
          fmt(domain.latency.p95),
          fmt(domain.latency.p99),
          fmt(domain.cores.bench),
          fmt(domain.cores.postgres),
          fmt(domain.cores.machine),
        ],
        [
          'raw SQL (same two transactions)',
          fmt(rawRun.perSecond, 1),
          rawRun.ok,
          rawRun.conflicts,
          `${fmt(rawMarketUsed * 100, 0)}%`,
          fmt(rawRun.latency.p50),
          fmt(rawRun.latency.p95),
          fmt(rawRun.latency.p99),
          fmt(rawRun.cores.bench),
          fmt(rawRun.cores.postgres),
          fmt(rawRun.cores.machine),
        ],
      ],
    ),
  );
  console.log(`\nratio domain / raw purchases/s: ${fmt(domain.perSecond / rawRun.perSecond)}`);
  const perPurchase = (r: typeof domain) => (((r.cores.bench + r.cores.postgres) * 1000) / r.perSecond).toFixed(2);
  console.log(
    `CPU per purchase (bench process + Postgres backends): domain ${perPurchase(domain)} ms, raw ${perPurchase(rawRun)} ms; ` +
      `market used: the share of all leads' capacity sold or held at the end of each run (100% = sold out, the figure then measures the market's size)`,
  );
  console.log(`pgbench TPC-B tps (10 clients): ${tps == null ? 'not available' : fmt(tps, 1)}`);
  console.log(
    `oversold leads: domain ${domainOversell.over_counter + domainOversell.over_purchases}, raw ${rawOversell.over_counter + rawOversell.over_purchases}`,
  );
  console.log(`ledger invariants after the domain run: ${invariants.ok ? 'hold' : invariants.violations.join('; ')}`);
  console.log(
    JSON.stringify({
      bench: 'purchase',
      leads: LEADS,
      buyers: BUYERS,
      seconds: SECONDS,
      domainPerSecond: domain.perSecond,
      rawPerSecond: rawRun.perSecond,
      ratio: domain.perSecond / rawRun.perSecond,
      pgbenchTps: tps,
      domainLatency: domain.latency,
      rawLatency: rawRun.latency,
      marketUsed: { domain: round(domainMarketUsed, 3), raw: round(rawMarketUsed, 3) },
      cores: { domain: domain.cores, raw: rawRun.cores },
      oversell: domainOversell.over_counter + domainOversell.over_purchases,
      invariantsHold: invariants.ok,
    }),
  );
  if (domainOversell.over_counter + domainOversell.over_purchases > 0 || !invariants.ok) throw new Error('oversell or broken ledger');
});
