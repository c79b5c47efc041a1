// Finding 1, second half: one bug must never take the product down for good. An error nothing caught ends the
// process with a log line (no secrets), and the start command restarts a crashed product, saying so.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { restartDelayMs } from '../../scripts/supervisor';
import { REDIS_URL } from '../helpers/test-env';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guardsUrl = pathToFileURL(join(root, 'core/src/process-guards.ts')).href;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadex-supervision-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
  /** waits until the output contains `text` (`times` times) */
  waitFor: (text: string, times?: number) => Promise<void>;
}

/** Runs a script under node with tsx, collecting stdout and stderr. */
function run(script: string, env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    output: () => out,
    exited,
    kill: (signal) => child.kill(signal),
    async waitFor(text, times = 1) {
      const until = Date.now() + 30_000;
      while (out.split(text).length - 1 < times) {
        if (Date.now() > until) {
          child.kill('SIGKILL');
          throw new Error(`"${text}" never appeared in:\n${out}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const supervisorEnv = (productScript: string, extra: Record<string, string> = {}) => ({
  LEADEX_PRODUCT_SCRIPT: productScript,
  REDIS_URL,
  // a mail server of its own, so the supervisor starts no local SMTP catcher (its ports may be taken)
  SMTP_URL: 'smtp://127.0.0.1:1',
  SUPERVISOR_BACKOFF_SECONDS: '0.1',
  ...extra,
});

/** A stand-in product that crashes on its first start and runs (until told to stop) on its second. */
function crashOnceProduct(): string {
  const marker = join(dir, 'started-once');
  const file = join(dir, 'crash-once.mjs');
  writeFileSync(
    file,
    `
import { existsSync, writeFileSync } from 'node:fs';
if (!existsSync(${JSON.stringify(marker)})) {
  writeFileSync(${JSON.stringify(marker)}, '1');
  console.log('fake product: first start, crashing');
  process.exit(3);
}
// the handler before the line the test waits for: a SIGTERM arriving between the two would kill it unhandled
process.on('SIGTERM', () => { console.log('fake product: stopping on SIGTERM'); process.exit(0); });
console.log('fake product: second start, serving');
setInterval(() => {}, 1000);
`,
  );
  return file;
}

describe('the start command supervises the product', () => {
  it('restarts a product that crashed, logs why, and stops it on SIGTERM', async () => {
    const supervisor = run('scripts/start.ts', supervisorEnv(crashOnceProduct()));
    await supervisor.waitFor('fake product: second start, serving');
    expect(supervisor.output()).toContain('product process exited with code 3; restarting in 0.1 s');
    supervisor.kill('SIGTERM');
    expect(await supervisor.exited).toEqual({ code: 0, signal: null });
    expect(supervisor.output()).toContain('fake product: stopping on SIGTERM');
  });

  it('restarts a product killed by a signal', async () => {
    const file = join(dir, 'killed.mjs');
    writeFileSync(file, `console.log('fake product: up as ' + process.pid); setInterval(() => {}, 1000);`);
    const supervisor = run('scripts/start.ts', supervisorEnv(file));
    await supervisor.waitFor('fake product: up as ');
    const pid = Number(/fake product: up as (\d+)/.exec(supervisor.output())![1]);
    process.kill(pid, 'SIGKILL');
    await supervisor.waitFor('product process exited with signal SIGKILL; restarting in 0.1 s');
    await supervisor.waitFor('fake product: up as ', 2);
    const pids = [...supervisor.output().matchAll(/fake product: up as (\d+)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(2);
    expect(pids[1]).not.toBe(pid); // a fresh process, not the killed one
    supervisor.kill('SIGINT');
    expect((await supervisor.exited).code).toBe(0);
  });

  it('gives up, saying so, on a product that keeps crashing', async () => {
    const file = join(dir, 'always-crash.mjs');
    writeFileSync(file, `console.log('fake product: crashing'); process.exit(1);`);
    const supervisor = run('scripts/start.ts', supervisorEnv(file, { SUPERVISOR_MAX_CRASHES: '2', SUPERVISOR_BACKOFF_SECONDS: '0.05' }));
    expect((await supervisor.exited).code).toBe(1);
    expect(supervisor.output().match(/fake product: crashing/g)).toHaveLength(3);
    expect(supervisor.output()).toMatch(/crashed 3 times in 60 s, giving up/);
  });
});

describe('restart backoff', () => {
  it('doubles per recent crash from the base delay, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

describe('process guards', () => {
  it('log an unhandled rejection without its bound parameters and exit non-zero', async () => {
    const file = join(dir, 'rejects.ts');
    writeFileSync(
      file,
      `
import { installProcessGuards } from ${JSON.stringify(guardsUrl)};
installProcessGuards('guard-test');
void Promise.reject(new Error('Failed query: select * from users where email = $1 params: victim@example.com'));
setInterval(() => {}, 1000);
`,
    );
    const proc = run(file);
    expect(await proc.exited).toEqual({ code: 1, signal: null });
    const line = proc
      .output()
      .split('\n')
      .find((l) => l.includes('unhandledRejection in guard-test; exiting'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line!) as { level: number; error: { type: string; message: string } };
    expect(entry.level).toBe(60);
    expect(entry.error.type).toBe('Error');
    expect(entry.error.message).toContain('Failed query');
    expect(proc.output()).not.toContain('victim@example.com');
  });

  it('run the cleanup, then exit non-zero, on an uncaught exception', async () => {
    const file = join(dir, 'throws.ts');
    writeFileSync(
      file,
      `
import { installProcessGuards } from ${JSON.stringify(guardsUrl)};
const guards = installProcessGuards('guard-test');
guards.onFatal(async () => console.log('cleanup ran'));
setTimeout(() => { throw new TypeError('boom'); }, 10);
setInterval(() => {}, 1000);
`,
    );
    const proc = run(file);
    expect(await proc.exited).toEqual({ code: 1, signal: null });
    expect(proc.output()).toContain('uncaughtException in guard-test; exiting');
    expect(proc.output()).toContain('cleanup ran');
  });
});
