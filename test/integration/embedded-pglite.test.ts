// Smoke test of the embedded default: no DATABASE_URL → PGlite in a data folder, migrated and seeded at start.
import { createHttpApp } from '@leadex/api';
import { createRuntime, loadConfig, runSpotCheck, type Runtime } from '@leadex/core';
import { GraphQLClient } from 'graphql-request';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { validLead } from '../fixtures/leads';
import { MARKETPLACE, SIGN_UP, SUBMIT_LEADS } from '../helpers/operations';
import { REDIS_URL } from '../helpers/test-env';

let dataDir: string;
let runtime: Runtime;
let server: Server;
let url: string;
let stopApollo: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadex-pglite-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, REDIS_URL, LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { logger: pino({ level: 'silent' }), queuePrefix: `t-pglite-${Date.now()}` });
  const { app, apollo } = await createHttpApp(runtime);
  stopApollo = () => apollo.stop();
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await stopApollo();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('runs the product on embedded PGlite: sign up, list, verify, browse', async () => {
  expect(runtime.dbHandle.kind).toBe('pglite');
  const up = (role: string) =>
    new GraphQLClient(url).request<{ signUp: { token: string } }>(SIGN_UP, {
      input: { email: `${role}-${Date.now()}@example.com`, password: 'correct horse battery staple', name: role, organizationName: role, role },
    });
  const seller = new GraphQLClient(url, { headers: { authorization: `Bearer ${(await up('SELLER')).signUp.token}` } });
  const buyer = new GraphQLClient(url, { headers: { authorization: `Bearer ${(await up('BUYER')).signUp.token}` } });

  const { submitLeads } = await seller.request<{ submitLeads: { id: string; accepted: number } }>(SUBMIT_LEADS, {
    input: [validLead(), validLead(), validLead({ phone: 'nope', email: null })],
  });
  expect(submitLeads.accepted).toBe(2);
  // the spot-check verdict, through the same domain function the worker runs
  expect(await runSpotCheck(runtime.deps, submitLeads.id)).toMatchObject({ passed: true, listed: 2 });
  expect(await runSpotCheck(runtime.deps, submitLeads.id)).toBeNull();

  const { marketplace } = await buyer.request<{ marketplace: { totalCount: number; edges: { node: { contact: unknown; verification: string } }[] } }>(
    MARKETPLACE,
    { first: 10 },
  );
  expect(marketplace.totalCount).toBe(2);
  expect(marketplace.edges.every((e) => e.node.contact === null && e.node.verification === 'VERIFIED')).toBe(true);
});
