// Finding 13: attributes a segment does not know are dropped (reported as ATTRIBUTE_UNKNOWN), never
// stored or served, and the attribute JSON is size-limited — 8 leads once made a 9 MB marketplace page.
import { runSpotCheck } from '@leadex/core';
import { ATTRIBUTES_MAX_JSON_BYTES } from '@leadex/core/domain/leads/lead-attributes';
import { eq, inArray, schema, sql } from '@leadex/db';
import { ClientError } from 'graphql-request';
import { validLead } from '../fixtures/leads';
import { signUpAs, type TestUser } from '../helpers/actors';
import { MARKETPLACE, SUBMIT_LEADS } from '../helpers/operations';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Batch = {
  submitLeads: {
    id: string;
    accepted: number;
    results: { lead: { id: string } | null; issues: { code: string; field: string | null; message: string; severity: string }[] }[];
  };
};

let app: TestApp;
let seller: TestUser;
beforeAll(async () => {
  app = await startTestApp({ label: 'unknownattrs' });
  seller = await signUpAs(app, 'SELLER');
});
afterAll(() => app.close());

const MEGABYTE = 1024 * 1024;
const leadCount = async () => Number((await app.runtime.deps.db.select({ n: sql<number>`count(*)::int` }).from(schema.leads))[0]!.n);

describe('unknown and oversized attributes', () => {
  it('refuses 8 leads carrying 1 MB of unknown attributes with BAD_USER_INPUT at input[i].attributes, writing nothing', async () => {
    const before = await leadCount();
    // 1 MB over the 8 leads, in values short enough to pass one by one: the JSON size limit catches it
    const padding = Object.fromEntries(Array.from({ length: 28 }, (_, i) => [`extra${i}`, 'x'.repeat(480)]));
    const stuffed = Array.from({ length: 8 }, () => validLead({ attributes: { brand: 'Toyota', model: 'Corolla', ...padding } }));
    const huge = Array.from({ length: 8 }, () => validLead({ attributes: { brand: 'Toyota', model: 'Corolla', blob: 'x'.repeat(MEGABYTE / 8) } }));
    for (const input of [stuffed, huge]) {
      const failed = await app
        .client(seller)
        .request(SUBMIT_LEADS, { input })
        .catch((e: ClientError) => e);
      expect(failed).toBeInstanceOf(ClientError);
      const error = (failed as ClientError).response.errors![0]!;
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const paths = (error.extensions!.fields as { path: string }[]).map((f) => f.path);
      expect(paths).toEqual(Array.from({ length: 8 }, (_, i) => `input[${i}].attributes`));
    }
    expect(JSON.stringify(stuffed).length).toBeGreaterThan(8 * ATTRIBUTES_MAX_JSON_BYTES);
    expect(await leadCount()).toBe(before);
  });

  it('rejects an oversized CSV row on its own and keeps the others', async () => {
    const captured = new Date(Date.now() - 3_600_000).toISOString();
    const header =
      'segment,country,full_name,phone,kind,source_channel,captured_at,consent_text,consent_timestamp,exclusivity,attr.brand,attr.model,attr.notes';
    const row = (phone: string, notes: string) =>
      ['AUTO_TEST_DRIVE', 'US', 'Ana Silva', phone, 'INTERESTED', 'SEO', captured, 'Yes call me', captured, 'SHARED', 'Kia', 'Ceed', notes].join(',');
    const csv = [header, row('+14155550142', 'x'.repeat(5000)), row('+14155550143', 'short note')].join('\n');
    const res = await fetch(`${app.url}/leads/csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${seller.token}` },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { accepted: number; rejected: number; results: { leadId: string | null; issues: { code: string; field: string }[] }[] };
    expect(body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(body.results[0]!.issues).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'attributes' })]);
    const [stored] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, body.results[1]!.leadId!));
    expect(stored!.attributes).toEqual({ brand: 'Kia', model: 'Ceed' }); // notes is not an attribute of the segment
  });

  it('drops unknown attributes, names each in an ATTRIBUTE_UNKNOWN warning, and serves a small marketplace page', async () => {
    const input = Array.from({ length: 8 }, (_, i) => validLead({ attributes: { brand: 'Toyota', model: 'Corolla', [`tracking${i}`]: 'y'.repeat(450) } }));
    const { submitLeads } = await app.client(seller).request<Batch>(SUBMIT_LEADS, { input });
    expect(submitLeads.accepted).toBe(8);
    submitLeads.results.forEach((r, i) => {
      expect(r.issues).toEqual([expect.objectContaining({ code: 'ATTRIBUTE_UNKNOWN', field: `attributes.tracking${i}`, severity: 'WARNING' })]);
      expect(r.issues[0]!.message).toContain(`tracking${i}`);
    });
    const ids = submitLeads.results.map((r) => r.lead!.id);
    const rows = await app.runtime.deps.db.select().from(schema.leads).where(inArray(schema.leads.id, ids));
    for (const row of rows) expect(row.attributes).toEqual({ brand: 'Toyota', model: 'Corolla' });
    expect(JSON.stringify(rows.map((r) => r.attributes))).not.toContain('yyyy');

    await runSpotCheck(app.runtime.deps, submitLeads.id, { offerToCampaigns: false });
    const buyer = await signUpAs(app, 'BUYER');
    const res = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.token}` },
      body: JSON.stringify({ query: MARKETPLACE.toString(), variables: { first: 50 } }),
    });
    const page = await res.text();
    const served = (JSON.parse(page) as { data: { marketplace: { edges: { node: { id: string; attributes: Record<string, unknown> } }[] } } }).data.marketplace
      .edges;
    const ours = served.filter((e) => ids.includes(e.node.id));
    expect(ours).toHaveLength(8);
    for (const edge of ours) expect(Object.keys(edge.node.attributes).sort()).toEqual(['brand', 'model']);
    expect(page).not.toContain('yyyy');
    expect(page.length).toBeLessThan(20_000);
  });
});
