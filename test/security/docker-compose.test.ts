// Finding 14: the self-hosting compose file keeps PostgreSQL and Redis off every published port, puts a
// password on Redis and takes every secret from .env (no docker engine here: the file is read as YAML).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
type Service = { ports?: unknown[]; networks?: string[]; command?: string[] | string; environment?: Record<string, string>; image?: string };
const compose = parse(readFileSync(`${root}/docker-compose.yml`, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  networks: Record<string, { internal?: boolean } | null>;
};
const dockerignore = readFileSync(`${root}/.dockerignore`, 'utf8')
  .split('\n')
  .map((l) => l.trim());
const envExample = readFileSync(`${root}/.env.example`, 'utf8');

describe('docker-compose.yml', () => {
  it.each(['postgres', 'redis'])('publishes no port of %s and keeps it on an internal network only', (name) => {
    const service = compose.services[name]!;
    expect(service.ports ?? []).toEqual([]);
    expect(service.networks).toEqual(['data']);
    expect(compose.networks.data?.internal).toBe(true);
  });

  it('makes Redis require a password that comes from .env', () => {
    const redis = compose.services.redis!;
    expect(JSON.stringify(redis.command)).toContain('--requirepass');
    expect(redis.environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(compose.services.api!.environment?.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
  });

  it('takes the PostgreSQL password from .env and refuses to start without it', () => {
    expect(compose.services.postgres!.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.api!.environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
  });

  it('writes no secret into the file itself', () => {
    const text = readFileSync(`${root}/docker-compose.yml`, 'utf8');
    expect(text).not.toMatch(/sk_(live|test)_|whsec_|CONTACT_HASH_KEY:\s*\S/);
  });

  it('keeps .env out of the image, and .env.example names every secret with no value', () => {
    expect(dockerignore).toContain('.env');
    for (const name of ['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'CONTACT_ENCRYPTION_KEYS', 'CONTACT_HASH_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']) {
      expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
    }
  });
});
