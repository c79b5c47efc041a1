// Redis restarting under the workers: queued jobs survive (AOF), workers reconnect and resume, and batches
// submitted while Redis was away are picked up by the sweep.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { QUEUE } from '@leadex/core/queues/job-payloads';
import { eq, schema } from '@leadex/db';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { validLead } from '../fixtures/leads';
import { createSellerActor } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';

let dir: string;
let port: number;
let app: TestApp;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function startRedis() {
  spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  await waitFor(
    async () =>
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .includes('PONG'),
    'redis to start',
    10_000,
  );
}

function stopRedis() {
  spawnSync('redis-cli', ['-p', String(port), 'shutdown']);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadex-redis-'));
  port = await freePort();
  await startRedis();
  app = await startTestApp({ label: 'redisrestart', workers: true, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await app.close();
  stopRedis();
  rmSync(dir, { recursive: true, force: true });
});

const batchStatus = async (id: string) => (await app.runtime.deps.db.select().from(schema.leadBatches).where(eq(schema.leadBatches.id, id)))[0]!.status;

it('resumes work after Redis restarts', async () => {
  const seller = await createSellerActor(app);
  const submit = () => submitLeads(app.runtime.deps, seller, [validLead(), validLead()], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });
  const before = await submit();
  await waitFor(async () => (await batchStatus(before.id)) === 'VERIFIED', 'the first verdict');

  // a job waiting in Redis when it goes down
  const connection = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: null });
  const reprice = new Queue(QUEUE.reprice, { connection, prefix: app.prefix });
  const delayed = await reprice.add(QUEUE.reprice, { reason: 'queued before the restart' }, { delay: 1500 });
  await reprice.close();
  connection.disconnect();

  stopRedis();
  // while Redis is away the API still takes leads: the batch is stored, its enqueue fails fast
  const during = await submit();
  expect(during.accepted).toBe(2);
  expect(await batchStatus(during.id)).toBe('PENDING_VERIFICATION');

  await startRedis();
  // the sweep (a scheduled job) finds the batch that missed its queue; workers have reconnected by themselves
  const { spotCheckSweepJob } = await import('@leadex/workers/src/jobs/spot-check-sweep.job');
  await waitFor(
    async () => {
      try {
        await spotCheckSweepJob.run({ ...app.runtime.deps, clock: () => new Date(Date.now() + 120_000) });
        return true;
      } catch {
        return false; // the producer connection is still reconnecting
      }
    },
    'the sweep to reach Redis',
    15_000,
  );
  await waitFor(async () => (await batchStatus(during.id)) === 'VERIFIED', 'the verdict on the batch submitted during the outage', 20_000);

  const check = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE.reprice, { connection: check, prefix: app.prefix });
  await waitFor(async () => (await queue.getJob(delayed.id!))?.isCompleted(), 'the job queued before the restart', 20_000);
  await queue.close();
  check.disconnect();
});
