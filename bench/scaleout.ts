// bench/scaleout: the ping and purchase loads over HTTP against 1 and then 2 API processes on the same Postgres
// and Redis; requests/s, purchases/s and latency of each, the 2-process/1-process ratio, the cores each process
// (API, Postgres backends, Redis, this load generator) used during each run, and which one saturates first.
// A raw baseline runs in the same process: the ping's SQL statement from C connections, no API in between.
//   npx tsx bench/scaleout.ts     BENCH_CLIENTS=20 BENCH_SECONDS=15 BENCH_CAMPAIGNS=10000 BENCH_SELLERS=<clients> BENCH_WARMUP_SECONDS=2
import { createApiKey } from '@leadex/core/domain/auth/api-keys.service';
import { ApiProcesses } from './lib/api-processes';
import { openRawPool, REDIS_URL, runBench } from './lib/bench-runtime';
import { generateCampaigns } from './lib/campaign-data';
import { closedLoop, graphql, type LoadResult, type StepOutcome } from './lib/http-load';
import { leadInputs } from './lib/lead-inputs';
import { machineCores, pidsByName, startCpuWindow, type CpuGroups } from './lib/process-cpu';
import { sampleWaits, type WaitSampler } from './lib/pg-waits';
import { RAW_PING } from './lib/raw-ping';
import { signUpActor } from './lib/sellers';
import { envInt, fmt, round, summarize, table } from './lib/stats';

const CLIENTS = envInt('BENCH_CLIENTS', 20);
const SECONDS = envInt('BENCH_SECONDS', 15);
const WARMUP = envInt('BENCH_WARMUP_SECONDS', 2);
const CAMPAIGNS = envInt('BENCH_CAMPAIGNS', 10_000);
// one seller a client by default: fewer sellers make their own row the bottleneck (see the README)
const SELLERS = Math.max(1, envInt('BENCH_SELLERS', CLIENTS));
const MAX_PROCESSES = 2;

const PING = 'mutation($input: PingInput!) { ping(input: $input) { id price { amount } } }';
const POST = 'mutation($pingId: ID!, $lead: LeadInput!) { post(pingId: $pingId, lead: $lead) { status price { amount } } }';
const PINGED = ['segment', 'subsegment', 'country', 'region', 'city', 'kind', 'temperature', 'exclusivity'] as const;

interface Run {
  processes: number;
  load: 'raw ping SQL' | 'ping' | 'purchase';
  result: LoadResult;
  cpu: ReturnType<ReturnType<typeof startCpuWindow>['stop']>;
  waits: Awaited<ReturnType<WaitSampler['stop']>>;
}

await runBench(async ({ runtime, raw, databaseName, queuePrefix }) => {
  const deps = runtime.deps;
  console.log(`generating ${CAMPAIGNS.toLocaleString('en-US')} campaigns with funded wallets and ${SELLERS} sellers with API keys…`);
  await generateCampaigns(raw, CAMPAIGNS, Math.max(50, Math.floor(CAMPAIGNS / 20)));
  const keys: { key: string; orgId: string }[] = [];
  for (let i = 0; i < SELLERS; i++) {
    const seller = await signUpActor(deps, 'SELLER');
    const { key } = await createApiKey(deps, seller, { name: `scaleout ${i}`, scopes: ['leads:write'] });
    keys.push({ key, orgId: seller.organizationId });
  }

  // each client has its own seeded stream of valid leads (no spoiled ones, no reused phones)
  const streams = Array.from({ length: CLIENTS }, (_, i) => leadInputs(1000 + i, { invalidShare: 0, duplicateShare: 0 }));
  const pingFields = (lead: Record<string, unknown>) => Object.fromEntries(PINGED.map((f) => [f, lead[f] ?? null]));
  const auth = (client: number) => ({ authorization: `ApiKey ${keys[client % keys.length]!.key}` });

  const api = new ApiProcesses({
    NODE_ENV: 'test',
    DATABASE_URL: deps.config.DATABASE_URL!,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'warn',
    // nothing but the per-organisation lead limit throttles ping and post (core/src/config.ts)
    LEAD_SUBMISSIONS_PER_MINUTE: '100000000',
  });
  const runs: Run[] = [];
  const groups = (): CpuGroups => ({
    ...Object.fromEntries(api.running.map((p, i) => [`api ${i + 1}`, () => [p.pid]])),
    'postgres (bench db)': () => pidsByName('postgres', databaseName),
    'postgres (all)': () => pidsByName('postgres'),
    redis: () => pidsByName('redis-server'),
  });
  const measure = async (processes: number, load: Run['load'], step: (client: number) => Promise<StepOutcome>) => {
    console.log(`  ${load} with ${processes || 'no'} API process${processes === 1 ? '' : 'es'}: ${CLIENTS} clients × ${SECONDS} s…`);
    const window = startCpuWindow(groups());
    const waits = sampleWaits(raw, databaseName);
    const result = await closedLoop(CLIENTS, SECONDS, WARMUP, step);
    runs.push({ processes, load, result, cpu: window.stop(), waits: await waits.stop() });
  };

  try {
    // raw baseline: the ping's offer query from C connections straight to Postgres
    const pool = await openRawPool(databaseName, CLIENTS);
    try {
      await measure(0, 'raw ping SQL', async (client) => {
        const f = pingFields(streams[client]!(deps.clock()));
        const rows = await pool.raw.unsafe(RAW_PING, [keys[client % keys.length]!.orgId, f.segment, f.city]);
        return { requests: 1, outcome: rows.length ? 'OFFER' : 'NO_OFFER' };
      });
    } finally {
      await pool.close();
    }

    for (let n = 1; n <= MAX_PROCESSES; n++) {
      console.log(`starting API process ${n}…`);
      await api.start();
      const url = (client: number) => api.running[client % api.running.length]!.url;
      await measure(n, 'ping', async (client) => {
        const lead = streams[client]!(deps.clock());
        const { ping } = await graphql<{ ping: { id: string } | null }>(url(client), auth(client), PING, { input: pingFields(lead) });
        return { requests: 1, outcome: ping ? 'OFFER' : 'NO_OFFER' };
      });
      await measure(n, 'purchase', async (client) => {
        const lead = streams[client]!(deps.clock());
        const { ping } = await graphql<{ ping: { id: string } | null }>(url(client), auth(client), PING, { input: pingFields(lead) });
        if (!ping) return { requests: 1, outcome: 'NO_OFFER' };
        const { post } = await graphql<{ post: { status: string } }>(url(client), auth(client), POST, { pingId: ping.id, lead });
        return { requests: 2, sold: post.status === 'SOLD', outcome: post.status };
      });
    }
  } finally {
    await api.stopAll();
  }

  const [sales] = await raw.unsafe<{ n: string; ledger: string }>(
    `select (select count(*) from purchases)::text as n, (select count(*) from ledger_transactions where kind <> 'TOP_UP')::text as ledger`,
  );

  const cores = machineCores();
  const perRun = runs.map((r) => {
    const lat = summarize(r.result.latenciesMs);
    const sec = r.result.seconds;
    return { ...r, lat, stepsPerSec: r.result.steps / sec, requestsPerSec: r.result.requests / sec, purchasesPerSec: r.result.sold / sec };
  });

  console.log(
    `\nbench/scaleout — ${CAMPAIGNS.toLocaleString('en-US')} active campaigns, ${CLIENTS} clients, ${SELLERS} sellers, ${SECONDS} s a run, ${cores} cores\n`,
  );
  console.log(
    table(
      ['processes', 'load', 'ops/s', 'requests/s', 'purchases/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'outcomes'],
      perRun.map((r) => [
        r.processes || 'raw',
        r.load,
        fmt(r.stepsPerSec, 1),
        fmt(r.requestsPerSec, 1),
        r.load === 'purchase' ? fmt(r.purchasesPerSec, 1) : '—',
        fmt(r.lat.p50),
        fmt(r.lat.p95),
        fmt(r.lat.p99),
        r.result.errors,
        Object.entries(r.result.outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ]),
    ),
  );
  console.log('(an op is one ping, or one ping + post for purchase; the latency is per op)');
  for (const r of perRun) if (r.result.errorSamples.length) console.log(`errors in ${r.processes}×${r.load}: ${r.result.errorSamples.join(' | ')}`);

  const find = (n: number, load: Run['load']) => perRun.find((r) => r.processes === n && r.load === load);
  const ratios: Record<string, number> = {};
  console.log('');
  for (const load of ['ping', 'purchase'] as const) {
    const one = find(1, load);
    const two = find(2, load);
    if (!one || !two) continue;
    ratios[load] = two.stepsPerSec / one.stepsPerSec;
    const extra = load === 'purchase' ? `, purchases/s ${fmt(two.purchasesPerSec / one.purchasesPerSec)}` : '';
    console.log(`ratio 2 processes / 1 process, ${load}: ops/s ${fmt(ratios[load])}${extra}`);
  }
  const rawRun = find(0, 'raw ping SQL');
  const twoPing = find(2, 'ping');
  if (rawRun && twoPing) console.log(`raw ping SQL / 2-process API ping: ${fmt(rawRun.stepsPerSec / twoPing.stepsPerSec)} × the ops/s`);

  const cpuNames = ['api 1', 'api 2', 'postgres (bench db)', 'postgres (all)', 'redis', 'load generator'];
  console.log(`\ncores used during each run (1.00 = one core busy the whole run; the machine has ${cores})\n`);
  console.log(
    table(
      ['run', ...cpuNames, 'machine busy'],
      perRun.map((r) => [
        `${r.processes || 'raw'} × ${r.load}`,
        ...cpuNames.map((n) => (n in r.cpu.cores ? fmt(r.cpu.cores[n]!) : '—')),
        fmt(r.cpu.machineBusyCores),
      ]),
    ),
  );
  console.log('(postgres (all) counts every backend on the server, other benches included; machine busy is /proc/stat, everything)');

  const topWaits = (w: Run['waits']) =>
    Object.entries(w.waits)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${fmt(v, 1)}`)
      .join(', ');
  console.log(`\nbench-db backends in a statement, mean per sample of pg_stat_activity (CPU = no wait event)\n`);
  console.log(
    table(
      ['run', 'samples', 'active', 'top states'],
      perRun.map((r) => [`${r.processes || 'raw'} × ${r.load}`, r.waits.samples, fmt(r.waits.meanActive, 1), topWaits(r.waits)]),
    ),
  );
  for (const r of perRun) {
    const top = Object.entries(r.waits.lockedStatements)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2);
    if (top.length) console.log(`lock waits in ${r.processes || 'raw'} × ${r.load}: ${top.map(([q, v]) => `${fmt(v, 1)} in "${q}…"`).join('; ')}`);
  }

  const verdicts: Record<string, string> = {};
  for (const [n, load] of [1, 2].flatMap((k) => (['ping', 'purchase'] as const).map((l) => [k, l] as const))) {
    const r = find(n, load);
    if (!r) continue;
    const key = `${n}×${load}`;
    const c = r.cpu.cores;
    const apiCores = (c['api 1'] ?? 0) + (c['api 2'] ?? 0);
    const pg = c['postgres (all)'] ?? 0;
    const redis = c.redis ?? 0;
    const gen = c['load generator'] ?? 0;
    const other = Math.max(0, r.cpu.machineBusyCores - apiCores - pg - redis - gen);
    const parts = `API processes use ${fmt(apiCores)}, Postgres ${fmt(pg)}, Redis ${fmt(redis)}, the load generator ${fmt(gen)}, others ${fmt(other)} of ${fmt(cores, 1)}`;
    const busiest = Object.entries({ 'the API processes': apiCores, Postgres: pg, Redis: redis, 'the load generator': gen, 'other processes': other }).sort(
      (a, b) => b[1] - a[1],
    )[0]![0];
    const hotApi = Math.max(c['api 1'] ?? 0, c['api 2'] ?? 0);
    verdicts[key] =
      r.cpu.machineBusyCores >= 0.85 * cores
        ? `the ${cores} cores saturate first (${fmt(r.cpu.machineBusyCores)} busy): ${parts}; the largest share is ${busiest}`
        : hotApi >= 0.9
          ? `an API process's event loop saturates first (${fmt(hotApi)} of its 1 core): ${parts}`
          : `no CPU is saturated (${fmt(r.cpu.machineBusyCores)} of ${cores} cores busy): the ops wait on round trips and locks; ${parts}`;
    verdicts[key] += `; bench-db backends: ${fmt(r.waits.meanActive, 1)} active (${topWaits(r.waits)})`;
    const lockWaits = Object.entries(r.waits.waits).reduce((sum, [k, v]) => sum + (k.startsWith('Lock:') ? v : 0), 0);
    const [blocked] = Object.entries(r.waits.lockedStatements).sort((a, b) => b[1] - a[1]);
    if (lockWaits >= 1 && blocked) verdicts[key] += `; row locks serialize it: ${fmt(lockWaits, 1)} backends wait on a lock, most in "${blocked[0]}…"`;
    console.log(`what saturates first, ${load} with ${n} process${n === 1 ? '' : 'es'}: ${verdicts[key]}`);
  }
  console.log(`sales recorded: ${sales!.n} purchases, ${sales!.ledger} ledger transactions besides the top-ups`);

  console.log(
    JSON.stringify({
      bench: 'scaleout',
      campaigns: CAMPAIGNS,
      clients: CLIENTS,
      sellers: SELLERS,
      seconds: SECONDS,
      cores,
      runs: perRun.map((r) => ({
        processes: r.processes,
        load: r.load,
        opsPerSec: round(r.stepsPerSec, 1),
        requestsPerSec: round(r.requestsPerSec, 1),
        purchasesPerSec: round(r.purchasesPerSec, 1),
        latencyMs: { p50: round(r.lat.p50), p95: round(r.lat.p95), p99: round(r.lat.p99) },
        errors: r.result.errors,
        outcomes: r.result.outcomes,
        cores: Object.fromEntries(Object.entries(r.cpu.cores).map(([k, v]) => [k, round(v)])),
        machineBusyCores: round(r.cpu.machineBusyCores),
        pgActive: round(r.waits.meanActive, 1),
        pgWaits: Object.fromEntries(Object.entries(r.waits.waits).map(([k, v]) => [k, round(v, 2)])),
      })),
      ratio2to1: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, round(v)])),
      saturatesFirst: verdicts,
      purchases: Number(sales!.n),
    }),
  );
});
