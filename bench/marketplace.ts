// Marketplace reads at scale: a million LISTED leads made with set-based SQL, then the typical browse
// queries through browseMarketplace and as hand-written SQL through postgres-js, p50/p95/p99 and the
// ratio domain / raw per query, with an EXPLAIN (ANALYZE, BUFFERS) summary showing the plan of each.
import { runBench } from './lib/bench-runtime';
import { applyProposedIndexes, generateListedLeads } from './lib/marketplace-data';
import { explainSummary, marketplaceCases } from './lib/marketplace-queries';
import { signUpActor } from './lib/sellers';
import { envInt, fmt, repeat, round, summarize, table } from './lib/stats';

const LEADS = envInt('BENCH_LEADS', 1_000_000);
const REPEATS = envInt('BENCH_REPEATS', 200);
const WARMUP = envInt('BENCH_WARMUP', 10);
// each query side stops early (fewer samples) past this budget, so a slow query cannot stall the run
const QUERY_BUDGET_MS = envInt('BENCH_QUERY_MAX_SECONDS', 30) * 1000;
const SLOW_P95_MS = envInt('BENCH_SLOW_P95_MS', 50);
// 1: measure with the index changes the README proposes (this private database only; the schema is untouched)
const PROPOSED_INDEXES = envInt('BENCH_PROPOSED_INDEXES', 0) === 1;

/** The page's lead ids (or the count), whichever side produced it. */
function resultKey(result: unknown): string {
  if (typeof result === 'number') return String(result);
  if (Array.isArray(result))
    return result
      .map((r: { id?: string; count?: unknown }) => r.id ?? String(r.count))
      .slice(0, 20)
      .join(',');
  return (result as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id).join(',');
}

await runBench(async ({ runtime, raw }) => {
  const deps = runtime.deps;
  const buyer = await signUpActor(deps, 'BUYER');

  console.log(`generating ${LEADS.toLocaleString('en-US')} LISTED leads …`);
  const market = await generateListedLeads(raw, LEADS, deps.clock(), (line) => console.log(line));
  console.log(
    `  insert ${fmt(market.insertMs / 1000, 1)} s, indexes ${fmt(market.indexMs / 1000, 1)} s, vacuum analyze ${fmt(market.analyzeMs / 1000, 1)} s; leads table with indexes: ${market.tableSize}`,
  );

  if (PROPOSED_INDEXES) console.log(`  applied the proposed indexes (${fmt((await applyProposedIndexes(raw)) / 1000, 1)} s)`);

  const cases = await marketplaceCases(deps, buyer);
  const results: { name: string; domain: ReturnType<typeof summarize>; raw: ReturnType<typeof summarize>; same: boolean }[] = [];
  for (const c of cases) {
    // interleaving would mix the caches; instead both sides get the same warm-up before their samples
    const domain = summarize(await repeat(c.domain, { times: REPEATS, warmup: WARMUP, maxMs: QUERY_BUDGET_MS }));
    const rawSamples = summarize(await repeat(() => raw.unsafe(c.raw.text, c.raw.params()), { times: REPEATS, warmup: WARMUP, maxMs: QUERY_BUDGET_MS }));
    // the hand-written SQL must return what the domain returns, or the ratio means nothing
    const same = resultKey(await c.domain()) === resultKey(await raw.unsafe(c.raw.text, c.raw.params()));
    results.push({ name: c.name, domain, raw: rawSamples, same });
  }

  const indexes = PROPOSED_INDEXES ? 'with the proposed indexes' : 'schema indexes';
  console.log(
    `\nbrowse queries over ${LEADS.toLocaleString('en-US')} listed leads, ${indexes}, first page of 20 (ms; up to ${REPEATS} runs a side after ${WARMUP} warm-up)\n`,
  );
  console.log(
    table(
      ['query', 'runs d/r', 'domain p50', 'p95', 'p99', 'raw p50', 'p95', 'p99', 'domain/raw p50', 'p95', 'same rows', ''],
      results.map((r) => [
        r.name,
        `${r.domain.n}/${r.raw.n}`,
        fmt(r.domain.p50),
        fmt(r.domain.p95),
        fmt(r.domain.p99),
        fmt(r.raw.p50),
        fmt(r.raw.p95),
        fmt(r.raw.p99),
        `${fmt(r.domain.p50 / r.raw.p50, 1)}×`,
        `${fmt(r.domain.p95 / r.raw.p95, 1)}×`,
        r.same ? 'yes' : 'NO',
        r.domain.p95 > SLOW_P95_MS || r.raw.p95 > SLOW_P95_MS ? `SLOW (p95 > ${SLOW_P95_MS} ms)` : '',
      ]),
    ),
  );

  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of each raw query (costs left out)');
  for (const c of cases) {
    console.log(`\n${c.name}`);
    for (const line of await explainSummary(raw, c)) console.log(`  ${line}`);
  }

  console.log(
    JSON.stringify({
      bench: 'marketplace',
      leads: LEADS,
      proposedIndexes: PROPOSED_INDEXES,
      load: {
        insertSec: round(market.insertMs / 1000, 1),
        indexSec: round(market.indexMs / 1000, 1),
        analyzeSec: round(market.analyzeMs / 1000, 1),
        size: market.tableSize,
      },
      queries: results.map((r) => ({
        name: r.name,
        runs: { domain: r.domain.n, raw: r.raw.n },
        domain: { p50: round(r.domain.p50), p95: round(r.domain.p95), p99: round(r.domain.p99) },
        raw: { p50: round(r.raw.p50), p95: round(r.raw.p95), p99: round(r.raw.p99) },
        ratioP50: round(r.domain.p50 / r.raw.p50),
        sameRows: r.same,
        slow: r.domain.p95 > SLOW_P95_MS || r.raw.p95 > SLOW_P95_MS,
      })),
    }),
  );
});
