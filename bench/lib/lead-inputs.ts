// Lead inputs for the ingest bench: varied segments, places, kinds and contacts, mostly valid, with a
// controlled share that fails a hard check (bad phone, wrong region, missing attribute, future capture)
// and a share that only raises soft signals (duplicate phone, fast form fill). Seeded, so runs compare.
import { normalizeContact } from '@leadex/core/domain/leads/contact.rules';
import { attributeApplies } from '@leadex/core/domain/leads/lead-attributes';
import type { TLeadInput } from '@leadex/core/domain/leads/lead.types';
import { SEGMENT_SEEDS } from '../../db/src/seed/reference-data';

/** mulberry32: a small seeded PRNG, enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const digits = (rand: Rand, n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 2 + Math.floor(rand() * 8) : Math.floor(rand() * 10))).join('');

const PLACES = [
  ['US', 'US-NY', 'New York'],
  ['US', 'US-CA', 'Los Angeles'],
  ['US', 'US-TX', 'Houston'],
  ['US', 'US-IL', 'Chicago'],
  ['GB', 'GB-LND', 'London'],
  ['GB', 'GB-MAN', 'Manchester'],
  ['DE', 'DE-BE', 'Berlin'],
  ['DE', 'DE-BY', 'Munich'],
  ['FR', 'FR-IDF', 'Paris'],
  ['FR', 'FR-ARA', 'Lyon'],
  ['ES', 'ES-MD', 'Madrid'],
  ['ES', 'ES-CT', 'Barcelona'],
  ['RU', 'RU-MOW', 'Moscow'],
  ['HU', 'HU-BU', 'Budapest'],
  ['VN', 'VN-SG', 'Ho Chi Minh City'],
] as const;

// a mobile prefix per country and how many digits follow it
const MOBILE: Record<string, [string, number][]> = {
  US: [
    ['+1415', 7],
    ['+1212', 7],
    ['+1312', 7],
    ['+1713', 7],
  ],
  GB: [
    ['+4474', 8],
    ['+4477', 8],
  ],
  DE: [
    ['+49151', 8],
    ['+49170', 8],
  ],
  FR: [
    ['+336', 8],
    ['+337', 8],
  ],
  ES: [['+346', 8]],
  RU: [
    ['+7916', 7],
    ['+7926', 7],
  ],
  HU: [
    ['+3620', 7],
    ['+3630', 7],
  ],
  VN: [
    ['+8490', 7],
    ['+8498', 7],
  ],
};

const SEGMENTS: { segment: string; subsegments: (string | null)[]; attributes: (r: Rand) => Record<string, unknown> }[] = [
  {
    segment: 'INSURANCE',
    subsegments: ['CASCO', 'OSAGO', 'LIFE', 'HEALTH', 'PROPERTY', 'TRAVEL'],
    attributes: (r) => ({ vehicleYear: 2008 + Math.floor(r() * 17), vehicleMake: pick(r, ['Toyota', 'Skoda', 'BMW', 'Kia']) }),
  },
  {
    segment: 'TOURISM',
    subsegments: ['TOUR_PACKAGE', 'HOTEL', 'FLIGHTS'],
    attributes: (r) => ({ destination: pick(r, ['Antalya', 'Bali', 'Lisbon', 'Phuket']), travellers: 1 + Math.floor(r() * 4) }),
  },
  {
    segment: 'FINANCE',
    subsegments: ['LOAN', 'DEPOSIT', 'MORTGAGE', 'CREDIT_CARD'],
    attributes: (r) => ({ amount: (20 + Math.floor(r() * 5000)) * 100, termMonths: pick(r, [12, 24, 36, 60, 240]) }),
  },
  {
    segment: 'AUTO_TEST_DRIVE',
    subsegments: [null],
    attributes: (r) => ({ brand: pick(r, ['Toyota', 'Volkswagen', 'Hyundai']), model: pick(r, ['Corolla', 'Golf', 'Tucson']) }),
  },
  {
    segment: 'EDUCATION',
    subsegments: ['COURSE', 'TRAINING'],
    attributes: (r) => ({ subject: pick(r, ['Data science', 'English B2', 'UX design']), format: pick(r, ['ONLINE', 'OFFLINE', 'BLENDED']) }),
  },
  { segment: 'SERVICES', subsegments: ['TAXI', 'COURIER', 'INTERNET'], attributes: (r) => ({ address: `${1 + Math.floor(r() * 200)} Main Street` }) },
];

// the seeded attribute definitions: a real form asks a subsegment only the fields that apply to it
// (`appliesTo`), so a generated lead carries only those (Insurance · Life sends no vehicle)
const FIELDS = new Map(SEGMENT_SEEDS.map((s) => [s.code, new Map(s.fields.map((f) => [f.name, f]))]));

function applicableAttributes(segment: string, subsegment: string | null, attributes: Record<string, unknown>): Record<string, unknown> {
  const fields = FIELDS.get(segment);
  return Object.fromEntries(
    Object.entries(attributes).filter(([name]) => {
      const field = fields?.get(name);
      return !field || attributeApplies(field, subsegment);
    }),
  );
}

const FIRST = ['Maria', 'John', 'Anna', 'Lukas', 'Camille', 'Javier', 'Olga', 'Minh', 'Zsofia', 'Emma', 'Noah', 'Ivan'];
const LAST = ['Lopez', 'Smith', 'Novak', 'Muller', 'Martin', 'Garcia', 'Ivanova', 'Nguyen', 'Kovacs', 'Brown', 'Weber'];
const KINDS = ['QUICK', 'REGISTRATION', 'PROMOTIONAL', 'INTERESTED'] as const;
const SOURCES = ['SEO', 'CONTEXT_ADS', 'SOCIAL', 'EMAIL', 'CPA_NETWORK', 'OFFLINE_EVENT', 'REFERRAL'] as const;

/** A phone that libphonenumber (the same check submitLeads runs) accepts for the country. */
function validPhone(rand: Rand, country: string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [prefix, n] = pick(rand, MOBILE[country]!);
    const phone = prefix + digits(rand, n);
    const probe = { fullName: 'Probe Person', phone, country } as TLeadInput;
    if (normalizeContact(probe).contact.phoneE164) return phone;
  }
  throw new Error(`no valid phone found for ${country}`);
}

export interface LeadMix {
  /** share of leads that fail a hard check (rejected, with an ERROR finding) */
  invalidShare: number;
  /** share of valid leads that reuse an earlier phone of the same segment (DUPLICATE_PHONE warning) */
  duplicateShare: number;
}

export const DEFAULT_MIX: LeadMix = { invalidShare: 0.05, duplicateShare: 0.03 };

/** A generator of GraphQL-shaped lead inputs (dates as ISO text, as the API receives them). */
export function leadInputs(seed: number, mix: LeadMix = DEFAULT_MIX) {
  const rand = seededRandom(seed);
  const seenPhones = new Map<string, string[]>();
  let counter = 0;
  return function next(now: Date): Record<string, unknown> {
    counter += 1;
    const [country, region, city] = pick(rand, PLACES);
    const seg = pick(rand, SEGMENTS);
    const captured = new Date(now.getTime() - (10 + Math.floor(rand() * 5 * 24 * 60)) * 60_000).toISOString();
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const exclusive = rand() < 0.3;
    // a duplicate reuses a phone of the same segment and country, as a re-sold contact would
    const dupKey = `${seg.segment}|${country}`;
    const previous = seenPhones.get(dupKey) ?? [];
    const phone = previous.length && rand() < mix.duplicateShare ? pick(rand, previous) : validPhone(rand, country);
    if (previous.length < 200) seenPhones.set(dupKey, [...previous, phone]);
    const subsegment = pick(rand, seg.subsegments);
    const lead: Record<string, unknown> = {
      segment: seg.segment,
      subsegment,
      country,
      region,
      city,
      fullName: `${first} ${last}`,
      phone,
      email: rand() < 0.6 ? `${first}.${last}.${seed}.${counter}@example.org`.toLowerCase() : null,
      kind: pick(rand, KINDS),
      temperature: pick(rand, ['COLD', 'WARM', 'WARM', 'HOT']),
      sourceChannel: pick(rand, SOURCES),
      capturedAt: captured,
      consent: { text: 'I agree to be contacted by partners about this request.', timestamp: captured, ip: '203.0.113.7', pageUrl: 'https://example.org/form' },
      // drawn in full and then filtered, so the random sequence (and every other field) stays as before
      attributes: applicableAttributes(seg.segment, subsegment, seg.attributes(rand)),
      exclusivity: exclusive ? 'EXCLUSIVE' : 'SHARED',
      maxSales: exclusive ? null : pick(rand, [2, 3, 3, 5]),
      formFillSeconds: rand() < 0.02 ? 1 : 15 + Math.floor(rand() * 300),
      // a few IPs repeat (IP_BURST needs 5 from one IP in a batch); most are distinct
      ip: rand() < 0.01 ? '198.51.100.9' : `100.${64 + Math.floor(rand() * 64)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`,
    };
    if (rand() < mix.invalidShare) spoil(rand, lead, now);
    return lead;
  };
}

// Shape-valid but content-invalid, so a GraphQL submission (refuse-request) still goes through
// and the lead is rejected one by one with its finding.
function spoil(rand: Rand, lead: Record<string, unknown>, now: Date): void {
  switch (Math.floor(rand() * 4)) {
    case 0:
      lead.phone = '+1415000';
      lead.email = null;
      break; // PHONE_INVALID (+ CONTACT_MISSING)
    case 1:
      lead.region = 'XX-ZZ';
      break; // REGION_INVALID
    case 2:
      lead.attributes = {};
      lead.segment = 'TOURISM';
      lead.subsegment = 'HOTEL';
      break; // ATTRIBUTE_REQUIRED
    default: {
      // CAPTURED_IN_FUTURE
      const future = new Date(now.getTime() + 86_400_000).toISOString();
      lead.capturedAt = future;
      lead.consent = { ...(lead.consent as object), timestamp: future };
    }
  }
}
