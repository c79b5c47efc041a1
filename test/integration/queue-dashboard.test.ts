import { QUEUE } from '@leadex/core/queues/job-payloads';
import { createOperatorUser, signUpAs } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ label: 'board' });
});
afterAll(() => app.close());

it('shows the queue dashboard to operators only', async () => {
  const get = (token?: string) => fetch(`${app.url}/admin/queues/api/queues`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect((await get()).status).toBe(401);
  expect((await get((await signUpAs(app, 'BUYER')).token)).status).toBe(403);
  const res = await get((await createOperatorUser(app)).token);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { queues: { name: string }[] };
  expect(body.queues.map((q) => q.name)).toEqual(expect.arrayContaining(Object.values(QUEUE)));
});
