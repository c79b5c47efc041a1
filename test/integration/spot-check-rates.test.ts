// How well submission checks and verification catch pseudo-leads, measured on labelled batches: clean ones,
// and ones salted with each pseudo-lead kind alone and mixed at 5–40% (typos, disposable e-mails,
// duplicates, bots, paid fillers, pranks, made-up numbers). Prints the table.
import { submitLeads } from '@leadex/core/domain/leads/submit-leads';
import { runSpotCheck } from '@leadex/core';
import { inArray, schema } from '@leadex/db';
import { validLead } from '../fixtures/leads';
import { createBuyerActors } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'rates' });
});
afterAll(() => app.close());

const FIRST = ['Anna', 'Jonas', 'Maria', 'Pierre', 'Olga', 'Kenji', 'Lucia', 'Tomas', 'Chloe', 'Ivan', 'Sara', 'Diego'];
const LAST = ['Novak', 'Schmidt', 'Garcia', 'Dubois', 'Petrova', 'Tanaka', 'Rossi', 'Horvat', 'Martin', 'Kowalski'];
let n = 0;
// phones from a counter, so no two clean leads of the run collide by chance
const phone = () => `+1415${String(2_000_000 + n * 7).padStart(7, '0')}`;
function goodLead() {
  n += 1;
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[(n * 7) % LAST.length]!;
  return validLead({
    fullName: `${first} ${last}`,
    phone: phone(),
    email: `${first}.${last}.${n}@example.org`.toLowerCase(),
    formFillSeconds: 20 + (n % 180),
    ip: `198.51.${n % 250}.${(n * 13) % 250}`,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126 Safari/537.36',
  });
}

const knownPhone = '+14155550123';
const KINDS: Record<string, (i: number) => Record<string, unknown>> = {
  'typo-phone': () => ({ ...goodLead(), phone: '+1 415 555', email: null }),
  'typo-email': () => ({ ...goodLead(), email: 'maria.lopez@@example', phone: null }),
  'disposable-email': (i) => ({ ...goodLead(), email: `x${i}@mailinator.com` }),
  duplicate: () => ({ ...goodLead(), phone: knownPhone }),
  bot: () => ({ ...goodLead(), userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
  'paid-filler': () => ({ ...goodLead(), formFillSeconds: 1 }),
  'prank-name': (i) => ({ ...goodLead(), fullName: i % 2 ? 'Test Testov' : 'Asdf Qwerty' }),
  'made-up-number': () => ({ ...goodLead(), phone: '+12123456789' }),
  'prank-plausible': () => ({ ...goodLead(), fullName: 'Mickey Mouse' }),
};
const KIND_NAMES = Object.keys(KINDS);
const SIZES = [4, 7, 10, 16, 20, 25, 33, 40, 50];
const RATES = [0.05, 0.1, 0.2, 0.3, 0.4];

type Plan = { label: string; size: number; rate: number; kinds: string[] };
// 24 clean batches, and 9 kinds × 2 rates alone + 9 mixed = 27 salted batches, sizes 4–50
const plans: Plan[] = [
  ...Array.from({ length: 24 }, (_, i) => ({ label: 'clean', size: SIZES[i % SIZES.length]!, rate: 0, kinds: [] })),
  ...KIND_NAMES.flatMap((kind, k) =>
    [0, 1].map((j) => ({ label: kind, size: SIZES[(k * 2 + j + 3) % SIZES.length]!, rate: RATES[(k + j * 2) % RATES.length]!, kinds: [kind] })),
  ),
  ...Array.from({ length: 9 }, (_, i) => ({ label: 'mixed', size: SIZES[(i + 5) % SIZES.length]!, rate: RATES[i % RATES.length]!, kinds: KIND_NAMES })),
];

it('stops every salted batch from selling a pseudo-lead as VERIFIED, and stops almost no clean batch', async () => {
  const sellers = await createBuyerActors(app, 7, 'SELLER');
  // the duplicate's original, listed long before
  await submitLeads(app.runtime.deps, sellers[6]!, [validLead({ phone: knownPhone })], { source: 'GRAPHQL', shapeErrors: 'refuse-request' });

  const rows: { plan: Plan; batchId: string; pseudo: { kind: string; id: string | null }[]; cleanIds: string[] }[] = [];
  let salt = 0;
  for (const [b, plan] of plans.entries()) {
    const pseudoCount = plan.rate ? Math.max(1, Math.round(plan.size * plan.rate)) : 0;
    // pseudo-leads spread through the batch, not bunched at the start
    const stride = pseudoCount ? plan.size / pseudoCount : 0;
    const slots = new Set(Array.from({ length: pseudoCount }, (_, i) => Math.floor(i * stride + stride / 2)));
    const inputs = Array.from({ length: plan.size }, (_, i) => {
      if (!slots.has(i)) return { kind: null, lead: goodLead() };
      const kind = plan.kinds[salt++ % plan.kinds.length]!;
      return { kind, lead: KINDS[kind]!(salt) };
    });
    // clean sellers and salting sellers apart, so a salted batch's score drop does not touch clean batches
    const seller = sellers[plan.rate ? 3 + (b % 3) : b % 3]!;
    const res = await submitLeads(
      app.runtime.deps,
      seller,
      inputs.map((x) => x.lead),
      { source: 'GRAPHQL', shapeErrors: 'reject-row' },
    );
    rows.push({
      plan,
      batchId: res.id,
      pseudo: inputs.flatMap((x, i) => (x.kind ? [{ kind: x.kind, id: res.results[i]!.lead?.id ?? null }] : [])),
      cleanIds: inputs.flatMap((x, i) => (x.kind ? [] : [res.results[i]!.lead?.id ?? 'refused'])),
    });
    if (res.accepted) await runSpotCheck(app.runtime.deps, res.id, { offerToCampaigns: false });
  }

  const leads = await app.runtime.deps.db
    .select()
    .from(schema.leads)
    .where(
      inArray(
        schema.leads.batchId,
        rows.map((r) => r.batchId),
      ),
    );
  const byId = new Map(leads.map((l) => [l.id, l]));
  const batches = new Map(
    (
      await app.runtime.deps.db
        .select()
        .from(schema.leadBatches)
        .where(
          inArray(
            schema.leadBatches.id,
            rows.map((r) => r.batchId),
          ),
        )
    ).map((b) => [b.id, b]),
  );
  const verified = (id: string | null) => !!id && byId.get(id)?.verification === 'VERIFIED';

  const table = rows.map(({ plan, batchId, pseudo, cleanIds }) => {
    const accepted = pseudo.filter((p) => p.id);
    return {
      batch: plan.label,
      size: plan.size,
      salted: `${Math.round(plan.rate * 100)}%`,
      pseudo: pseudo.length,
      refused: pseudo.length - accepted.length,
      rejected: accepted.filter((p) => byId.get(p.id!)!.status === 'REJECTED').length,
      unverified: accepted.filter((p) => byId.get(p.id!)!.status === 'LISTED' && !verified(p.id)).length,
      pseudoVerified: accepted.filter((p) => verified(p.id)).length,
      cleanVerified: `${cleanIds.filter(verified).length}/${cleanIds.length}`,
      verdict: batches.get(batchId)?.status ?? 'REFUSED',
    };
  });
  console.table(table);

  const salted = table.filter((t) => t.pseudo > 0);
  const clean = table.filter((t) => t.pseudo === 0);
  // a salted batch is stopped when none of its pseudo-leads reaches buyers as VERIFIED
  const saltedStopped = salted.filter((t) => t.pseudoVerified === 0).length;
  const saltedFailed = salted.filter((t) => t.verdict === 'FAILED').length;
  const cleanStopped = clean.filter((t) => t.verdict !== 'VERIFIED').length;
  const cleanLeads = rows.filter((r) => !r.plan.rate).flatMap((r) => r.cleanIds);
  const perKind = Object.fromEntries(
    KIND_NAMES.map((kind) => {
      const all = rows.flatMap((r) => r.pseudo).filter((p) => p.kind === kind);
      return [kind, `${all.filter((p) => !verified(p.id)).length}/${all.length} kept from VERIFIED`];
    }),
  );
  console.log(
    JSON.stringify({
      saltedStopped: `${saltedStopped}/${salted.length}`,
      saltedBatchesFailed: `${saltedFailed}/${salted.length}`,
      cleanStopped: `${cleanStopped}/${clean.length}`,
      cleanLeadsVerified: `${cleanLeads.filter(verified).length}/${cleanLeads.length}`,
      perKind,
    }),
  );

  expect(clean.length).toBeGreaterThanOrEqual(20);
  expect(salted.length).toBeGreaterThanOrEqual(20);
  expect(new Set(salted.filter((t) => t.batch !== 'mixed').map((t) => t.batch))).toEqual(new Set(KIND_NAMES));
  expect(saltedStopped / salted.length).toBeGreaterThanOrEqual(0.95);
  expect(cleanStopped / clean.length).toBeLessThanOrEqual(0.02);
  expect(salted.reduce((sum, t) => sum + t.pseudoVerified, 0)).toBe(0);
  expect(cleanLeads.filter(verified).length / cleanLeads.length).toBeGreaterThanOrEqual(0.98);
});
