// Demo data for the first start: sellers, buyers, an operator and a few hundred leads across all six
// segments and eight countries, listed through the real submission and spot-check code. Fixed faker seed.
import { fakerDE, fakerEN_GB, fakerEN_US, fakerES, fakerFR, fakerHU, fakerRU, fakerVI, type Faker } from '@faker-js/faker';
import { schema } from '@leadex/db';
import { count, eq } from 'drizzle-orm';
import type { AppDeps } from '../domain/app-deps';
import type { Actor } from '../domain/auth/access';
import { createOperator, signUp } from '../domain/auth/auth.service';
import { addConsentOrigin } from '../domain/consent/consent-origins';
import { submitLeads } from '../domain/leads/submit-leads';
import { runSpotCheck } from '../domain/verification/run-spot-check';
import { demoPhone } from './demo-phones';

export const DEMO_PASSWORD = 'leadex-demo-password';
export const DEMO_ACCOUNTS = {
  operator: 'operator@demo.leadex.dev',
  sellers: ['leads@sunrise-media.demo', 'sales@autopulse.demo', 'hello@edugrowth.demo'],
  buyers: ['buyer@safeharbor-insurance.demo', 'buyer@nomad-travel.demo'],
};

type Place = { country: string; region: string; city: string; faker: Faker };
const PLACES: Place[] = [
  { country: 'US', region: 'US-NY', city: 'New York', faker: fakerEN_US },
  { country: 'US', region: 'US-CA', city: 'Los Angeles', faker: fakerEN_US },
  { country: 'US', region: 'US-TX', city: 'Austin', faker: fakerEN_US },
  { country: 'GB', region: 'GB-LND', city: 'London', faker: fakerEN_GB },
  { country: 'GB', region: 'GB-MAN', city: 'Manchester', faker: fakerEN_GB },
  { country: 'DE', region: 'DE-BE', city: 'Berlin', faker: fakerDE },
  { country: 'DE', region: 'DE-BY', city: 'Munich', faker: fakerDE },
  { country: 'FR', region: 'FR-IDF', city: 'Paris', faker: fakerFR },
  { country: 'FR', region: 'FR-ARA', city: 'Lyon', faker: fakerFR },
  { country: 'ES', region: 'ES-MD', city: 'Madrid', faker: fakerES },
  { country: 'RU', region: 'RU-MOW', city: 'Moscow', faker: fakerRU },
  { country: 'VN', region: 'VN-SG', city: 'Ho Chi Minh City', faker: fakerVI },
  { country: 'HU', region: 'HU-BU', city: 'Budapest', faker: fakerHU },
];

const SEGMENTS: { segment: string; subsegments: (string | null)[]; attributes: (f: Faker) => Record<string, unknown> }[] = [
  {
    segment: 'INSURANCE',
    subsegments: ['CASCO', 'OSAGO', 'LIFE', 'HEALTH', 'PROPERTY', 'TRAVEL'],
    attributes: (f) => ({ vehicleYear: f.number.int({ min: 2008, max: 2025 }), vehicleMake: f.vehicle.manufacturer() }),
  },
  {
    segment: 'TOURISM',
    subsegments: ['TOUR_PACKAGE', 'HOTEL', 'FLIGHTS'],
    attributes: (f) => ({ destination: f.location.city(), travellers: f.number.int({ min: 1, max: 5 }) }),
  },
  {
    segment: 'FINANCE',
    subsegments: ['LOAN', 'DEPOSIT', 'MORTGAGE', 'CREDIT_CARD'],
    attributes: (f) => ({ amount: f.number.int({ min: 20, max: 5000 }) * 100, termMonths: f.helpers.arrayElement([12, 24, 36, 60, 240, 360]) }),
  },
  { segment: 'AUTO_TEST_DRIVE', subsegments: [null], attributes: (f) => ({ brand: f.vehicle.manufacturer(), model: f.vehicle.model() }) },
  {
    segment: 'EDUCATION',
    subsegments: ['COURSE', 'TRAINING'],
    attributes: (f) => ({
      subject: f.helpers.arrayElement(['Data science', 'English B2', 'UX design', 'Accounting', 'Python']),
      format: f.helpers.arrayElement(['ONLINE', 'OFFLINE', 'BLENDED']),
    }),
  },
  { segment: 'SERVICES', subsegments: ['TAXI', 'COURIER', 'INTERNET'], attributes: (f) => ({ address: f.location.streetAddress() }) },
];

const SOURCES = ['SEO', 'CONTEXT_ADS', 'SOCIAL', 'EMAIL', 'CPA_NETWORK', 'OFFLINE_EVENT', 'REFERRAL'];
const KINDS = ['QUICK', 'REGISTRATION', 'PROMOTIONAL', 'INTERESTED'];

function demoLead(place: Place, now: Date) {
  const f = place.faker;
  const seg = f.helpers.arrayElement(SEGMENTS);
  const first = f.person.firstName();
  const last = f.person.lastName();
  const captured = new Date(now.getTime() - f.number.int({ min: 10, max: 5 * 24 * 60 }) * 60_000);
  const exclusive = f.datatype.boolean({ probability: 0.3 });
  return {
    segment: seg.segment,
    subsegment: f.helpers.arrayElement(seg.subsegments),
    country: place.country,
    region: place.region,
    city: place.city,
    fullName: `${first} ${last}`,
    phone: demoPhone(f, place.country),
    email: f.internet.email({ firstName: first, lastName: last, provider: f.helpers.arrayElement(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me']) }),
    preferredContactTime: f.helpers.arrayElement([null, 'mornings', 'after 6pm', 'weekends']),
    kind: f.helpers.arrayElement(KINDS),
    temperature: f.helpers.arrayElement(['COLD', 'WARM', 'WARM', 'HOT']),
    sourceChannel: f.helpers.arrayElement(SOURCES),
    capturedAt: captured,
    consent: {
      text: 'I agree to be contacted by partners about this request.',
      timestamp: captured,
      ip: f.internet.ipv4(),
      pageUrl: `https://${f.internet.domainName()}/form`,
    },
    attributes: seg.attributes(f),
    exclusivity: exclusive ? 'EXCLUSIVE' : 'SHARED',
    maxSales: exclusive ? null : f.helpers.arrayElement([2, 3, 3, 5]),
    formFillSeconds: f.number.int({ min: 15, max: 300 }),
    ip: f.internet.ipv4(),
  };
}

/** Seeds demo accounts and leads into an empty database; does nothing when any organization exists. */
export async function seedDemoData(deps: AppDeps, leadsPerSeller = 120): Promise<boolean> {
  const [orgs] = await deps.db.select({ n: count() }).from(schema.organizations);
  if (Number(orgs!.n) > 0) return false;
  for (const place of PLACES) place.faker.seed(20261123);
  await createOperator(deps, DEMO_ACCOUNTS.operator, DEMO_PASSWORD, 'Olivia Operator');
  for (const [i, email] of DEMO_ACCOUNTS.buyers.entries()) {
    await signUp(
      deps,
      {
        email,
        password: DEMO_PASSWORD,
        name: `Demo buyer ${i + 1}`,
        organizationName: ['SafeHarbor Insurance', 'Nomad Travel'][i],
        role: 'BUYER',
      },
      { emailVerified: true },
    );
  }
  const now = deps.clock();
  for (const [i, email] of DEMO_ACCOUNTS.sellers.entries()) {
    const session = await signUp(
      deps,
      {
        email,
        password: DEMO_PASSWORD,
        name: `Demo seller ${i + 1}`,
        organizationName: ['Sunrise Media', 'AutoPulse Leads', 'EduGrowth'][i],
        role: 'SELLER',
      },
      { emailVerified: true },
    );
    const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.id, session.userId));
    const actor: Actor = { userId: session.userId, organizationId: user!.organizationId, role: 'SELLER', via: 'session' };
    // the demo form (GET /demo/lead-form) is the first seller's: its page on the product's own origin may issue certificates
    if (i === 0) {
      for (const host of ['localhost', '127.0.0.1']) await addConsentOrigin(deps, actor, `http://${host}:${deps.config.PORT}`);
    }
    // a few batches per seller, each through the real checks and the real spot-check
    for (let b = 0; b < 4; b++) {
      const leads = Array.from({ length: leadsPerSeller / 4 }, (_, k) => demoLead(PLACES[(i * 7 + b * 3 + k) % PLACES.length]!, now));
      const batch = await submitLeads(deps, actor, leads, { source: 'SEED', shapeErrors: 'reject-row' });
      await runSpotCheck(deps, batch.id);
    }
  }
  return true;
}
