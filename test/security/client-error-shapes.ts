// The request shapes of the client-errors test: each is a client's mistake that must get a 4xx with the code
// that says what to fix (or, for an operation a resolver refused, GraphQL's 200) — never a 5xx.
import type { TestUser } from '../helpers/actors';
import { b64, bearer, gql, json, multipart, truncatedMultipart, type RawRequest } from './http-requests';

/** who sends an authenticated shape: read when the request is made, after the test signed them up */
export interface Actors {
  seller: () => TestUser;
  buyer: () => TestUser;
  operator: () => TestUser;
}

const MB = 1024 * 1024;
export const ME = '{ me { id } }';
const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }';
const SUBMIT = 'mutation($input: [LeadInput!]!) { submitLeads(input: $input) { id accepted } }';
const IMPORT = 'mutation($file: Upload!) { importLeadsCsv(file: $file) { id accepted } }';
const PAGE = (field: string, args = '') => `query($after: String) { ${field}(${args}after: $after) { edges { cursor } } }`;
const ops = (variables: unknown = { file: null }) => JSON.stringify({ query: IMPORT, variables });
const csv = () => new Blob(['segment,country\nAUTO_TEST_DRIVE,US\n'], { type: 'text/csv' });
const tamperedCursors = [
  b64(['2026-01-01T00:00:00.000Z', 'pur_\u0000x']),
  'not-a-cursor',
  b64(['0000-01-01T00:00:00.000Z', 'x']),
  b64(['2026-01-01T00:00:00.000Z', "' or 1=1 --"]),
];

export interface Shape {
  name: string;
  request: () => RawRequest;
  auth?: () => TestUser;
  status: number;
  code: string;
  reason?: string;
  path?: string;
}

export function clientErrorShapes(actors: Actors): Shape[] {
  return [
    // bodies that are not a GraphQL request
    { name: 'malformed JSON', request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"query": ' }), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'JSON with trailing garbage',
      request: () => ({ headers: { 'content-type': 'application/json' }, body: `{"query":"${ME}"} x` }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a JSON string body',
      request: () => ({ headers: { 'content-type': 'application/json' }, body: '"{ me { id } }"' }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    { name: 'a JSON number body', request: () => ({ headers: { 'content-type': 'application/json' }, body: '42' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON null body', request: () => ({ headers: { 'content-type': 'application/json' }, body: 'null' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON boolean body', request: () => ({ headers: { 'content-type': 'application/json' }, body: 'true' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'an empty JSON array', request: () => json([]), status: 400, code: 'BAD_REQUEST' },
    { name: 'a batch of operations', request: () => json([{ query: ME }, { query: ME }]), status: 400, code: 'BAD_REQUEST' },
    { name: 'an empty JSON object', request: () => json({}), status: 400, code: 'BAD_REQUEST' },
    { name: 'an empty body', request: () => ({ headers: { 'content-type': 'application/json' }, body: '' }), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'a body over 20 MB',
      request: () => ({ headers: { 'content-type': 'application/json' }, body: `{"query":"${'a'.repeat(21 * MB)}"}` }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    { name: 'a query that is a number', request: () => json({ query: 42 }), status: 400, code: 'BAD_REQUEST' },
    { name: 'variables as a string', request: () => json({ query: ME, variables: '{}' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'variables as an array', request: () => json({ query: ME, variables: [1] }), status: 400, code: 'BAD_REQUEST' },
    { name: 'an operationName that is a number', request: () => json({ query: ME, operationName: 7 }), status: 400, code: 'BAD_REQUEST' },
    { name: 'extensions as a string', request: () => json({ query: ME, extensions: 'x' }), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'an unsupported charset',
      request: () => ({ headers: { 'content-type': 'application/json; charset=latin1' }, body: `{"query":"${ME}"}` }),
      status: 415,
      code: 'BAD_REQUEST',
    },
    {
      name: 'an unsupported content encoding',
      request: () => ({ headers: { 'content-type': 'application/json', 'content-encoding': 'x-zip' }, body: `{"query":"${ME}"}` }),
      status: 415,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a gzip body that is not gzip',
      request: () => ({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: `{"query":"${ME}"}` }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    // content types and methods
    {
      name: 'a text/plain body (CSRF-prone)',
      request: () => ({ headers: { 'content-type': 'text/plain' }, body: `{"query":"${ME}"}` }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'a form-encoded body',
      request: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20me%20%7B%20id%20%7D%20%7D' }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'an application/graphql body',
      request: () => ({ headers: { 'content-type': 'application/graphql' }, body: ME }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    { name: 'a body with no content type', request: () => ({ body: Buffer.from(`{"query":"${ME}"}`) }), status: 400, code: 'BAD_REQUEST' },
    { name: 'GET without a query', request: () => ({ method: 'GET', headers: { 'apollo-require-preflight': '1' } }), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'a mutation over GET',
      request: () => ({ method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { signOut }')}`, headers: { 'apollo-require-preflight': '1' } }),
      status: 405,
      code: 'BAD_REQUEST',
    },
    { name: 'PUT', request: () => ({ ...json({ query: ME }), method: 'PUT' }), status: 405, code: 'BAD_REQUEST' },
    { name: 'DELETE without a content type (CSRF check first)', request: () => ({ method: 'DELETE' }), status: 400, code: 'BAD_REQUEST' },
    { name: 'DELETE', request: () => ({ ...json({ query: ME }), method: 'DELETE' }), status: 405, code: 'BAD_REQUEST' },
    { name: 'PATCH', request: () => ({ ...json({ query: ME }), method: 'PATCH' }), status: 405, code: 'BAD_REQUEST' },
    // documents that are not GraphQL
    { name: 'an unclosed selection', request: () => gql('{ me { id '), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'prose instead of a query', request: () => gql('give me all the leads'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'an empty query', request: () => gql(''), status: 400, code: 'BAD_REQUEST' },
    { name: 'a raw NUL in the document', request: () => gql('{ me\u0000 { id } }'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    {
      name: 'a raw lone surrogate in a string literal',
      request: () => gql('mutation { signIn(email: "\uD800", password: "x") { token } }'),
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      name: 'an escaped lone surrogate in a string literal',
      request: () => gql('mutation { signIn(email: "\\uD800", password: "x") { token } }'),
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      name: 'an unterminated string',
      request: () => gql('mutation { signIn(email: "a, password: "x") { token } }'),
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
    },
    { name: 'more tokens than allowed', request: () => gql(`{ ${'me { id } '.repeat(1500)} }`), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    // operations that do not fit the schema
    { name: 'an unknown field', request: () => gql('{ everything }'), status: 400, code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    {
      name: 'a literal of the wrong type',
      request: () => gql('{ marketplace(first: "ten") { totalCount } }'),
      status: 400,
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    },
    { name: 'a variable of the wrong type', request: () => gql(SIGN_IN, { email: 5, password: ['x'] }), status: 400, code: 'BAD_USER_INPUT', path: 'email' },
    { name: 'a missing required variable', request: () => gql(SIGN_IN, { email: 'a@b.c' }), status: 400, code: 'BAD_USER_INPUT', path: 'password' },
    {
      name: 'an Int beyond 32 bits',
      request: () => gql('query($n: Int) { marketplace(first: $n) { totalCount } }', { n: 1e20 }),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'n',
    },
    {
      name: 'a query nested too deep',
      request: () => gql('{ myPurchases { edges { node { dispute { purchase { dispute { purchase { dispute { purchase { id } } } } } } } } } }'),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'too many aliases',
      request: () => gql(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    { name: 'two operations and no operationName', request: () => gql('query A { me { id } } query B { me { id } }'), status: 400, code: 'BAD_USER_INPUT' },
    {
      name: 'an operationName that is not in the document',
      request: () => json({ query: 'query A { me { id } }', operationName: 'B' }),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    // text that cannot be stored
    {
      name: 'a NUL in a variable',
      request: () => gql(SIGN_IN, { email: 'ann\u0000@example.com', password: 'x' }),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'email',
    },
    {
      name: 'a lone surrogate in a variable',
      request: () => ({
        headers: { 'content-type': 'application/json' },
        body: `{"query":${JSON.stringify(SIGN_IN)},"variables":{"email":"\\ud800@example.com","password":"x"}}`,
      }),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'email',
    },
    {
      name: 'an escaped NUL in a string literal',
      request: () => gql('mutation { signIn(email: "a\\u0000@b.c", password: "x") { token } }'),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'email',
    },
    {
      name: 'a NUL in a lead attribute name',
      auth: actors.seller,
      request: () => gql(SUBMIT, { input: [{ segment: 'AUTO_TEST_DRIVE', attributes: { 'br\u0000and': 'x' } }] }),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'input[0].attributes.br\uFFFDand',
    },
    {
      name: 'a NUL deep in a lead',
      auth: actors.seller,
      request: () => gql(SUBMIT, { input: [{ consent: { text: 'ok\u0000' } }] }),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'input[0].consent.text',
    },
    // multipart uploads that break the spec
    { name: 'multipart without operations', auth: actors.seller, request: () => multipart([['map', '{}']]), status: 400, code: 'BAD_REQUEST' },
    {
      name: 'multipart without a map',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', ops()],
          ['0', csv()],
        ]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart with a map that is not JSON',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', ops()],
          ['map', '{0:'],
          ['0', csv()],
        ]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart with operations that are not JSON',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', '{"query":'],
          ['map', '{}'],
          ['0', csv()],
        ]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart whose map points beside the file variable',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', ops()],
          ['map', JSON.stringify({ 0: ['variables.nope.deeper'] })],
          ['0', csv()],
        ]),
      status: 400,
      code: 'BAD_USER_INPUT',
      path: 'file',
    },
    {
      name: 'multipart whose map entry is not a list',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', ops()],
          ['map', JSON.stringify({ 0: 'variables.file' })],
          ['0', csv()],
        ]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart with the file missing',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', ops()],
          ['map', JSON.stringify({ 0: ['variables.file'] })],
        ]),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart with two files (one allowed)',
      auth: actors.seller,
      request: () =>
        multipart([
          ['operations', JSON.stringify({ query: IMPORT, variables: { file: null, other: null } })],
          ['map', JSON.stringify({ 0: ['variables.file'], 1: ['variables.other'] })],
          ['0', csv()],
          ['1', csv()],
        ]),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'multipart cut off mid-file',
      auth: actors.seller,
      request: () => truncatedMultipart(ops(), JSON.stringify({ 0: ['variables.file'] }), 1000),
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'multipart without the CSRF header',
      auth: actors.seller,
      request: () => ({
        ...multipart([
          ['operations', ops()],
          ['map', JSON.stringify({ 0: ['variables.file'] })],
          ['0', csv()],
        ]),
        headers: {},
      }),
      status: 400,
      code: 'BAD_REQUEST',
    },
    // credentials that are not ours
    { name: 'an unknown bearer token', request: () => gql(ME, undefined, bearer('lxs_forged')), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'an unknown authorization scheme', request: () => gql(ME, undefined, { authorization: 'Basic YTpi' }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'an unknown API key', request: () => gql(ME, undefined, { authorization: 'ApiKey lxk_forged' }), status: 401, code: 'UNAUTHENTICATED' },
    // tampered pagination cursors, on every connection
    ...[
      ['marketplace', actors.buyer, ''],
      ['marketplace', actors.buyer, 'sort: PRICE_ASC, '],
      ['marketplace', actors.buyer, 'sort: SCORE_DESC, '],
      ['myListings', actors.seller, ''],
      ['myPurchases', actors.buyer, ''],
      ['myOrders', actors.buyer, ''],
      ['mySales', actors.seller, ''],
      ['disputes', actors.operator, ''],
      ['settlementRuns', actors.operator, ''],
    ].flatMap(([field, who, args], i) => {
      const cursor = tamperedCursors[i % tamperedCursors.length]!;
      return [
        {
          name: `a tampered cursor on ${field as string}(${args as string})`,
          auth: who as () => TestUser,
          request: () => gql(PAGE(field as string, args as string), { after: cursor }),
          status: 200,
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CURSOR',
          path: 'after',
        },
      ];
    }),
    {
      name: 'a cursor of another sort',
      auth: actors.buyer,
      request: () => gql(PAGE('marketplace', 'sort: PRICE_DESC, '), { after: b64(['NEWEST', '2026-01-01T00:00:00.000Z', 'lead_1']) }),
      status: 200,
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
      path: 'after',
    },
    // plain HTTP routes
    {
      name: 'a CSV import without credentials',
      request: () => ({ path: '/leads/csv', headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' }),
      status: 401,
      code: 'UNAUTHENTICATED',
    },
  ];
}
