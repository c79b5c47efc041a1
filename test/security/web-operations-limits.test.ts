// Every GraphQL operation the web app sends passes the API's query limits (depth, aliases, cost): a page whose
// query is one level too deep is refused before any resolver runs, and no web unit test (they answer with
// fixtures) would notice. The documents are read from the web app's generated file and sent to the real API.
import { print, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { gql, sendRaw } from './http-requests';

const GENERATED = fileURLToPath(new URL('../../web/src/gql/graphql.ts', import.meta.url));

function webOperations(): [string, string][] {
  const source = readFileSync(GENERATED, 'utf8');
  const found = [...source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)];
  return found.map((m) => [m[1]!, print(JSON.parse(m[2]!) as DocumentNode)]);
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'web-operations-limits' });
});
afterAll(() => app.close());

const operations = webOperations();

it('finds the web app’s operations', () => {
  expect(operations.length).toBeGreaterThan(50);
});

it.each(operations)('%s is within the query limits', async (_name, query) => {
  // no variables and no session: the answer may be about them (BAD_USER_INPUT on a variable, UNAUTHENTICATED),
  // never a refused document
  const answer = await sendRaw(app.url, gql(query, {}));
  expect(answer.reasons).not.toContain('GRAPHQL_VALIDATION_FAILED');
  expect(answer.codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
  expect(answer.codes).not.toContain('INTERNAL_SERVER_ERROR');
});
