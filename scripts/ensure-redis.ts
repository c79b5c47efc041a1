// Finds Redis at REDIS_URL, or starts a local redis-server (data under the data folder), or says how to get one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function ensureRedis(url: string, dataDir: string): Promise<ChildProcess | null> {
  if (await answers(url)) return null;
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(hostname);
  const hasBinary = spawnSync('redis-server', ['--version']).status === 0;
  if (!local || !hasBinary) {
    throw new Error(
      `Nothing answers at REDIS_URL=${url}.\n` +
        (local
          ? 'Install Redis (Debian: apt-get install -y redis-server) or run `docker compose up -d redis`, then start again.'
          : 'Start that Redis server or point REDIS_URL at one that runs.'),
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  // BullMQ needs noeviction; AOF keeps queued jobs across restarts of this local server
  const child = spawn(
    'redis-server',
    ['--port', port || '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if (await answers(url)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`started redis-server but it does not answer at ${url}`);
}
