import { eq, schema } from '@leadex/db';
import { signUpAs, type TestUser } from '../helpers/actors';
import { CREATE_API_KEY } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'csv' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

const captured = new Date(Date.now() - 2 * 3_600_000).toISOString();
const header =
  'segment,subsegment,country,region,city,full_name,phone,email,kind,temperature,source_channel,captured_at,consent_text,consent_timestamp,exclusivity,max_sales,asking_price,attr.brand,attr.model,attr.vehicleYear';
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    segment: 'AUTO_TEST_DRIVE',
    subsegment: '',
    country: 'US',
    region: 'US-CA',
    city: 'Los Angeles',
    full_name: 'Ana Silva',
    phone: `+1415${Math.floor(2_000_000 + Math.random() * 7_000_000)}`,
    email: `ana.${Math.random().toString(36).slice(2, 9)}@example.org`,
    kind: 'INTERESTED',
    temperature: 'WARM',
    source_channel: 'SEO',
    captured_at: captured,
    consent_text: 'Yes, call me',
    consent_timestamp: captured,
    exclusivity: 'SHARED',
    max_sales: '2',
    asking_price: '',
    'attr.brand': 'Kia',
    'attr.model': 'Ceed',
    'attr.vehicleYear': '',
    ...over,
  };
  return header
    .split(',')
    .map((c) => JSON.stringify(base[c] ?? ''))
    .join(',');
};

async function uploadViaGraphql(csv: string, token: string) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation($file: Upload!) { importLeadsCsv(file: $file) { id accepted rejected results { index lead { id } issues { code field severity } } } }',
      variables: { file: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([csv], { type: 'text/csv' }), 'leads.csv');
  const res = await fetch(app.graphqlUrl, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
  return (await res.json()) as {
    data?: { importLeadsCsv: { accepted: number; rejected: number; results: { index: number; lead: unknown; issues: { code: string; field: string }[] }[] } };
    errors?: { extensions: { code: string } }[];
  };
}

describe('CSV import', () => {
  it('imports a file through the GraphQL upload and rejects bad rows one by one', async () => {
    const csv = [header, row(), row({ phone: '12', email: '' }), row({ kind: 'MAYBE' }), row({ captured_at: 'last tuesday' }), row()].join('\n');
    const body = await uploadViaGraphql(csv, seller.token);
    expect(body.errors).toBeUndefined();
    const r = body.data!.importLeadsCsv;
    expect(r).toMatchObject({ accepted: 2, rejected: 3 });
    expect(r.results[1]!.issues.map((i) => i.code)).toContain('PHONE_INVALID');
    expect(r.results[2]!.issues).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'kind', severity: 'ERROR' })]);
    expect(r.results[3]!.issues[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'capturedAt' });
  });

  it('imports through the REST twin with an API key, with typed attribute values', async () => {
    const { createApiKey } = await app.client(seller).request<{ createApiKey: { key: string } }>(CREATE_API_KEY, { name: 'csv' });
    const csv = [header, row({ segment: 'INSURANCE', subsegment: 'CASCO', 'attr.vehicleYear': '2018', 'attr.brand': '', 'attr.model': '' })].join('\n');
    const res = await fetch(`${app.url}/leads/csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv', authorization: `ApiKey ${createApiKey.key}` },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { accepted: number; results: { leadId: string }[] };
    expect(body.accepted).toBe(1);
    const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, body.results[0]!.leadId));
    expect(lead!.attributes).toEqual({ vehicleYear: 2018 });
  });

  it('refuses a file that is not CSV, an empty file, and anonymous callers', async () => {
    const post = (body: string, auth?: string) =>
      fetch(`${app.url}/leads/csv`, { method: 'POST', body, headers: { 'content-type': 'text/csv', ...(auth ? { authorization: auth } : {}) } });
    const broken = await post(`${header}\n"unterminated,quote`, `Bearer ${seller.token}`);
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string; fields: { path: string }[] } }).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'file' }],
    });
    expect((await post(header, `Bearer ${seller.token}`)).status).toBe(400);
    expect((await post(`${header}\n${row()}`)).status).toBe(401);
  });

  it('serves a template whose example row imports as it is, fresh at every download', async () => {
    const res = await fetch(`${app.url}/leads/csv-template`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const template = await res.text();
    const body = await uploadViaGraphql(template, seller.token);
    expect(body.data!.importLeadsCsv).toMatchObject({ accepted: 1, rejected: 0 });
    // a second download is a lead of its own, not a duplicate of the first
    const again = await (await fetch(`${app.url}/leads/csv-template`)).text();
    expect(again).not.toBe(template);
    expect((await uploadViaGraphql(again, seller.token)).data!.importLeadsCsv).toMatchObject({ accepted: 1, rejected: 0 });
  });
});
