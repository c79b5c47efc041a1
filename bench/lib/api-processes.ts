// API server processes for the scale-out bench: `node --import tsx api/src/main.ts` (so the child's pid is the
// node process that serves), each on its own free port, on the bench database and queue prefix; ready once
// /readyz answers 200. stopAll() ends them (SIGTERM, then SIGKILL) and is safe to call twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ApiProcess {
  pid: number;
  url: string;
  child: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export class ApiProcesses {
  readonly running: ApiProcess[] = [];

  constructor(private readonly env: Record<string, string>) {
    // however the bench ends (a signal's process.exit included), no server outlives it
    process.once('exit', () => {
      for (const { child } of this.running) if (child.exitCode == null && child.signalCode == null) child.kill('SIGKILL');
    });
  }

  /** Starts one more process and waits (up to `timeoutMs`) until its /readyz answers 200. */
  async start(timeoutMs = 60_000): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const proc: ApiProcess = { pid: child.pid!, url: `http://127.0.0.1:${port}`, child };
    this.running.push(proc);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode != null) throw new Error(`API process exited with ${child.exitCode}:\n${output}`);
      const ready = await fetch(`${proc.url}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) return proc;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`API process on port ${port} not ready after ${timeoutMs} ms:\n${output}`);
  }

  async stopAll(): Promise<void> {
    const all = this.running.splice(0);
    await Promise.all(
      all.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode != null || child.signalCode != null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
