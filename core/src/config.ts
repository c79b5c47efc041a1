// Configuration: read and validated once at start; every variable is documented in docs/operations.md (Configuration).
import { z } from 'zod';
import { platformCurrencyProblem } from './domain/platform/platform-currency.rules';
import { parseDecimal } from './domain/shared/money';

// Development defaults for the secrets, so the embedded product starts with no setup. Production refuses them.
const DEV_CONTACT_KEY = 'dev1:' + Buffer.alloc(32, 7).toString('base64');
const DEV_HASH_KEY = 'leadex-dev-hash-key-not-for-production';
const DEV_WEBHOOK_SECRET = 'whsec_standin_dev';
const DEV_STRIPE_KEY = 'sk_test_standin';
const DEV_CONSENT_SIGNING_KEY = 'leadex-dev-consent-signing-key-not-for-production';

const ZObject = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().optional(),
  // statements prepared once per connection; false behind a pooler that cannot keep them (PgBouncer transaction mode)
  DATABASE_PREPARE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DATA_DIR: z.string().default('.data'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  CONTACT_ENCRYPTION_KEYS: z.string().default(DEV_CONTACT_KEY),
  CONTACT_ACTIVE_KEY_ID: z.string().optional(),
  CONTACT_HASH_KEY: z.string().min(16).default(DEV_HASH_KEY),
  // HMAC key of consent certificates' signatures (issue 13)
  CONSENT_SIGNING_KEY: z.string().min(16).default(DEV_CONSENT_SIGNING_KEY),
  // consent certificates one IP may request a minute
  CONSENT_CERTIFICATES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 30),
  // an ISO 4217 code whose minor unit is Stripe's amount unit (platform-currency.rules.ts says which are refused)
  PLATFORM_CURRENCY: z
    .string()
    .superRefine((v, ctx) => {
      const problem = platformCurrencyProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('USD'),
  STRIPE_SECRET_KEY: z.string().default(DEV_STRIPE_KEY),
  STRIPE_WEBHOOK_SECRET: z.string().default(DEV_WEBHOOK_SECRET),
  STRIPE_API_URL: z.string().url().optional(),
  // where Stripe sends the browser back; unset → the API itself, which serves the built web app
  WEB_ORIGIN: z.string().url().optional(),
  // every origin the web app may be opened at (comma list; the first is the canonical one); Stripe sends the
  // browser back to the one it came from. Unset → WEB_ORIGIN, plus its localhost/127.0.0.1 twin outside production
  WEB_ORIGINS: z
    .string()
    .optional()
    .refine(
      (v) => !v || v.split(',').every((o) => /^https?:\/\/[^/\s]+\/?$/.test(o.trim())),
      'a comma list of origins, e.g. https://app.leadex.io,https://leadex.io',
    ),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // JSON lines (production: what log collectors read) or pretty-printed for a terminal (the start command's default in development)
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  ORDER_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MAX_ORDER_LEADS: z.coerce.number().int().min(1).max(10_000).default(500),
  // in PLATFORM_CURRENCY, with at most its minor-unit digits (checked below): '50' fits every currency
  MIN_PAYOUT: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,3})?$/)
    .default('50'),
  SETTLEMENT_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  // a run settles mature sales in short transactions, one seller's sales at a time (issue 17): the chunk starts at
  // SETTLEMENT_CHUNK_SIZE sales and adapts so each transaction takes about SETTLEMENT_CHUNK_TARGET_MS
  SETTLEMENT_CHUNK_SIZE: z.coerce.number().int().min(1).max(100_000).default(2_000),
  SETTLEMENT_CHUNK_TARGET_MS: z.coerce.number().int().min(10).max(5_000).default(250),
  SETTLEMENT_CHUNK_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('leadex'),
  // how soon a crashed worker's job is picked up again: BullMQ lock duration and stalled-job check interval
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  // first retry of a refused webhook delivery; doubling over 11 attempts spans about a day at 45 s
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(45_000),
  // outgoing e-mail (issue 14: EMAIL delivery endpoints): the SMTP server, default the start command's local catcher
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@smtp.example.com:587')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().trim().min(3).default('Leadex <no-reply@leadex.local>'),
  // notification e-mails (issue 16): a sender's claim on an outbox row older than this is taken to be a crashed
  // sender's, and the row is sent again (send-notification-emails.ts)
  NOTIFICATION_CLAIM_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5 * 60_000),
  // a buyer's wallet falling below this (minor units of the platform currency) notifies WALLET_LOW
  WALLET_LOW_THRESHOLD_MINOR: z.coerce.number().int().min(0).default(5_000),
  PING_OFFER_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // remote bidders (issue 14): one ping's deadline unless the campaign sets its own, the whole auction's ping
  // budget, and the winner's post's deadline (the allocation transaction waits for it)
  REMOTE_PING_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(300),
  AUCTION_BUDGET_MS: z.coerce.number().int().min(10).max(10_000).default(500),
  REMOTE_POST_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  // of AUCTION_BUDGET_MS, what is kept for the auction's transaction and the winner's post: pings get the rest
  AUCTION_RESERVE_MS: z.coerce.number().int().min(0).max(5000).default(150),
  // a remote campaign is paused after this many failed pings or posts in a row
  REMOTE_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  MAX_BATCH_SIZE: z.coerce.number().int().positive().default(10_000),
  // hardening (issue 10); each is documented in docs/operations.md
  // `host:port` pairs webhook deliveries may reach although they resolve to loopback/private ranges (dev and tests only)
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .refine(
      (v) =>
        v
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean)
          .every((e) => /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(e)),
      'a comma list of host:port pairs, e.g. 127.0.0.1:5055',
    ),
  // most leads one buyer may hold in unpaid orders, and most unpaid orders at once
  MAX_HELD_LEADS_PER_BUYER: z.coerce.number().int().min(1).default(100),
  MAX_OPEN_ORDERS_PER_BUYER: z.coerce.number().int().min(1).default(5),
  // most leads one organisation may submit per minute (all channels together)
  LEAD_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(12_000),
  // least zxcvbn score (0–4) a new password must reach, and least length
  PASSWORD_MIN_SCORE: z.coerce.number().int().min(0).max(4).default(3),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(10),
  // operators must sign in with TOTP (issue 16): an operator without it gets a session that can only enrol.
  // Unset: on in production (where it cannot be turned off), off elsewhere
  REQUIRE_OPERATOR_2FA: z.enum(['true', 'false']).optional(),
});

const ZConfig = ZObject.superRefine((c, ctx) => {
  if (!platformCurrencyProblem(c.PLATFORM_CURRENCY) && parseDecimal(c.MIN_PAYOUT, c.PLATFORM_CURRENCY) == null) {
    ctx.addIssue({ code: 'custom', path: ['MIN_PAYOUT'], message: `more decimal places than ${c.PLATFORM_CURRENCY} has; e.g. "50"` });
  }
  if (c.NODE_ENV !== 'production') return;
  for (const [variable, message] of productionProblems(c)) ctx.addIssue({ code: 'custom', path: [variable], message });
});

type ParsedConfig = z.output<typeof ZObject>;

/**
 * What a production deployment must not run with: the development secrets, test-mode Stripe credentials,
 * the local Stripe stand-in, cookies sent over plain HTTP, PGlite. Sessions need no secret here: they are
 * random 256-bit tokens stored as SHA-256 hashes, so there is nothing to forge them with.
 */
function productionProblems(c: ParsedConfig): [keyof ParsedConfig, string][] {
  const problems: [keyof ParsedConfig, string][] = [];
  const stripeKey = c.STRIPE_SECRET_KEY;
  if (stripeKey === DEV_STRIPE_KEY)
    problems.push(['STRIPE_SECRET_KEY', 'missing or the development default; set your live secret key (sk_live_… or rk_live_…)']);
  else if (!/^(sk|rk)_live_\w{8,}/.test(stripeKey))
    problems.push(['STRIPE_SECRET_KEY', 'not a live Stripe key (test-mode keys such as sk_test_… cannot take real payments)']);
  const hookSecret = c.STRIPE_WEBHOOK_SECRET;
  if (hookSecret === DEV_WEBHOOK_SECRET)
    problems.push(['STRIPE_WEBHOOK_SECRET', "missing or the development default; set the endpoint's signing secret from the Stripe dashboard"]);
  else if (!/^whsec_[A-Za-z0-9+/=_-]{16,}$/.test(hookSecret) || /^whsec_(standin|test)/i.test(hookSecret)) {
    problems.push(['STRIPE_WEBHOOK_SECRET', 'not a Stripe signing secret (whsec_…) or a test value; anyone who knows it can forge payment events']);
  }
  if (c.STRIPE_API_URL) problems.push(['STRIPE_API_URL', 'points at the local Stripe stand-in; unset it in production']);
  if (keyMaterials(c.CONTACT_ENCRYPTION_KEYS).includes(keyMaterials(DEV_CONTACT_KEY)[0]!)) {
    problems.push(['CONTACT_ENCRYPTION_KEYS', 'contains the development key; generate one with `openssl rand -base64 32`']);
  }
  if (c.CONTACT_HASH_KEY === DEV_HASH_KEY) problems.push(['CONTACT_HASH_KEY', 'the development key; generate one with `openssl rand -base64 32`']);
  else if (c.CONTACT_HASH_KEY.length < 32) problems.push(['CONTACT_HASH_KEY', 'shorter than 32 characters']);
  if (c.CONSENT_SIGNING_KEY === DEV_CONSENT_SIGNING_KEY) {
    problems.push(['CONSENT_SIGNING_KEY', 'the development key; generate one with `openssl rand -base64 32`']);
  } else if (c.CONSENT_SIGNING_KEY.length < 32) problems.push(['CONSENT_SIGNING_KEY', 'shorter than 32 characters']);
  if (!c.COOKIE_SECURE) problems.push(['COOKIE_SECURE', 'must be true in production (session cookies only over HTTPS)']);
  if (!c.DATABASE_URL) problems.push(['DATABASE_URL', 'production runs on PostgreSQL']);
  if (c.REQUIRE_OPERATOR_2FA === 'false') problems.push(['REQUIRE_OPERATOR_2FA', 'operators must use two-factor sign-in in production; unset it']);
  return problems;
}

/** The base64 key material of each `id:key` entry, so a renamed copy of the development key is still caught. */
function keyMaterials(keys: string): string[] {
  return keys.split(',').map((entry) => entry.slice(entry.indexOf(':') + 1).trim());
}

export type Config = Omit<z.infer<typeof ZConfig>, 'WEB_ORIGIN' | 'REQUIRE_OPERATOR_2FA'> & { WEB_ORIGIN: string; REQUIRE_OPERATOR_2FA: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const { REQUIRE_OPERATOR_2FA: requireOperator2fa, ...data } = parsed.data;
  return {
    ...data,
    WEB_ORIGIN: data.WEB_ORIGIN ?? `http://localhost:${data.PORT}`,
    REQUIRE_OPERATOR_2FA: requireOperator2fa ? requireOperator2fa === 'true' : data.NODE_ENV === 'production',
  };
}
