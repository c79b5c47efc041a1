// Many active campaigns with funded wallets, made with set-based SQL, for bench/pingpost.
import type { RawSql } from './bench-runtime';

const SEGMENTS = ['INSURANCE', 'TOURISM', 'FINANCE', 'AUTO_TEST_DRIVE', 'EDUCATION', 'SERVICES'];
const CITIES = [
  'New York',
  'Los Angeles',
  'Austin',
  'Chicago',
  'London',
  'Manchester',
  'Berlin',
  'Cologne',
  'Paris',
  'Lyon',
  'Madrid',
  'Moscow',
  'Novosibirsk',
  'Budapest',
  'Ho Chi Minh City',
];

/** `count` campaigns over `buyers` buyers (each with 1,000,000.00 in the wallet), half exclusive, half shared. */
export async function generateCampaigns(sql: RawSql, count: number, buyers: number): Promise<void> {
  await sql.unsafe(
    `insert into organizations (id, name, kind) select 'org_cb' || i, 'bench campaign buyer ' || i, 'BUYER' from generate_series(1, ${buyers}) i`,
  );
  // a funded wallet: one balanced top-up entry per buyer
  await sql.unsafe(
    `insert into ledger_transactions (id, event_key, kind, occurred_at) select 'jrn_cb' || i, 'bench-top-up:' || i, 'TOP_UP', now() from generate_series(1, ${buyers}) i`,
  );
  await sql.unsafe(`insert into ledger_postings (id, transaction_id, account, amount, currency)
    select 'pst_cb' || i || s, 'jrn_cb' || i, case when s = 1 then 'platform:stripe_balance' else 'buyer:org_cb' || i || ':wallet' end,
           case when s = 1 then 100000000 else -100000000 end, 'USD'
    from generate_series(1, ${buyers}) i cross join generate_series(1, 2) s`);
  await sql.unsafe(
    `insert into wallet_top_ups (id, buyer_org_id, amount, currency, status, paid_at) select 'top_cb' || i, 'org_cb' || i, 100000000, 'USD', 'PAID', now() from generate_series(1, ${buyers}) i`,
  );
  const segs = `array[${SEGMENTS.map((s) => `'${s}'`).join(',')}]`;
  const cities = `array[${CITIES.map((c) => `'${c}'`).join(',')}]`;
  // filters: a segment each, often a city, sometimes a minimum seller quality; bids around the grid prices
  await sql.unsafe(`
    insert into campaigns (id, buyer_org_id, name, filter, max_bid, exclusivity, daily_cap, budget, spent, schedule, time_zone, active, currency)
    select 'cmp_b' || i, 'org_cb' || (1 + i % ${buyers}), 'bench campaign ' || i,
      jsonb_strip_nulls(jsonb_build_object(
        'segments', jsonb_build_array((${segs})[1 + i % 6]),
        'cities', case when i % 3 = 0 then null else jsonb_build_array((${cities})[1 + (i / 7) % 15]) end,
        'minSellerQuality', case when i % 5 = 0 then 60 else null end)),
      1000 + (i * 7919) % 9000, case when i % 2 = 0 then 'EXCLUSIVE' else 'SHARED' end,
      case when i % 4 = 0 then 50 else null end, case when i % 3 = 0 then 10000000 else null end, 0, '[]'::jsonb, 'UTC', true, 'USD'
    from generate_series(1, ${count}) i`);
  await sql.unsafe(`analyze campaigns`);
}

export const PING_SHAPES = SEGMENTS.flatMap((segment, i) => [0, 4, 8].map((c) => ({ segment, city: CITIES[(i + c) % CITIES.length]! })));
