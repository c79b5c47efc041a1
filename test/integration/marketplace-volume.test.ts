// The buyer's working views (issue 15): capped counts and page offsets, the held/bought marks between two buyers,
// the lead drawer's seller record and price breakdown, geo pickers, purchase search and bulk outcomes.
import { eq, schema } from '@leadex/db';
import type { Actor } from '@leadex/core/domain/auth/access';
import { createOrder } from '@leadex/core/domain/orders/create-order';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { errorOf } from '../helpers/graphql-errors';
import { buyThroughStripe, createSellerActor, listLeads } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

const MARKET = /* GraphQL */ `
  query Market($first: Int, $after: String, $offset: Int, $filter: LeadFilter, $sort: LeadSort) {
    marketplace(first: $first, after: $after, offset: $offset, filter: $filter, sort: $sort) {
      totalCount
      totalCountCapped {
        count
        capped
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        node {
          id
          myStanding
          consentSummary {
            recorded
            certified
            certificateVerified
          }
          price {
            amount
            currencyCode
          }
          sellerRecord {
            sales
            disputes
            upheld
            disputeRate
            upheldRate
          }
          priceBreakdown {
            base {
              amount
            }
            askingPrice
            factors {
              name
              basis
              multiplier
            }
            computed {
              amount
            }
          }
        }
      }
    }
  }
`;
const PURCHASES = /* GraphQL */ `
  query Purchases($filter: PurchaseFilter, $sort: PurchaseSort, $first: Int, $after: String) {
    myPurchases(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          outcome
          outcomeReason
          price {
            amount
          }
          lead {
            id
            segment
          }
        }
      }
    }
  }
`;
const BULK = /* GraphQL */ `
  mutation Bulk($ids: [ID!]!, $outcome: LeadOutcome!, $reason: String) {
    updateLeadOutcomes(purchaseIds: $ids, outcome: $outcome, reason: $reason) {
      id
      outcome
      outcomeReason
    }
  }
`;
const REGIONS = /* GraphQL */ `
  query Regions($country: String!) {
    geoRegions(country: $country) {
      code
      name
    }
    geoCountries
  }
`;

type MarketNode = {
  id: string;
  myStanding: string;
  price: { amount: string };
  sellerRecord: { sales: number; disputes: number; upheld: number; disputeRate: number; upheldRate: number };
  priceBreakdown: { base: { amount: string } | null; askingPrice: boolean; factors: { name: string; multiplier: number }[]; computed: { amount: string } };
};
type Market = {
  marketplace: {
    totalCount: number;
    totalCountCapped: { count: number; capped: boolean };
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { node: MarketNode }[];
  };
};
type Purchases = { myPurchases: { totalCount: number; edges: { node: { id: string; outcome: string; price: { amount: string }; lead: { id: string } } }[] } };

let app: TestApp;
let buyer: TestUser;
let otherBuyer: TestUser;
let leadIds: string[];
let purchaseIds: string[];
const actorOf = (u: TestUser): Actor => ({ userId: u.userId, organizationId: u.organizationId, role: 'BUYER', via: 'session' });
const market = (user: TestUser, vars: Record<string, unknown> = {}) => app.client(user).request<Market>(MARKET, { first: 50, ...vars });

beforeAll(async () => {
  app = await startTestApp({ label: 'market-volume', stripe: true });
  const seller = await createSellerActor(app);
  [buyer, otherBuyer] = await Promise.all([signUpAs(app, 'BUYER'), signUpAs(app, 'BUYER', 'other')]);
  leadIds = await listLeads(app, seller, [
    validLead({ fullName: 'Zoe Quartz', phone: '+14155550101', maxSales: 3 }),
    validLead({ fullName: 'Yann Basalt', maxSales: 3 }),
    validLead({ fullName: 'Xena Marble', maxSales: 3, temperature: 'COLD' }),
    validLead({ maxSales: 3 }),
  ]);
  // the buyer owns the first two leads and holds the third in an unpaid order
  const bought = await buyThroughStripe(app, actorOf(buyer), leadIds.slice(0, 2));
  purchaseIds = bought.purchases.map((p) => p.id);
  await createOrder(app.runtime.deps, actorOf(buyer), { leadIds: [leadIds[2]!] });
}, 120_000);

afterAll(() => app.close());

describe('marketplace marks and counts', () => {
  it('marks the leads a buyer holds or bought, and only for that buyer', async () => {
    const mine = new Map((await market(buyer)).marketplace.edges.map((e) => [e.node.id, e.node.myStanding]));
    expect([mine.get(leadIds[0]!), mine.get(leadIds[1]!), mine.get(leadIds[2]!), mine.get(leadIds[3]!)]).toEqual(['BOUGHT', 'BOUGHT', 'HELD', 'NONE']);
    const theirs = (await market(otherBuyer)).marketplace.edges.map((e) => e.node.myStanding);
    expect(new Set(theirs)).toEqual(new Set(['NONE']));
  });

  it('counts matches exactly below the cap, with totalCount unchanged', async () => {
    const m = (await market(buyer)).marketplace;
    expect(m.totalCountCapped).toEqual({ count: m.totalCount, capped: false });
    expect(m.totalCount).toBe(4);
  });

  it('pages by offset the same as by cursor, and refuses bad offsets', async () => {
    const first = (await market(buyer, { first: 2 })).marketplace;
    const byCursor = (await market(buyer, { first: 2, after: first.pageInfo.endCursor })).marketplace;
    const byOffset = (await market(buyer, { first: 2, offset: 2 })).marketplace;
    expect(byOffset.edges.map((e) => e.node.id)).toEqual(byCursor.edges.map((e) => e.node.id));
    expect(byOffset.pageInfo.hasPreviousPage).toBe(true);
    for (const vars of [{ offset: -1 }, { offset: 10_001 }, { offset: 2, after: first.pageInfo.endCursor }]) {
      const err = await errorOf(market(buyer, vars));
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(err.extensions?.fields)).toContain('offset');
    }
  });

  it("shows the seller's record in the segment and the price breakdown", async () => {
    const node = (await market(otherBuyer)).marketplace.edges.find((e) => e.node.id === leadIds[3])!.node;
    expect(node.sellerRecord).toEqual({ sales: 2, disputes: 0, upheld: 0, disputeRate: 0, upheldRate: 0 });
    expect(node.priceBreakdown.askingPrice).toBe(false);
    expect(node.priceBreakdown.base).not.toBeNull();
    expect(node.priceBreakdown.factors.map((f) => f.name)).toEqual(['TEMPERATURE', 'EXCLUSIVITY', 'VERIFICATION', 'FRESHNESS', 'SELLER_CONVERSION']);
    expect(node.priceBreakdown.computed.amount).toBe(node.price.amount);
    expect((node as unknown as { consentSummary: unknown }).consentSummary).toEqual({ recorded: true, certified: false, certificateVerified: false });
  });
});

describe('bulk-buy estimate', () => {
  const ESTIMATE = /* GraphQL */ `
    query Estimate($matching: LeadFilter, $quantity: Int!) {
      matchingOrderEstimate(matching: $matching, quantity: $quantity) {
        available
        subtotal {
          amount
        }
        discountBps
        total {
          amount
        }
      }
    }
  `;
  type Estimate = { matchingOrderEstimate: { available: number; subtotal: { amount: string }; discountBps: number; total: { amount: string } } };

  it('prices what an order of N matching leads would take, leaving out what the buyer holds or bought', async () => {
    const all = (await market(otherBuyer)).marketplace.edges.map((e) => Number(e.node.price.amount)).sort((a, b) => a - b);
    const theirs = await app.client(otherBuyer).request<Estimate>(ESTIMATE, { matching: {}, quantity: 2 });
    expect(theirs.matchingOrderEstimate.available).toBe(2);
    expect(Number(theirs.matchingOrderEstimate.total.amount)).toBeCloseTo(all[0]! + all[1]!, 2);
    // the first buyer holds or owns three of the four leads
    const mine = await app.client(buyer).request<Estimate>(ESTIMATE, { matching: {}, quantity: 5 });
    expect(mine.matchingOrderEstimate.available).toBe(1);
    const none = await app.client(buyer).request<Estimate>(ESTIMATE, { matching: { segments: ['FINANCE'] }, quantity: 1 });
    expect(none.matchingOrderEstimate).toMatchObject({ available: 0, total: { amount: '0.00' } });
  });

  it('refuses a bad quantity or filter with the field named', async () => {
    const zero = await errorOf(app.client(buyer).request(ESTIMATE, { matching: {}, quantity: 0 }));
    const price = await errorOf(app.client(buyer).request(ESTIMATE, { matching: { minPrice: 'cheap' }, quantity: 1 }));
    expect([zero.extensions?.code, price.extensions?.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(JSON.stringify(price.extensions?.fields)).toContain('matching.minPrice');
  });
});

describe('geo pickers', () => {
  it('names the regions of a country and lists the catalog countries', async () => {
    const res = await app.client(buyer).request<{ geoRegions: { code: string; name: string }[]; geoCountries: string[] }>(REGIONS, { country: 'us' });
    expect(res.geoRegions).toContainEqual({ code: 'US-CA', name: 'California' });
    expect(res.geoCountries).toEqual(expect.arrayContaining(['US', 'GB', 'DE']));
  });

  it('refuses a country that is not a two-letter code', async () => {
    const err = await errorOf(app.client(buyer).request(REGIONS, { country: 'USA' }));
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.fields).toEqual([expect.objectContaining({ path: 'country' })]);
  });
});

describe('purchases: search, filter, sort', () => {
  const purchases = (vars: Record<string, unknown>, user = buyer) => app.client(user).request<Purchases>(PURCHASES, vars);

  it('finds a purchase by part of the name, the e-mail or phone digits', async () => {
    for (const search of ['quartz', 'ZOE Q', '(415) 555-0101']) {
      const res = await purchases({ filter: { search } });
      expect(res.myPurchases.edges.map((e) => e.node.lead.id)).toEqual([leadIds[0]]);
      expect(res.myPurchases.totalCount).toBe(1);
    }
    expect((await purchases({ filter: { search: 'nobody' } })).myPurchases.totalCount).toBe(0);
    // the other buyer does not find the first buyer's contacts
    expect((await purchases({ filter: { search: 'quartz' } }, otherBuyer)).myPurchases.totalCount).toBe(0);
  });

  it('filters by segment and date and sorts by price', async () => {
    expect((await purchases({ filter: { segments: ['auto_test_drive'] } })).myPurchases.totalCount).toBe(2);
    expect((await purchases({ filter: { segments: ['FINANCE'] } })).myPurchases.totalCount).toBe(0);
    expect((await purchases({ filter: { purchasedBefore: '2020-01-01T00:00:00Z' } })).myPurchases.totalCount).toBe(0);
    const asc = (await purchases({ sort: 'PRICE_ASC', first: 1 })).myPurchases;
    const rest = (await purchases({ sort: 'PRICE_ASC', first: 1, after: (asc as unknown as { pageInfo: { endCursor: string } }).pageInfo.endCursor }))
      .myPurchases;
    expect(Number(asc.edges[0]!.node.price.amount)).toBeLessThanOrEqual(Number(rest.edges[0]!.node.price.amount));
    expect(new Set([asc.edges[0]!.node.id, rest.edges[0]!.node.id])).toEqual(new Set(purchaseIds));
  });

  it('refuses bad filters and a cursor of another sort', async () => {
    const first = (await purchases({ sort: 'NEWEST', first: 1 })) as unknown as { myPurchases: { pageInfo: { endCursor: string } } };
    for (const vars of [
      { filter: { purchasedFrom: '2026-12-02T00:00:00Z', purchasedBefore: '2026-12-01T00:00:00Z' } },
      { filter: { search: 'x'.repeat(101) } },
      { sort: 'PRICE_ASC', after: first.myPurchases.pageInfo.endCursor },
    ]) {
      expect((await errorOf(purchases(vars))).extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('bulk outcome update', () => {
  const bulk = (vars: Record<string, unknown>, user = buyer) => app.client(user).request<{ updateLeadOutcomes: { id: string; outcome: string }[] }>(BULK, vars);
  const outcomes = async () =>
    (await app.runtime.deps.db.select().from(schema.purchases).where(eq(schema.purchases.buyerOrgId, buyer.organizationId))).map((p) => p.outcome).sort();

  it('sets one outcome on every chosen purchase', async () => {
    const res = await bulk({ ids: purchaseIds, outcome: 'CONTACTED' });
    expect(res.updateLeadOutcomes.map((p) => p.outcome)).toEqual(['CONTACTED', 'CONTACTED']);
    expect(await outcomes()).toEqual(['CONTACTED', 'CONTACTED']);
    expect((await app.client(buyer).request<Purchases>(PURCHASES, { filter: { outcomes: ['CONTACTED'] } })).myPurchases.totalCount).toBe(2);
  });

  it('changes nothing when one id is not the buyer’s', async () => {
    const err = await errorOf(bulk({ ids: [...purchaseIds, 'pur_notmine'], outcome: 'QUALIFIED' }));
    expect(err.extensions?.code).toBe('NOT_FOUND');
    expect(await outcomes()).toEqual(['CONTACTED', 'CONTACTED']);
    expect((await errorOf(bulk({ ids: purchaseIds, outcome: 'QUALIFIED' }, otherBuyer))).extensions?.code).toBe('NOT_FOUND');
    expect(await outcomes()).toEqual(['CONTACTED', 'CONTACTED']);
  });

  it('refuses an empty list, more than 100 ids and LOST without a reason', async () => {
    const empty = await errorOf(bulk({ ids: [], outcome: 'CONTACTED' }));
    const tooMany = await errorOf(bulk({ ids: Array.from({ length: 101 }, (_, i) => `pur_${i}`), outcome: 'CONTACTED' }));
    const lost = await errorOf(bulk({ ids: purchaseIds, outcome: 'LOST' }));
    expect([empty, tooMany, lost].map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(JSON.stringify(lost.extensions?.fields)).toContain('reason');
    expect((await bulk({ ids: purchaseIds, outcome: 'LOST', reason: 'no budget' })).updateLeadOutcomes).toHaveLength(2);
  });
});
