// Reference data every deployment starts with: segments and their attribute schemas, geo tiers, the
// default price grid, price factors and volume tiers. Inserted once; operators edit it afterwards.
import type { Db } from '../client';
import { geoAreas, priceFactors, priceGrid, segments, subsegments, volumeDiscounts } from '../schema/index';

type Field = {
  name: string;
  type: string;
  label: string;
  required?: boolean;
  requiredFor?: string[];
  appliesTo?: string[];
  min?: number;
  max?: number;
  values?: string[];
};
type SegmentSeed = { code: string; name: string; ttlDays: number; subsegments: [string, string][]; fields: Field[]; base: [number, number, number] };

const thisYear = new Date().getUTCFullYear();

export const SEGMENT_SEEDS: SegmentSeed[] = [
  {
    code: 'INSURANCE',
    name: 'Insurance',
    ttlDays: 30,
    base: [2500, 1800, 1200],
    subsegments: [
      ['CASCO', 'CASCO (own damage)'],
      ['OSAGO', 'OSAGO (third-party liability)'],
      ['LIFE', 'Life'],
      ['HEALTH', 'Health'],
      ['PROPERTY', 'Property'],
      ['TRAVEL', 'Travel'],
    ],
    fields: [
      // the vehicle is asked of motor insurance only: Insurance · Life does not ask for one
      {
        name: 'vehicleYear',
        type: 'integer',
        label: 'Vehicle year',
        requiredFor: ['CASCO', 'OSAGO'],
        appliesTo: ['CASCO', 'OSAGO'],
        min: 1950,
        max: thisYear + 1,
      },
      { name: 'vehicleMake', type: 'string', label: 'Vehicle make', appliesTo: ['CASCO', 'OSAGO'], max: 60 },
      { name: 'coverageAmount', type: 'number', label: 'Coverage amount', min: 0 },
      { name: 'age', type: 'integer', label: 'Age of the insured', min: 0, max: 120 },
    ],
  },
  {
    code: 'TOURISM',
    name: 'Tourism',
    ttlDays: 21,
    base: [1500, 1100, 800],
    subsegments: [
      ['TOUR_PACKAGE', 'Tour package'],
      ['HOTEL', 'Hotel'],
      ['FLIGHTS', 'Flights'],
    ],
    fields: [
      { name: 'destination', type: 'string', label: 'Destination', required: true, min: 2, max: 80 },
      { name: 'departureDate', type: 'date', label: 'Departure date' },
      { name: 'returnDate', type: 'date', label: 'Return date' },
      { name: 'travellers', type: 'integer', label: 'Travellers', min: 1, max: 30 },
    ],
  },
  {
    code: 'FINANCE',
    name: 'Finance',
    ttlDays: 14,
    base: [3000, 2200, 1500],
    subsegments: [
      ['LOAN', 'Loan'],
      ['DEPOSIT', 'Deposit'],
      ['MORTGAGE', 'Mortgage'],
      ['CREDIT_CARD', 'Credit card'],
    ],
    fields: [
      { name: 'amount', type: 'number', label: 'Amount', requiredFor: ['LOAN', 'MORTGAGE', 'DEPOSIT'], min: 1 },
      { name: 'termMonths', type: 'integer', label: 'Term (months)', min: 1, max: 480 },
      { name: 'purpose', type: 'string', label: 'Purpose', max: 120 },
    ],
  },
  {
    code: 'AUTO_TEST_DRIVE',
    name: 'Auto test drives',
    ttlDays: 10,
    base: [4000, 3000, 2000],
    subsegments: [],
    fields: [
      { name: 'brand', type: 'string', label: 'Brand', required: true, min: 1, max: 40 },
      { name: 'model', type: 'string', label: 'Model', required: true, min: 1, max: 60 },
      { name: 'preferredDate', type: 'date', label: 'Preferred date' },
    ],
  },
  {
    code: 'EDUCATION',
    name: 'Education',
    ttlDays: 30,
    base: [1200, 900, 600],
    subsegments: [
      ['COURSE', 'Course'],
      ['TRAINING', 'Training'],
    ],
    fields: [
      { name: 'subject', type: 'string', label: 'Subject', required: true, min: 2, max: 80 },
      { name: 'format', type: 'enum', label: 'Format', values: ['ONLINE', 'OFFLINE', 'BLENDED'] },
    ],
  },
  {
    code: 'SERVICES',
    name: 'Services',
    ttlDays: 7,
    base: [800, 600, 400],
    subsegments: [
      ['TAXI', 'Taxi'],
      ['COURIER', 'Courier'],
      ['INTERNET', 'Internet'],
    ],
    fields: [
      { name: 'address', type: 'string', label: 'Service address', max: 200 },
      { name: 'serviceDate', type: 'date', label: 'Service date' },
    ],
  },
];

// Country rows set the default tier; region and city rows refine it.
export const GEO_SEEDS: [country: string, region: string, city: string, tier: 'TIER_1' | 'TIER_2' | 'TIER_3'][] = [
  ['US', '', '', 'TIER_3'],
  ['US', 'US-NY', '', 'TIER_2'],
  ['US', 'US-NY', 'New York', 'TIER_1'],
  ['US', 'US-CA', '', 'TIER_2'],
  ['US', 'US-CA', 'Los Angeles', 'TIER_1'],
  ['US', 'US-CA', 'San Francisco', 'TIER_1'],
  ['US', 'US-IL', 'Chicago', 'TIER_1'],
  ['US', 'US-TX', '', 'TIER_2'],
  ['US', 'US-TX', 'Houston', 'TIER_1'],
  ['GB', '', '', 'TIER_3'],
  ['GB', 'GB-LND', '', 'TIER_1'],
  ['GB', 'GB-MAN', '', 'TIER_2'],
  ['DE', '', '', 'TIER_3'],
  ['DE', 'DE-BE', '', 'TIER_1'],
  ['DE', 'DE-BY', 'Munich', 'TIER_1'],
  ['DE', 'DE-HH', '', 'TIER_1'],
  ['FR', '', '', 'TIER_3'],
  ['FR', 'FR-IDF', '', 'TIER_2'],
  ['FR', 'FR-IDF', 'Paris', 'TIER_1'],
  ['FR', 'FR-ARA', 'Lyon', 'TIER_2'],
  ['ES', '', '', 'TIER_3'],
  ['ES', 'ES-MD', 'Madrid', 'TIER_1'],
  ['ES', 'ES-CT', 'Barcelona', 'TIER_1'],
  ['RU', '', '', 'TIER_3'],
  ['RU', 'RU-MOW', '', 'TIER_1'],
  ['RU', 'RU-SPE', '', 'TIER_1'],
  ['RU', 'RU-NVS', '', 'TIER_2'],
  ['HU', '', '', 'TIER_3'],
  ['HU', 'HU-BU', '', 'TIER_1'],
  ['VN', '', '', 'TIER_3'],
  ['VN', 'VN-SG', '', 'TIER_1'],
  ['VN', 'VN-HN', '', 'TIER_1'],
  ['VN', 'VN-DN', '', 'TIER_2'],
];

export const FACTOR_SEEDS: Record<string, string> = {
  TEMPERATURE_COLD: '0.70',
  TEMPERATURE_WARM: '1.00',
  TEMPERATURE_HOT: '1.40',
  EXCLUSIVITY_EXCLUSIVE: '2.00',
  EXCLUSIVITY_SHARED: '1.00',
  VERIFIED: '1.00',
  UNVERIFIED: '0.85',
  FRESHNESS_DAILY_DECAY: '0.05',
  FRESHNESS_FLOOR: '0.40',
};

const TIERS = ['TIER_1', 'TIER_2', 'TIER_3'] as const;

/** Idempotent: rows already present (maybe edited by an operator) are left alone. */
export async function seedReferenceData(db: Db, currency: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const s of SEGMENT_SEEDS) {
      await tx
        .insert(segments)
        .values({ code: s.code, name: s.name, ttlDays: s.ttlDays, attributeSchema: { fields: s.fields } })
        .onConflictDoNothing();
      if (s.subsegments.length) {
        await tx
          .insert(subsegments)
          .values(s.subsegments.map(([code, name]) => ({ segmentCode: s.code, code, name })))
          .onConflictDoNothing();
      }
      await tx
        .insert(priceGrid)
        .values(TIERS.map((geoTier, i) => ({ segmentCode: s.code, subsegment: '', geoTier, baseAmount: s.base[i]!, currency })))
        .onConflictDoNothing();
    }
    // mortgages are worth more than the finance average
    await tx
      .insert(priceGrid)
      .values(TIERS.map((geoTier, i) => ({ segmentCode: 'FINANCE', subsegment: 'MORTGAGE', geoTier, baseAmount: [6000, 4500, 3000][i]!, currency })))
      .onConflictDoNothing();
    await tx
      .insert(geoAreas)
      .values(GEO_SEEDS.map(([country, region, city, tier]) => ({ country, region, city, tier })))
      .onConflictDoNothing();
    await tx
      .insert(priceFactors)
      .values(Object.entries(FACTOR_SEEDS).map(([name, value]) => ({ name, value })))
      .onConflictDoNothing();
    await tx
      .insert(volumeDiscounts)
      .values([
        { minQuantity: 10, discountBps: 500 },
        { minQuantity: 50, discountBps: 1000 },
        { minQuantity: 200, discountBps: 1500 },
      ])
      .onConflictDoNothing();
  });
}
