// A marketplace's worth of LISTED leads made with set-based SQL (INSERT … SELECT … generate_series):
// six segments with their subsegments, fifteen places in eight countries with their geo tiers, kinds,
// temperatures, verification, prices from the segment base, captured_at over 30 days, a few sellers.
// Row widths are realistic (a sealed-contact-sized text, hashes, attributes), so heap scans cost what they would.
import { newId } from '@leadex/core/domain/shared/ids';
import type { RawSql } from './bench-runtime';

const SEGMENTS = `(values
  (0, 'INSURANCE', array['CASCO','OSAGO','LIFE','HEALTH','PROPERTY','TRAVEL'], 2500, '{"vehicleYear":2019,"vehicleMake":"Toyota"}'),
  (1, 'TOURISM', array['TOUR_PACKAGE','HOTEL','FLIGHTS'], 1500, '{"destination":"Antalya","travellers":2}'),
  (2, 'FINANCE', array['LOAN','DEPOSIT','MORTGAGE','CREDIT_CARD'], 3000, '{"amount":500000,"termMonths":36}'),
  (3, 'AUTO_TEST_DRIVE', array[]::text[], 4000, '{"brand":"Hyundai","model":"Tucson"}'),
  (4, 'EDUCATION', array['COURSE','TRAINING'], 1200, '{"subject":"Data science","format":"ONLINE"}'),
  (5, 'SERVICES', array['TAXI','COURIER','INTERNET'], 800, '{"address":"12 Main Street"}')
) as seg(i, code, subs, base, attrs)`;

// tier multiplier on the TIER_1 base: the seed grid's TIER_2 and TIER_3 bases are about 75% and 50%
const PLACES = `(values
  (0,'US','US-NY','New York','TIER_1',1.0), (1,'US','US-CA','Los Angeles','TIER_1',1.0), (2,'US','US-TX','Austin','TIER_2',0.75),
  (3,'US','US-IL','Chicago','TIER_1',1.0), (4,'GB','GB-LND','London','TIER_1',1.0), (5,'GB','GB-MAN','Manchester','TIER_2',0.75),
  (6,'DE','DE-BE','Berlin','TIER_1',1.0), (7,'DE','DE-NW','Cologne','TIER_3',0.5), (8,'FR','FR-IDF','Paris','TIER_1',1.0),
  (9,'FR','FR-ARA','Lyon','TIER_2',0.75), (10,'ES','ES-MD','Madrid','TIER_1',1.0), (11,'RU','RU-MOW','Moscow','TIER_1',1.0),
  (12,'RU','RU-NVS','Novosibirsk','TIER_2',0.75), (13,'HU','HU-BU','Budapest','TIER_1',1.0), (14,'VN','VN-SG','Ho Chi Minh City','TIER_1',1.0)
) as place(i, country, region, city, tier, tier_mult)`;

export const SELLER_QUALITY = [45, 62, 78, 88, 96];

function insertChunkSql(sellers: { orgId: string; batchId: string }[]): string {
  const sellerValues = sellers.map((s, i) => `(${i}, '${s.orgId}', '${s.batchId}')`).join(', ');
  return `
with r as (
  select g, floor(random() * 6)::int as si, floor(random() * 15)::int as pi, floor(random() * ${sellers.length})::int as so,
         -- milliseconds, like the JS dates the API writes (cursors carry the key as an ISO string)
         date_trunc('milliseconds', $3::timestamptz - random() * interval '30 days') as cap, random() as rp, random() as rs, random() as rv, random() as rx, random() as rk, random() as rt, random() as rsub
  from generate_series($1::int, $2::int) as g
)
insert into leads (id, batch_id, seller_org_id, segment, subsegment, country, region, city, geo_tier, kind, temperature, score,
  source_channel, captured_at, exclusivity, max_sales, status, verification, price, currency, attributes, signals, form_fill_seconds,
  preview_name, preview_phone, preview_email, contact_sealed, contact_key_id, phone_hash, email_hash, ip_hash, listed_at, expires_at, created_at)
select
  'lead_' || lpad(to_hex(r.g), 10, '0') || substr(md5(r.g::text), 1, 16),
  seller.batch_id, seller.org_id, seg.code,
  seg.subs[1 + floor(r.rsub * cardinality(seg.subs))::int],
  place.country, place.region, place.city, place.tier,
  (array['QUICK','REGISTRATION','PROMOTIONAL','INTERESTED'])[1 + floor(r.rk * 4)::int],
  case when r.rt < 0.3 then 'COLD' when r.rt < 0.75 then 'WARM' else 'HOT' end,
  floor(r.rs * 101)::int,
  (array['SEO','CONTEXT_ADS','SOCIAL','EMAIL','CPA_NETWORK','OFFLINE_EVENT','COLD_CALL','REFERRAL','OTHER'])[1 + r.g % 9],
  r.cap,
  case when r.rx < 0.3 then 'EXCLUSIVE' else 'SHARED' end,
  case when r.rx < 0.3 then 1 else 3 end,
  'LISTED',
  case when r.rv < 0.7 then 'VERIFIED' else 'UNVERIFIED' end,
  round(seg.base * place.tier_mult
    * case when r.rt < 0.3 then 0.7 when r.rt < 0.75 then 1.0 else 1.4 end
    * case when r.rx < 0.3 then 2.0 else 1.0 end
    * (0.4 + 0.6 * r.rp))::bigint,
  'USD', seg.attrs::jsonb, '[]'::jsonb, 5 + r.g % 300,
  chr(65 + r.g % 26) || '. ' || chr(65 + (r.g / 26) % 26) || '.',
  '+1 ••• ••• ••' || lpad((r.g % 100)::text, 2, '0'),
  case when r.rv < 0.6 then 'm•••@example.org' end,
  repeat(md5(r.g::text), 9), 'dev1',
  md5(r.g::text) || md5((r.g + 1)::text),
  case when r.rv < 0.6 then md5((r.g + 2)::text) || md5((r.g + 3)::text) end,
  md5((r.g % 50000)::text) || md5((r.g % 50000 + 1)::text),
  -- every lead is still on the market: expiry a day past the 30-day spread (the expiry sweep would end older ones)
  r.cap + interval '10 minutes', r.cap + interval '31 days', r.cap + interval '5 minutes'
from r
join ${SEGMENTS} on seg.i = r.si
join ${PLACES} on place.i = r.pi
join (values ${sellerValues}) as seller(i, org_id, batch_id) on seller.i = r.so`;
}

export interface GeneratedMarket {
  sellers: { orgId: string; batchId: string; quality: number }[];
  insertMs: number;
  indexMs: number;
  analyzeMs: number;
  tableSize: string;
}

/**
 * Bulk load the usual way: the secondary indexes are dropped and rebuilt from their own pg_indexes
 * definitions, and FK triggers are off for the insert (session_replication_role = replica; the rows
 * reference sellers and batches made just before). VACUUM ANALYZE then leaves the statistics and the
 * visibility map a long-running table would have.
 */
export async function generateListedLeads(sql: RawSql, count: number, now: Date, log: (line: string) => void): Promise<GeneratedMarket> {
  const sellers = SELLER_QUALITY.map((quality) => ({ orgId: newId('org'), batchId: newId('bat'), quality }));
  for (const s of sellers) {
    await sql.unsafe(`insert into organizations (id, name, kind, quality_score) values ($1, $2, 'SELLER', $3)`, [
      s.orgId,
      `Bench seller q${s.quality}`,
      s.quality,
    ]);
    await sql.unsafe(
      `insert into lead_batches (id, seller_org_id, source, total, accepted, rejected, status, created_at)
      values ($1, $2, 'SEED', 0, 0, 0, 'VERIFIED', $3)`,
      [s.batchId, s.orgId, now.toISOString()],
    );
  }
  const indexes = await sql.unsafe<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes i where tablename = 'leads'
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
  );
  for (const i of indexes) await sql.unsafe(`drop index "${i.indexname}"`);

  await sql.unsafe(`select setseed(0.42)`);
  const insertStart = performance.now();
  const chunk = 100_000;
  const text = insertChunkSql(sellers);
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await sql.begin(async (tx) => {
      await tx.unsafe(`set local session_replication_role = replica`);
      await tx.unsafe(text, [start, end, now.toISOString()]);
    });
    log(`  inserted ${end.toLocaleString('en-US')} / ${count.toLocaleString('en-US')} (${((performance.now() - insertStart) / 1000).toFixed(0)} s)`);
  }
  const insertMs = performance.now() - insertStart;

  const indexStart = performance.now();
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  for (const i of indexes) await sql.unsafe(i.indexdef);
  const indexMs = performance.now() - indexStart;
  log(`  rebuilt ${indexes.length} indexes (${(indexMs / 1000).toFixed(0)} s)`);

  const analyzeStart = performance.now();
  await sql.unsafe(`vacuum (analyze) leads`);
  await sql.unsafe(`analyze organizations`);
  const analyzeMs = performance.now() - analyzeStart;
  const [size] = await sql.unsafe<{ size: string }>(`select pg_size_pretty(pg_total_relation_size('leads')) as size`);
  return { sellers, insertMs, indexMs, analyzeMs, tableSize: size!.size };
}

/**
 * The index changes the bench proposes (see README), applied only to this private database when
 * BENCH_PROPOSED_INDEXES=1, to measure them: drizzle's `.desc()` makes `DESC NULLS LAST` indexes,
 * which cannot serve `ORDER BY … DESC` (NULLS FIRST); `.desc().nullsFirst()` can. The count index
 * lets a segment's count be an index-only scan.
 */
// The indexes this bench first proposed (DESC NULLS FIRST, a segment/expiry index for counts) are in the
// schema now (migration 0007); the switch stays so a future proposal can be measured the same way.
export const PROPOSED_INDEXES: string[] = [];

export async function applyProposedIndexes(sql: RawSql): Promise<number> {
  const start = performance.now();
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  for (const statement of PROPOSED_INDEXES) await sql.unsafe(statement);
  await sql.unsafe(`vacuum (analyze) leads`);
  return performance.now() - start;
}
