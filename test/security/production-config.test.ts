// Finding 2 (and the Must-show production-config test): `NODE_ENV=production` refuses to start with a
// development default, a test-looking or missing secret, the Stripe stand-in, or cookies over plain HTTP,
// and says which variable is wrong. Development and test keep their zero-setup defaults.
import { loadConfig } from '@leadex/core';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const DEV_CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');

/** What a real deployment sets: live Stripe credentials, generated keys, PostgreSQL, HTTPS cookies. */
const production = (): Record<string, string> => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://leadex:s3cret@postgres:5432/leadex',
  REDIS_URL: 'redis://:s3cret@redis:6379',
  CONTACT_ENCRYPTION_KEYS: `k2026:${randomBytes(32).toString('base64')}`,
  CONTACT_HASH_KEY: randomBytes(32).toString('base64'),
  CONSENT_SIGNING_KEY: randomBytes(32).toString('base64'),
  STRIPE_SECRET_KEY: `sk_live_${randomBytes(18).toString('hex')}`,
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
  COOKIE_SECURE: 'true',
});

function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

const without = (env: Record<string, string>, name: string) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== name));

describe('the production configuration', () => {
  it('loads a complete, real-looking production environment', () => {
    const config = loadConfig(production());
    expect(config).toMatchObject({ NODE_ENV: 'production', COOKIE_SECURE: true });
    expect(config.STRIPE_API_URL).toBeUndefined();
  });

  it('keeps the zero-setup defaults in development and test', () => {
    expect(loadConfig({}).STRIPE_WEBHOOK_SECRET).toBe('whsec_standin_dev');
    expect(loadConfig({ NODE_ENV: 'test', STRIPE_API_URL: 'http://127.0.0.1:12111' })).toMatchObject({
      COOKIE_SECURE: false,
      STRIPE_SECRET_KEY: 'sk_test_standin',
    });
  });

  // [variable, value (undefined: not set), why]
  const refused: [string, string | undefined, string][] = [
    ['STRIPE_SECRET_KEY', undefined, 'missing'],
    ['STRIPE_SECRET_KEY', 'sk_test_standin', 'the development default'],
    ['STRIPE_SECRET_KEY', `sk_test_${'a'.repeat(24)}`, 'a test-mode key'],
    ['STRIPE_SECRET_KEY', '', 'empty'],
    ['STRIPE_WEBHOOK_SECRET', undefined, 'missing'],
    ['STRIPE_WEBHOOK_SECRET', 'whsec_standin_dev', 'the development default'],
    ['STRIPE_WEBHOOK_SECRET', `whsec_standin_${'b'.repeat(20)}`, "a stand-in's secret"],
    ['STRIPE_WEBHOOK_SECRET', 'whsec_test_standin', "the tests' secret"],
    ['STRIPE_WEBHOOK_SECRET', `whsec_test${'c'.repeat(24)}`, 'test-looking'],
    ['STRIPE_WEBHOOK_SECRET', 'whsec_short', 'too short to be a signing secret'],
    ['STRIPE_API_URL', 'http://127.0.0.1:12111', 'the local stand-in'],
    ['CONTACT_ENCRYPTION_KEYS', undefined, 'missing (the development key)'],
    ['CONTACT_ENCRYPTION_KEYS', `dev1:${DEV_CONTACT_KEY}`, 'the development key'],
    ['CONTACT_ENCRYPTION_KEYS', `k2026:${randomBytes(32).toString('base64')},old:${DEV_CONTACT_KEY}`, 'the development key under another id'],
    ['CONTACT_HASH_KEY', undefined, 'missing (the development key)'],
    ['CONTACT_HASH_KEY', 'leadex-dev-hash-key-not-for-production', 'the development key'],
    ['CONTACT_HASH_KEY', 'x'.repeat(31), 'shorter than 32 characters'],
    ['CONSENT_SIGNING_KEY', undefined, 'missing (the development key)'],
    ['CONSENT_SIGNING_KEY', 'leadex-dev-consent-signing-key-not-for-production', 'the development key'],
    ['CONSENT_SIGNING_KEY', 'x'.repeat(31), 'shorter than 32 characters'],
    ['COOKIE_SECURE', 'false', 'cookies over plain HTTP'],
    ['COOKIE_SECURE', undefined, 'missing (false)'],
    ['DATABASE_URL', undefined, 'missing (PGlite)'],
  ];

  it.each(refused)('refuses %s when it is %p (%s), naming it', (variable, value) => {
    const env = value === undefined ? without(production(), variable) : { ...production(), [variable]: value };
    const message = refusal(env);
    expect(message).toContain(`${variable}:`);
    // and only that one: every other variable of the environment is fine
    const named = message
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(':')[0]);
    expect(named).toEqual([variable]);
  });

  it('refuses a WEBHOOK_ALLOW_HOSTS entry without a port, in every environment', () => {
    expect(refusal({ NODE_ENV: 'test', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' })).toContain('WEBHOOK_ALLOW_HOSTS');
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOW_HOSTS: '127.0.0.1:5055, [::1]:8080' }).WEBHOOK_ALLOW_HOSTS).toBe('127.0.0.1:5055, [::1]:8080');
  });

  it('names every offending variable at once', () => {
    const message = refusal({ NODE_ENV: 'production', STRIPE_API_URL: 'http://127.0.0.1:12111' });
    for (const variable of [
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'STRIPE_API_URL',
      'CONTACT_ENCRYPTION_KEYS',
      'CONTACT_HASH_KEY',
      'CONSENT_SIGNING_KEY',
      'COOKIE_SECURE',
      'DATABASE_URL',
    ]) {
      expect(message).toContain(`${variable}:`);
    }
  });

  it('never prints the secret it refuses', () => {
    const leaked = `sk_test_${randomBytes(12).toString('hex')}`;
    expect(refusal({ ...production(), STRIPE_SECRET_KEY: leaked })).not.toContain(leaked);
  });

  it('stops the API process with a non-zero exit and the variable in stderr', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...production(), STRIPE_WEBHOOK_SECRET: 'whsec_standin_dev', PORT: '0' };
    const child = spawn('npx', ['tsx', 'api/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the API did not exit within 90 s; stderr: ${stderr}`));
      }, 90_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain('STRIPE_WEBHOOK_SECRET');
  }, 120_000);
});
