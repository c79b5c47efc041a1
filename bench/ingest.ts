// Ingest throughput: submitLeads with 10,000-lead batches, with one lead a call, and with one lead a call from 20
// concurrent clients (BENCH_CONCURRENCY), each against the
// same rows inserted with raw SQL through postgres-js, for the ratio domain / raw.
//
// What the domain path does that the raw inserts do not:
// - per lead: zod shape parsing; contact normalization (libphonenumber with full metadata, e-mail
//   syntax, name rules); hard checks and soft signals (disposable domain, bot UA, suspicious name);
//   score and list price (geo tier, price grid, factors); HMAC-SHA256 of phone, e-mail and IP;
//   AES-256-GCM sealing of the contact; masked previews; one finding row per issue (verification_results);
// - per call (three statements since issue 17): the seller's row with the catalog version and its conversion
//   factors (the catalog itself from the per-version cache); the externalId, do-not-contact and 90-day duplicate
//   look-ups (phone/e-mail hash across all sellers) in one UNION; batch, leads and findings in one statement;
//   the per-minute limit counted in Redis first and the spot-check job enqueued to Redis after the write.
// The raw side inserts the domain's own accepted rows again (fresh ids): same columns, same values.
import { submitLeads, type LeadRow, type SubmitOptions } from '@leadex/core/domain/leads/submit-leads';
import { newId } from '@leadex/core/domain/shared/ids';
import { runSpotCheck } from '@leadex/core/domain/verification/run-spot-check';
import { openRawPool, runBench } from './lib/bench-runtime';
import { leadInputs } from './lib/lead-inputs';
import { cloneLeadRows, insertBatchRow, insertLeadBatchRaw, insertOneLeadRaw } from './lib/raw-leads';
import { signUpActor } from './lib/sellers';
import { envInt, fmt, round, summarize, table, timed } from './lib/stats';

const ROUNDS = envInt('BENCH_ROUNDS', 3);
const BATCH_SIZE = envInt('BENCH_BATCH_SIZE', 10_000);
const SINGLES = envInt('BENCH_SINGLES', 1_000);
// the single-lead loops stop early (with fewer calls) past this budget each, so the bench stays bounded
const SINGLE_BUDGET_MS = envInt('BENCH_SINGLE_MAX_SECONDS', 120) * 1000;
// (c): concurrent clients each sending one lead a call, as many sellers' forms at once
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 20);
const CONCURRENT_CALLS = envInt('BENCH_CONCURRENT_CALLS', 4_000);
const OPTIONS: SubmitOptions = { source: 'GRAPHQL', shapeErrors: 'refuse-request' };

const accepted = (batch: { results: { lead: LeadRow | null }[] }): LeadRow[] => batch.results.flatMap((r) => (r.lead ? [r.lead] : []));
const perSecond = (count: number, ms: number) => (count * 1000) / ms;

await runBench(async ({ runtime, raw, databaseName }) => {
  const deps = runtime.deps;
  const seller = await signUpActor(deps, 'SELLER');
  const nextLead = leadInputs(20261123);
  // warm-up: JIT, the connection pools, libphonenumber metadata, the catalog queries' plans
  await submitLeads(
    deps,
    seller,
    Array.from({ length: 200 }, () => nextLead(deps.clock())),
    OPTIONS,
  );

  // (a) batches
  const batchRows: (string | number)[][] = [];
  let domainMs = 0,
    domainLeads = 0,
    rawMs = 0,
    rawRows = 0,
    rejected = 0,
    findings = 0,
    verifyMs = 0;
  const findingCodes = new Map<string, number>();
  for (let round = 1; round <= ROUNDS; round++) {
    const inputs = Array.from({ length: BATCH_SIZE }, () => nextLead(deps.clock()));
    const domain = await timed(() => submitLeads(deps, seller, inputs, OPTIONS));
    // the verification the worker runs next: the automatic checks on every lead, the verdict, the listing
    const verify = await timed(() => runSpotCheck(deps, domain.value.id, { offerToCampaigns: false }));
    const rows = cloneLeadRows(accepted(domain.value), newId('bat'));
    const rawRun = await timed(() => insertLeadBatchRaw(raw, rows, seller.organizationId, deps.clock()));
    const issues = domain.value.results.reduce((n, r) => n + r.issues.length, 0);
    for (const i of domain.value.results.flatMap((r) => r.issues)) findingCodes.set(i.code, (findingCodes.get(i.code) ?? 0) + 1);
    domainMs += domain.ms;
    verifyMs += verify.ms;
    domainLeads += inputs.length;
    rawMs += rawRun.ms;
    rawRows += rows.length;
    rejected += domain.value.rejected;
    findings += issues;
    batchRows.push([
      `round ${round}`,
      inputs.length,
      domain.value.accepted,
      domain.value.rejected,
      issues,
      fmt(domain.ms, 0),
      fmt(perSecond(inputs.length, domain.ms), 0),
      fmt(rawRun.ms, 0),
      fmt(perSecond(rows.length, rawRun.ms), 0),
      `${fmt(domain.ms / rawRun.ms, 1)}×`,
      fmt(verify.ms, 0),
      `${fmt((domain.ms + verify.ms) / rawRun.ms, 1)}×`,
    ]);
  }
  batchRows.push([
    'total',
    domainLeads,
    domainLeads - rejected,
    rejected,
    findings,
    fmt(domainMs, 0),
    fmt(perSecond(domainLeads, domainMs), 0),
    fmt(rawMs, 0),
    fmt(perSecond(rawRows, rawMs), 0),
    `${fmt(domainMs / rawMs, 1)}×`,
    fmt(verifyMs, 0),
    `${fmt((domainMs + verifyMs) / rawMs, 1)}×`,
  ]);
  console.log(
    `\n(a) batch ingest: ${ROUNDS} × ${BATCH_SIZE.toLocaleString('en-US')} leads, submitLeads vs raw multi-row INSERT (1,000-row chunks, one transaction)\n`,
  );
  console.log(
    table(
      [
        '',
        'leads',
        'accepted',
        'rejected',
        'findings',
        'domain ms',
        'domain leads/s',
        'raw ms',
        'raw rows/s',
        'domain/raw',
        'verify ms',
        '(submit+verify)/raw',
      ],
      batchRows,
    ),
  );

  console.log(
    `findings by code: ${[...findingCodes]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );

  // (b) one lead a call
  const singleInputs = Array.from({ length: SINGLES }, () => nextLead(deps.clock()));
  const domainLatencies: number[] = [];
  const singleRows: LeadRow[] = [];
  const domainStart = performance.now();
  for (const input of singleInputs) {
    const call = await timed(() => submitLeads(deps, seller, [input], OPTIONS));
    domainLatencies.push(call.ms);
    singleRows.push(...accepted(call.value));
    if (performance.now() - domainStart > SINGLE_BUDGET_MS) break;
  }
  const domainWall = performance.now() - domainStart;
  const rawBatchId = newId('bat');
  await insertBatchRow(raw, rawBatchId, seller.organizationId, singleRows.length, deps.clock());
  const rawLatencies: number[] = [];
  const rawStart = performance.now();
  for (const row of cloneLeadRows(singleRows, rawBatchId)) {
    rawLatencies.push((await timed(() => insertOneLeadRaw(raw, row))).ms);
    if (performance.now() - rawStart > SINGLE_BUDGET_MS) break;
  }
  const rawWall = performance.now() - rawStart;
  const d = summarize(domainLatencies);
  const r = summarize(rawLatencies);
  const domainRate = perSecond(d.n, domainWall);
  const rawRate = perSecond(r.n, rawWall);
  console.log(`\n(b) single-lead ingest: ${d.n} sequential submitLeads calls of one lead vs ${r.n} single-row INSERTs (autocommit)\n`);
  console.log(
    table(
      ['', 'calls', 'per second', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
      [
        ['submitLeads([lead])', d.n, fmt(domainRate, 0), fmt(d.p50), fmt(d.p95), fmt(d.p99), fmt(d.mean)],
        ['raw INSERT', r.n, fmt(rawRate, 0), fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.mean)],
        [
          'domain/raw',
          '',
          `${fmt(rawRate / domainRate, 1)}×`,
          `${fmt(d.p50 / r.p50, 1)}×`,
          `${fmt(d.p95 / r.p95, 1)}×`,
          `${fmt(d.p99 / r.p99, 1)}×`,
          `${fmt(d.mean / r.mean, 1)}×`,
        ],
      ],
    ),
  );

  // (c) one lead a call from CONCURRENCY clients at once (each its own seller, as forms of many sellers would)
  const clients = await Promise.all(Array.from({ length: CONCURRENCY }, () => signUpActor(deps, 'SELLER')));
  const concurrentInputs = Array.from({ length: CONCURRENT_CALLS }, () => nextLead(deps.clock()));
  const concurrentRows: LeadRow[] = [];
  const cLatencies: number[] = [];
  let next = 0;
  const cStart = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = next++; i < concurrentInputs.length && performance.now() - cStart < SINGLE_BUDGET_MS; i = next++) {
        const call = await timed(() => submitLeads(deps, client, [concurrentInputs[i]!], OPTIONS));
        cLatencies.push(call.ms);
        concurrentRows.push(...accepted(call.value));
      }
    }),
  );
  const cWall = performance.now() - cStart;
  const pool = await openRawPool(databaseName, CONCURRENCY);
  const rawCBatch = newId('bat');
  await insertBatchRow(raw, rawCBatch, seller.organizationId, concurrentRows.length, deps.clock());
  const rawCRows = cloneLeadRows(concurrentRows, rawCBatch);
  const rawCLatencies: number[] = [];
  let rawNext = 0;
  const rawCStart = performance.now();
  await Promise.all(
    clients.map(async () => {
      for (let i = rawNext++; i < rawCRows.length; i = rawNext++) rawCLatencies.push((await timed(() => insertOneLeadRaw(pool.raw, rawCRows[i]!))).ms);
    }),
  );
  const rawCWall = performance.now() - rawCStart;
  await pool.close();
  const c = summarize(cLatencies);
  const rc = summarize(rawCLatencies);
  const cRate = perSecond(c.n, cWall);
  const rawCRate = perSecond(rc.n, rawCWall);
  console.log(
    `\n(c) concurrent single-lead ingest: ${CONCURRENCY} clients, ${c.n} submitLeads calls of one lead vs ${rc.n} single-row INSERTs on ${CONCURRENCY} connections\n`,
  );
  console.log(
    table(
      ['', 'calls', 'per second', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
      [
        ['submitLeads([lead]) × ' + CONCURRENCY, c.n, fmt(cRate, 0), fmt(c.p50), fmt(c.p95), fmt(c.p99), fmt(c.mean)],
        ['raw INSERT × ' + CONCURRENCY, rc.n, fmt(rawCRate, 0), fmt(rc.p50), fmt(rc.p95), fmt(rc.p99), fmt(rc.mean)],
        [
          'domain/raw',
          '',
          `${fmt(rawCRate / cRate, 1)}×`,
          `${fmt(c.p50 / rc.p50, 1)}×`,
          `${fmt(c.p95 / rc.p95, 1)}×`,
          `${fmt(c.p99 / rc.p99, 1)}×`,
          `${fmt(c.mean / rc.mean, 1)}×`,
        ],
      ],
    ),
  );
  console.log('\ndomain/raw: how many times longer the domain path takes for the same rows (higher is slower)');

  console.log(
    JSON.stringify({
      bench: 'ingest',
      batch: {
        rounds: ROUNDS,
        batchSize: BATCH_SIZE,
        leads: domainLeads,
        rejected,
        findings,
        domainLeadsPerSec: round(perSecond(domainLeads, domainMs), 0),
        rawRowsPerSec: round(perSecond(rawRows, rawMs), 0),
        ratio: round(domainMs / rawMs),
        verifyMs: round(verifyMs, 0),
        withVerificationRatio: round((domainMs + verifyMs) / rawMs),
      },
      single: {
        calls: d.n,
        domainPerSec: round(domainRate, 1),
        domainP50: round(d.p50),
        domainP95: round(d.p95),
        domainP99: round(d.p99),
        rawInserts: r.n,
        rawPerSec: round(rawRate, 1),
        rawP50: round(r.p50),
        rawP95: round(r.p95),
        rawP99: round(r.p99),
        ratio: round(rawRate / domainRate),
      },
      concurrent: {
        clients: CONCURRENCY,
        calls: c.n,
        domainPerSec: round(cRate, 1),
        domainP50: round(c.p50),
        domainP95: round(c.p95),
        domainP99: round(c.p99),
        rawPerSec: round(rawCRate, 1),
        rawP99: round(rc.p99),
        ratio: round(rawCRate / cRate),
      },
    }),
  );
});
