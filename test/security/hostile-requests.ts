// fast-check arbitraries for the hostile-input test: HTTP requests a careless or malicious client could send.
// Mutations are always built to be refused (at least one field is of a wrong type or holds unstorable
// text), so the test can demand that nothing was written. Read-only operations get anything at all.
import fc from 'fast-check';
import { validLead } from '../fixtures/leads';
import { b64, type RawRequest } from './http-requests';
import {
  unstorableText,
  hugeNumber,
  notAnObject,
  wrong,
  spoilOne,
  LEAD_FIELDS,
  CAMPAIGN,
  CAMPAIGN_FIELDS,
  PING,
  PING_FIELDS,
  anyArg,
  filterArb,
} from './hostile-values';

export type Who = 'anonymous' | 'seller' | 'buyer';
export interface HostileRequest {
  kind: string;
  who: Who;
  request: RawRequest;
  /** a mutation built to be refused: a success means a write slipped through */
  mustRefuse: boolean;
}

const GQL_HEADERS = { 'content-type': 'application/json' };
const body = (query: string, variables?: unknown) => ({ headers: GQL_HEADERS, body: JSON.stringify({ query, variables }) });

export const MUTATIONS = {
  submitLeads: 'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id accepted rejected } }',
  createOrder: 'mutation($input: CreateOrderInput!, $key: String) { createOrder(input: $input, idempotencyKey: $key) { id } }',
  openDispute: 'mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id } }',
  signIn: 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
  setWebhookEndpoint: 'mutation($url: String!) { setWebhookEndpoint(url: $url) { id } }',
  createCampaign: 'mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }',
  ping: 'mutation($input: PingInput!) { ping(input: $input) { id } }',
  topUpWallet: 'mutation($amount: Decimal!) { topUpWallet(amount: $amount) { url } }',
};
const QUERIES = {
  marketplace:
    'query($filter: LeadFilter, $sort: LeadSort, $first: Int, $after: String) { marketplace(filter: $filter, sort: $sort, first: $first, after: $after) { totalCount edges { cursor node { id price { amount } } } } }',
  cplCalculator:
    'query($clicks: Int!, $cpc: Decimal!, $leads: Int!) { cplCalculator(clicks: $clicks, costPerClick: $cpc, leads: $leads) { budget { amount } costPerLead { amount } conversionRate } }',
  lead: 'query($id: ID!) { lead(id: $id) { id } }',
  order: 'query($id: ID!) { order(id: $id) { id } }',
};
const CONNECTIONS = ['marketplace', 'myListings', 'myPurchases', 'myOrders', 'mySales', 'disputes', 'settlementRuns'];

const refused = (kind: string, query: string, variables: fc.Arbitrary<unknown>) => variables.map((v) => ({ kind, request: body(query, v), mustRefuse: true }));
const readOnly = (kind: string, query: string, variables: fc.Arbitrary<unknown>) =>
  variables.map((v) => ({ kind, request: body(query, v), mustRefuse: false }));

const wrongTypes = fc.oneof(
  refused(
    'submitLeads',
    MUTATIONS.submitLeads,
    fc.array(spoilOne(validLead(), LEAD_FIELDS), { minLength: 1, maxLength: 3 }).map((input) => ({ input })),
  ),
  refused(
    'submitLeads',
    MUTATIONS.submitLeads,
    fc.oneof(notAnObject, fc.constant(null)).map((input) => ({ input })),
  ),
  refused(
    'createOrder',
    MUTATIONS.createOrder,
    fc.record({
      input: fc.oneof(fc.record({ leadIds: wrong.list, quantity: wrong.int }), fc.record({ matching: filterArb, quantity: anyArg }), notAnObject),
      key: fc.option(unstorableText),
    }),
  ),
  refused(
    'openDispute',
    MUTATIONS.openDispute,
    spoilOne({ purchaseId: 'pur_01hostile', reason: 'FAKE', evidence: 'none' }, { purchaseId: 'id', reason: 'enum', evidence: 'string' }).map((input) => ({
      input,
    })),
  ),
  refused(
    'setWebhookEndpoint',
    MUTATIONS.setWebhookEndpoint,
    fc
      .oneof(
        wrong.string,
        fc.string().filter((s) => !s.includes('://')),
      )
      .map((url) => ({ url })),
  ),
  refused(
    'createCampaign',
    MUTATIONS.createCampaign,
    spoilOne(CAMPAIGN, CAMPAIGN_FIELDS).map((input) => ({ input })),
  ),
  refused(
    'ping',
    MUTATIONS.ping,
    spoilOne(PING, PING_FIELDS).map((input) => ({ input })),
  ),
  refused(
    'topUpWallet',
    MUTATIONS.topUpWallet,
    wrong.decimal.map((amount) => ({ amount })),
  ),
  readOnly('marketplace', QUERIES.marketplace, fc.record({ filter: filterArb, sort: anyArg, first: anyArg }, { requiredKeys: [] })),
  readOnly(
    'cplCalculator',
    QUERIES.cplCalculator,
    fc.record({ clicks: fc.oneof(fc.integer(), hugeNumber, anyArg), cpc: anyArg, leads: fc.oneof(fc.integer(), hugeNumber, anyArg) }),
  ),
  readOnly(
    'lead',
    QUERIES.lead,
    anyArg.map((id) => ({ id })),
  ),
  readOnly(
    'order',
    QUERIES.order,
    anyArg.map((id) => ({ id })),
  ),
);

// sign-in is deliberately slow (password hashing): a few hundred attempts are enough
export const signInAttempts = refused(
  'signIn',
  MUTATIONS.signIn,
  fc.record({ email: fc.oneof(fc.emailAddress(), wrong.string), password: fc.oneof(fc.string(), wrong.string) }),
);

const cursorText = fc.oneof(
  fc.string(),
  unstorableText,
  fc.jsonValue({ maxDepth: 2 }).map(b64),
  fc
    .tuple(
      fc.oneof(
        fc.string(),
        fc.constantFrom('0000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00.000Z', 'NEWEST', 'PRICE_ASC', 'SCORE_DESC'),
      ),
      anyArg,
      anyArg,
    )
    .map(b64),
  fc
    .tuple(
      fc.constantFrom('NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'SCORE_DESC'),
      fc.oneof(hugeNumber, fc.string(), fc.constant('2026-01-01T00:00:00.000Z')),
      fc.oneof(fc.string(), unstorableText),
    )
    .map(b64),
);
const badCursors = fc
  .tuple(fc.constantFrom(...CONNECTIONS), fc.constantFrom('', 'sort: PRICE_ASC, ', 'sort: SCORE_DESC, ', 'sort: PRICE_DESC, '), cursorText)
  .map(([field, sort, after]) => ({
    kind: 'cursor',
    request: body(`query($after: String) { ${field}(${field === 'marketplace' ? sort : ''}after: $after) { edges { cursor } } }`, { after }),
    mustRefuse: false,
  }));

const VALID_DOCS = [
  ...Object.values(QUERIES),
  ...Object.values(MUTATIONS).filter((d) => !d.includes('signIn')),
  '{ me { id email organization { id name } } }',
  '{ segments { code name subsegments { code } } }',
];
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ':',
  '$',
  '!',
  '[',
  ']',
  '...',
  '=',
  '@include(if: true)',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'Lead',
  'me',
  'id',
  'marketplace',
  'first',
  'after',
  '"x"',
  '"""block"""',
  '"\\u0000"',
  '1',
  '-1e999',
  'true',
  'null',
  '__typename',
  '__schema',
  '__type(name: "Lead")',
  'edges',
  'node',
  'segments',
  'query Q',
  '#',
];
const mutatedDoc = fc
  .tuple(
    fc.constantFrom(...VALID_DOCS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 4 }),
  )
  .map(([doc, edits]) => edits.reduce((d, [at, cut, insert]) => d.slice(0, at % (d.length + 1)) + insert + d.slice((at % (d.length + 1)) + cut), doc));
const randomDocuments = fc
  .oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' ')),
    mutatedDoc,
  )
  .map((query) => ({ kind: 'document', request: body(query), mustRefuse: false }));

const validJsonText = JSON.stringify({ query: QUERIES.marketplace, variables: { first: 5 } });
const malformedJson = fc
  .oneof(
    fc.nat({ max: validJsonText.length - 1 }).map((n) => validJsonText.slice(0, n)),
    fc
      .tuple(fc.nat({ max: validJsonText.length }), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([n, s]) => validJsonText.slice(0, n) + s + validJsonText.slice(n)),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ maxLength: 50 }).map((s) => `{"query": ${s}`),
  )
  .map((text) => ({ kind: 'malformed-json', request: { headers: GQL_HEADERS, body: text }, mustRefuse: false }));

const nonObjectBodies = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.record({ query: fc.constant('{ me { id } }') }), { maxLength: 3 })).map((v) => ({
  kind: 'non-object-json',
  request: { headers: GQL_HEADERS, body: JSON.stringify(v) ?? 'null' },
  mustRefuse: false,
}));

const methodsAndTypes = fc
  .tuple(
    fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST'),
    fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/graphql',
      'application/xml',
      'application/json; charset=utf-16',
      'multipart/form-data',
      'application/json',
    ),
    fc.constantFrom(
      '',
      '?query=%7B%20me%20%7B%20id%20%7D%20%7D',
      '?query=mutation%20%7B%20signOut%20%7D',
      '?query=%7B&variables=%7B',
      `?query=${encodeURIComponent(QUERIES.lead)}&variables=${encodeURIComponent('{"id":"a\\u0000"}')}`,
    ),
    fc.string({ maxLength: 100 }),
  )
  .map(([method, type, search, text]) => ({
    kind: 'method-or-type',
    request: {
      method,
      path: `/graphql${search}`,
      headers: { 'content-type': type, ...(method === 'GET' ? { 'apollo-require-preflight': '1' } : {}) },
      body: method === 'GET' ? undefined : text,
    },
    mustRefuse: false,
  }));

const IMPORT = 'mutation($file: Upload!) { importLeadsCsv(file: $file) { id accepted } }';
const multipartShapes = fc
  .record({
    operations: fc.oneof(
      fc.constant(JSON.stringify({ query: IMPORT, variables: { file: null } })),
      fc.string({ maxLength: 40 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    ),
    map: fc.oneof(
      fc.constant(JSON.stringify({ 0: ['variables.file'] })),
      fc.string({ maxLength: 40 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    ),
    // one line only: at most a header, never a lead row, so nothing can be accepted
    file: fc.string({ maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    leave: fc.constantFrom('nothing', 'operations', 'map', 'file'),
    cutAt: fc.option(fc.nat({ max: 600 }), { nil: null }),
  })
  .map(({ operations, map, file, leave, cutAt }) => {
    const boundary = 'hostileboundary7';
    const part = (name: string, value: string, filename?: string) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\ncontent-type: text/csv` : ''}\r\n\r\n${value}\r\n`;
    const parts = [
      leave !== 'operations' ? part('operations', operations) : '',
      leave !== 'map' ? part('map', map) : '',
      leave !== 'file' ? part('0', file, 'leads.csv') : '',
    ];
    const whole = Buffer.from(`${parts.join('')}--${boundary}--\r\n`);
    return {
      kind: cutAt == null ? 'multipart' : 'multipart-truncated',
      request: {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'apollo-require-preflight': 'true' },
        body: cutAt == null ? whole : whole.subarray(0, cutAt),
      },
      mustRefuse: true,
    };
  });

// the plain HTTP routes: CSV import (one line: a header at most, never a lead), CSV export, Stripe webhooks, odd paths
const restRequests = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), unstorableText),
      fc.constantFrom('text/csv', 'application/json', 'text/plain', 'application/octet-stream'),
    )
    .map(([text, type]) => ({
      kind: 'rest-csv-import',
      request: { path: '/leads/csv', headers: { 'content-type': type }, body: text.replace(/[\r\n]/g, ' ') },
      mustRefuse: true,
    })),
  fc.string({ maxLength: 60 }).map((q) => ({
    kind: 'rest-csv-export',
    request: { method: 'GET', path: `/purchases/csv?${encodeURIComponent(q)}=${encodeURIComponent(q)}` },
    mustRefuse: false,
  })),
  fc
    .tuple(
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? ''),
      ),
      fc.string({ maxLength: 80 }),
    )
    .map(([text, signature]) => ({
      kind: 'rest-stripe-webhook',
      request: {
        path: '/webhooks/stripe',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature.replace(/[^\x20-\x7e]/g, '') },
        body: text,
      },
      mustRefuse: true,
    })),
  fc
    .constantFrom(
      '/%',
      '/%00',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/%E0%A4%A',
      '/leads/csv-template?x=%ff',
      '/graphql/..',
      '/admin/queues/%00',
      '/readyz?%',
      '/metrics/../healthz',
    )
    .map((path) => ({ kind: 'rest-odd-path', request: { method: 'GET', path }, mustRefuse: false })),
);

/** The whole campaign: `count` requests per kind of mistake, each sent by a random one of the actors. */
export function hostileRequests(seed: number, scale = 1): HostileRequest[] {
  const who = fc.constantFrom<Who>('anonymous', 'seller', 'buyer');
  const plan: [fc.Arbitrary<Omit<HostileRequest, 'who'>>, number][] = [
    [wrongTypes, 2100],
    [signInAttempts, 150],
    [badCursors, 600],
    [randomDocuments, 1100],
    [malformedJson, 500],
    [nonObjectBodies, 250],
    [methodsAndTypes, 200],
    [multipartShapes, 250],
    [restRequests, 250],
  ];
  return plan.flatMap(([arb, n], i) =>
    fc.sample(
      fc.tuple(arb, who).map(([r, w]) => ({ ...r, who: w })),
      { numRuns: Math.ceil(n * scale), seed: seed + i },
    ),
  );
}
