// Reads the operator-editable reference data: segments, geo areas, the price grid, factors and volume tiers,
// through the per-process catalog cache (catalog-cache.ts: re-read when the catalog's version moves).
import { schema, type Db } from '@leadex/db';
import { distributionMethodOf } from '../exchange/distribution.rules';
import { marginPolicyOf } from '../exchange/margin.rules';
import type { SegmentDefinition } from '../leads/lead.types';
import { DEFAULT_FACTORS, FACTOR_NAMES, type GridRow, type PriceFactors, type VolumeTier } from '../pricing/pricing.rules';
import { cachedCatalogRead, cachedCatalogReadAt } from './catalog-cache';
import type { GeoArea } from './geo.rules';

const { segments, subsegments, geoAreas, priceGrid, priceFactors, volumeDiscounts } = schema;

export function loadSegments(db: Db): Promise<SegmentDefinition[]> {
  return cachedCatalogRead(db, readSegmentRows);
}

async function readSegmentRows(db: Db): Promise<SegmentDefinition[]> {
  const [segs, subs] = await Promise.all([
    db.select().from(segments).orderBy(segments.code),
    db.select().from(subsegments).orderBy(subsegments.segmentCode, subsegments.code),
  ]);
  return segs.map((s) => ({
    code: s.code,
    name: s.name,
    subsegments: subs.filter((x) => x.segmentCode === s.code).map(({ code, name }) => ({ code, name })),
    attributeSchema: s.attributeSchema as SegmentDefinition['attributeSchema'],
    commissionBps: s.commissionBps,
    returnWindowHours: s.returnWindowHours,
    ttlDays: s.ttlDays,
    failedBatchPolicy: s.failedBatchPolicy as SegmentDefinition['failedBatchPolicy'],
    verificationProvider: s.verificationProvider,
    failureThresholdBps: s.failureThresholdBps,
    requireConsentCertificate: s.requireConsentCertificate,
    distributionMethod: distributionMethodOf(s.distributionMethod),
    margin: marginPolicyOf(s.marginKind, s.marginValue),
  }));
}

export function loadGeoAreas(db: Db): Promise<GeoArea[]> {
  return cachedCatalogRead(db, readGeoAreaRows);
}

function readGeoAreaRows(db: Db): Promise<GeoArea[]> {
  return db.select().from(geoAreas);
}

export interface PricingData {
  grid: GridRow[];
  factors: PriceFactors;
  volumeTiers: VolumeTier[];
}

export function loadPricing(db: Db): Promise<PricingData> {
  return cachedCatalogRead(db, readPricingRows);
}

/** loadPricing inside the transaction `tx`, at the catalog version it read (catalogVersionIn): no round trip when cached. */
export function loadPricingAt(root: Db, tx: Db, version: string): Promise<PricingData> {
  return cachedCatalogReadAt(root, tx, version, readPricingRows);
}

async function readPricingRows(db: Db): Promise<PricingData> {
  const [grid, factorRows, tiers] = await Promise.all([
    db.select().from(priceGrid),
    db.select().from(priceFactors),
    db.select().from(volumeDiscounts).orderBy(volumeDiscounts.minQuantity),
  ]);
  const factors: PriceFactors = { ...DEFAULT_FACTORS };
  for (const row of factorRows) {
    if ((FACTOR_NAMES as readonly string[]).includes(row.name)) factors[row.name as keyof PriceFactors] = Number(row.value);
  }
  return { grid, factors, volumeTiers: tiers };
}

export interface CatalogAtVersion {
  segments: SegmentDefinition[];
  areas: GeoArea[];
  pricing: PricingData;
}

/** Segments, geo areas and pricing at a catalog version the caller already read (cachedCatalogReadAt). */
export async function loadCatalogAt(db: Db, version: string): Promise<CatalogAtVersion> {
  const [segments, areas, pricing] = await Promise.all([
    cachedCatalogReadAt(db, db, version, readSegmentRows),
    cachedCatalogReadAt(db, db, version, readGeoAreaRows),
    cachedCatalogReadAt(db, db, version, readPricingRows),
  ]);
  return { segments, areas, pricing };
}
