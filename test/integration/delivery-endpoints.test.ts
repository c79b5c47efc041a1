// Issue 14 §3, delivery where the buyer works: several endpoints per buyer, chosen per campaign — a mapped
// form-encoded POST (a CRM's web-to-lead form), a mapped JSON POST, and e-mail read back from a real SMTP server
// started here; a refusing mail server is a failed attempt, retried and logged like an HTTP refusal.
import { allocateLead } from '@leadex/core/domain/exchange/allocate-lead';
import { attemptDelivery } from '@leadex/core/domain/exchange/attempt-delivery';
import { createDeliveryEndpoint } from '@leadex/core/domain/exchange/delivery-endpoints.service';
import { createMailer } from '@leadex/core/mail/mailer';
import { eq, schema } from '@leadex/db';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { signUpAs, type TestUser } from '../helpers/actors';
import { campaign, fundWallet, signedWith, startWebhookReceiver } from '../helpers/exchange-fixtures';
import { errorOf } from '../helpers/graphql-errors';
import { buyThroughStripe, createSellerActor, exclusiveLead, listLeads, sharedLead } from '../helpers/market-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Smtp = { server: SMTPServer; url: string; mails: ParsedMail[] };
/** A real SMTP server on 127.0.0.1 (plain, no auth); `refuse` answers every recipient with that reply code. */
async function startSmtp(refuse?: number): Promise<Smtp> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onRcptTo(_address, _session, done) {
      if (!refuse) return done();
      done(Object.assign(new Error('mailbox busy, try later'), { responseCode: refuse }));
    },
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          done();
        },
        (err: Error) => done(err),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, mails };
}

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Smtp;
let refusing: Smtp;
beforeAll(async () => {
  receiver = await startWebhookReceiver(() => 200);
  smtp = await startSmtp();
  refusing = await startSmtp(451);
  app = await startTestApp({
    label: 'deliveryendpoints',
    stripe: true,
    env: { WEBHOOK_ALLOW_HOSTS: receiver.host, SMTP_URL: smtp.url, MAIL_FROM: 'Leadex <leads@leadex.test>' },
  });
});
afterAll(async () => {
  await app.close();
  await receiver.close();
  await new Promise<void>((r) => smtp.server.close(() => r()));
  await new Promise<void>((r) => refusing.server.close(() => r()));
});

const asActor = (u: TestUser) => ({ userId: u.userId, organizationId: u.organizationId, role: 'BUYER' as const, via: 'session' as const });
const CREATE = `mutation($input: DeliveryEndpointInput!) { createDeliveryEndpoint(input: $input) { id kind isDefault secret mapping { format fields { to from constant } } recipients } }`;
type Created = { createDeliveryEndpoint: { id: string; kind: string; isDefault: boolean; secret: string | null } };

async function boughtDelivery(buyer: TestUser) {
  const seller = await createSellerActor(app);
  const [leadId] = await listLeads(app, seller, [sharedLead(3)]);
  const { purchases } = await buyThroughStripe(app, asActor(buyer), [leadId!]);
  const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, purchases[0]!.id));
  const [lead] = await app.runtime.deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
  return { delivery: delivery!, lead: lead!, purchase: purchases[0]! };
}
const attemptLog = (deliveryId: string) =>
  app.runtime.deps.db.select().from(schema.deliveryAttempts).where(eq(schema.deliveryAttempts.deliveryId, deliveryId)).orderBy(schema.deliveryAttempts.attempt);

describe('mapped HTTP delivery', () => {
  it('posts a form-encoded body with the renamed, constant and picked fields only, signed', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { createDeliveryEndpoint: endpoint } = await app.client(buyer).request<Created>(CREATE, {
      input: {
        name: 'CRM web-to-lead',
        kind: 'HTTP_MAPPED',
        url: receiver.url('/web-to-lead'),
        mapping: {
          format: 'FORM',
          fields: [
            { to: 'last_name', from: 'lead.contact.fullName' },
            { to: 'phone', from: 'lead.contact.phone' },
            { to: 'car_brand', from: 'lead.attributes.brand' },
            { to: 'oid', constant: '00D5g000004ABCD' },
            { to: 'lead_source', constant: 'Leadex' },
          ],
        },
      },
    });
    // a buyer's first endpoint is the default: marketplace purchases go there
    expect(endpoint).toMatchObject({ kind: 'HTTP_MAPPED', isDefault: true, secret: expect.stringMatching(/^whsec_/) });
    const { delivery, lead } = await boughtDelivery(buyer);
    expect(delivery.endpointId).toBe(endpoint.id);

    expect(await attemptDelivery(app.runtime.deps, delivery.id, false)).toBe('DELIVERED');
    const hook = receiver.received.find((h) => h.path === '/web-to-lead')!;
    expect(hook.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(signedWith(hook, endpoint.secret!)).toBe(true);
    const form = Object.fromEntries(new URLSearchParams(hook.body));
    const contact = await app.runtime.deps.db.select().from(schema.contactReads).where(eq(schema.contactReads.leadId, lead.id));
    expect(contact.length).toBeGreaterThan(0); // the delivery's read of the contact is audited
    expect(form).toEqual({
      last_name: 'Maria Lopez',
      phone: expect.stringMatching(/^\+1415\d{7}$/),
      car_brand: 'Toyota',
      oid: '00D5g000004ABCD',
      lead_source: 'Leadex',
    });
    expect((await attemptLog(delivery.id)).map((a) => [a.attempt, a.httpStatus, a.error])).toEqual([[1, 200, null]]);
  });

  it("posts a campaign's wins as mapped JSON to the endpoint the campaign chose, not the default", async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const actor = asActor(buyer);
    const fallback = await createDeliveryEndpoint(app.runtime.deps, actor, { name: 'Default', kind: 'WEBHOOK', url: receiver.url('/default-hook') });
    const chosen = await createDeliveryEndpoint(app.runtime.deps, actor, {
      name: 'Dealer CRM',
      kind: 'HTTP_MAPPED',
      url: receiver.url('/crm-json'),
      mapping: {
        format: 'JSON',
        fields: [
          { to: 'name', from: 'lead.contact.fullName' },
          { to: 'score', from: 'lead.score' },
          { to: 'consented', from: 'lead.consent.text' },
          { to: 'dealer', constant: 'D-42' },
        ],
      },
    });
    expect([fallback.isDefault, chosen.isDefault]).toEqual([true, false]);
    await fundWallet(app, actor, '300.00');
    const city = 'Burbank';
    const cmp = await campaign(actor, app, { maxBid: '150.00', filter: { cities: [city] }, deliveryEndpointId: chosen.id });
    expect(cmp.deliveryEndpointId).toBe(chosen.id);
    const [leadId] = await listLeads(app, await createSellerActor(app), [exclusiveLead({ city })]);
    const { sold } = await allocateLead(app.runtime.deps, leadId!);
    expect(sold).toHaveLength(1);
    const [delivery] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.purchaseId, sold[0]!.purchaseId));
    expect(delivery!.endpointId).toBe(chosen.id);

    expect(await attemptDelivery(app.runtime.deps, delivery!.id, false)).toBe('DELIVERED');
    const hook = receiver.received.find((h) => h.path === '/crm-json')!;
    expect(hook.headers['content-type']).toBe('application/json');
    expect(signedWith(hook, chosen.secret!)).toBe(true);
    expect(JSON.parse(hook.body)).toEqual({
      name: 'Maria Lopez',
      score: expect.any(Number),
      consented: 'I agree to be contacted about a test drive.',
      dealer: 'D-42',
    });
    expect(receiver.received.some((h) => h.path === '/default-hook')).toBe(false);
  });

  it('refuses unknown source fields and bad recipients with their paths, and another buyer’s endpoint on a campaign', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const bad = await errorOf(
      app.client(buyer).request(CREATE, {
        input: { name: 'x', kind: 'HTTP_MAPPED', url: receiver.url('/x'), mapping: { format: 'FORM', fields: [{ to: 'a', from: 'lead.contact.ssn' }] } },
      }),
    );
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.extensions)).toContain('input.mapping.fields[0].from');
    const mail = await errorOf(app.client(buyer).request(CREATE, { input: { name: 'x', kind: 'EMAIL', recipients: ['not-an-address'] } }));
    expect(JSON.stringify(mail.extensions)).toContain('input.recipients[0]');

    const other = await signUpAs(app, 'BUYER', 'other');
    const theirs = await createDeliveryEndpoint(app.runtime.deps, asActor(other), { name: 'Theirs', kind: 'EMAIL', recipients: ['them@example.com'] });
    const refused = await errorOf(
      app.client(buyer).request('mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }', {
        input: { name: 'c', filter: { segments: ['AUTO_TEST_DRIVE'] }, maxBid: '5.00', exclusivity: 'SHARED', deliveryEndpointId: theirs.id },
      }),
    );
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.extensions)).toContain('input.deliveryEndpointId');
  });
});

describe('e-mail delivery', () => {
  it('mails the lead with its contact and consent to the recipients, read back from the SMTP server', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { createDeliveryEndpoint: endpoint } = await app
      .client(buyer)
      .request<Created>(CREATE, { input: { name: 'Sales inbox', kind: 'EMAIL', recipients: ['Sales@Dealer.example', 'crm@dealer.example'] } });
    expect(endpoint).toMatchObject({ kind: 'EMAIL', isDefault: true, secret: null });
    const { delivery, lead } = await boughtDelivery(buyer);
    expect(await attemptDelivery(app.runtime.deps, delivery.id, false)).toBe('DELIVERED');

    const mail = smtp.mails.find((m) => m.headers.get('x-leadex-delivery') === delivery.id)!;
    expect(mail).toBeDefined();
    expect(mail.from?.text).toBe('"Leadex" <leads@leadex.test>');
    expect([mail.to].flat().flatMap((t) => t!.value.map((v) => v.address))).toEqual(['sales@dealer.example', 'crm@dealer.example']);
    expect(mail.subject).toBe('New lead: AUTO_TEST_DRIVE (Los Angeles, US)');
    expect(mail.text).toContain('Name: Maria Lopez');
    expect(mail.text).toContain(`Lead id: ${lead.id}`);
    expect(mail.text).toContain('Text: I agree to be contacted about a test drive.');
    expect(mail.html).toContain('<td>Maria Lopez</td>');
    expect((await attemptLog(delivery.id)).map((a) => [a.attempt, a.httpStatus, a.error])).toEqual([[1, null, null]]);
  });

  it('sends a test delivery on request', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const { createDeliveryEndpoint: endpoint } = await app
      .client(buyer)
      .request<Created>(CREATE, { input: { name: 'Inbox', kind: 'EMAIL', recipients: ['test-inbox@dealer.example'] } });
    const { sendTestDelivery } = await app
      .client(buyer)
      .request<{ sendTestDelivery: unknown }>('mutation($id: ID!) { sendTestDelivery(endpointId: $id) { ok httpStatus error } }', { id: endpoint.id });
    expect(sendTestDelivery).toEqual({ ok: true, httpStatus: null, error: null });
    const mail = smtp.mails.find((m) => [m.to].flat().some((t) => t!.text.includes('test-inbox@dealer.example')))!;
    expect(mail.subject).toMatch(/^\[Test\] New lead/);
  });

  it('counts a refusing mail server as a failed attempt, retried and logged, then delivered', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    await createDeliveryEndpoint(app.runtime.deps, asActor(buyer), { name: 'Inbox', kind: 'EMAIL', recipients: ['retry@dealer.example'] });
    const { delivery } = await boughtDelivery(buyer);
    const down = { ...app.runtime.deps, mailer: createMailer({ SMTP_URL: refusing.url, MAIL_FROM: 'Leadex <leads@leadex.test>' }) };
    // not the last attempt: it throws, so the queue retries with backoff
    await expect(attemptDelivery(down, delivery.id, false)).rejects.toThrow(/retrying with backoff/);
    const [pending] = await app.runtime.deps.db.select().from(schema.deliveries).where(eq(schema.deliveries.id, delivery.id));
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'refused by the mail server: SMTP 451' });
    // the retry reaches a mail server that takes it
    expect(await attemptDelivery(app.runtime.deps, delivery.id, false)).toBe('DELIVERED');
    expect((await attemptLog(delivery.id)).map((a) => [a.attempt, a.error])).toEqual([
      [1, 'refused by the mail server: SMTP 451'],
      [2, null],
    ]);
    down.mailer.close();

    // out of retries: FAILED, with the refusal in the log
    const { delivery: second } = await boughtDelivery(buyer);
    const down2 = { ...app.runtime.deps, mailer: createMailer({ SMTP_URL: refusing.url, MAIL_FROM: 'Leadex <leads@leadex.test>' }) };
    expect(await attemptDelivery(down2, second.id, true)).toBe('FAILED');
    expect((await attemptLog(second.id)).map((a) => a.error)).toEqual(['refused by the mail server: SMTP 451']);
    down2.mailer.close();
  });
});

describe('the single-endpoint API still works on the default', () => {
  it('replaces only the default with setWebhookEndpoint, lists every endpoint, and removes one', async () => {
    const buyer = await signUpAs(app, 'BUYER');
    const actor = asActor(buyer);
    const mailEp = await createDeliveryEndpoint(app.runtime.deps, actor, { name: 'Inbox', kind: 'EMAIL', recipients: ['a@dealer.example'] });
    const hookEp = await createDeliveryEndpoint(app.runtime.deps, actor, { name: 'Hook', kind: 'WEBHOOK', url: receiver.url('/second') });
    const client = app.client(buyer);
    // the default is EMAIL: webhookEndpoint (a URL) has nothing to show
    expect((await client.request<{ webhookEndpoint: unknown }>('{ webhookEndpoint { id } }')).webhookEndpoint).toBeNull();
    const { setWebhookEndpoint } = await client.request<{ setWebhookEndpoint: { id: string } }>(
      'mutation($url: String!) { setWebhookEndpoint(url: $url) { id } }',
      {
        url: receiver.url('/legacy'),
      },
    );
    type Listed = { deliveryEndpoints: { id: string; kind: string; isDefault: boolean; url: string | null }[] };
    const listed = await client.request<Listed>('{ deliveryEndpoints { id kind isDefault url } }');
    expect(listed.deliveryEndpoints.map((e) => [e.id, e.isDefault])).toEqual([
      [setWebhookEndpoint.id, true],
      [hookEp.id, false],
    ]);
    expect(listed.deliveryEndpoints.some((e) => e.id === mailEp.id)).toBe(false);
    expect((await client.request<{ webhookEndpoint: { id: string } }>('{ webhookEndpoint { id } }')).webhookEndpoint.id).toBe(setWebhookEndpoint.id);

    await client.request('mutation($id: ID!) { setDefaultDeliveryEndpoint(id: $id) { id } }', { id: hookEp.id });
    expect(await client.request('mutation($id: ID!) { removeDeliveryEndpoint(id: $id) }', { id: setWebhookEndpoint.id })).toEqual({
      removeDeliveryEndpoint: true,
    });
    const after = await client.request<Listed>('{ deliveryEndpoints { id kind isDefault url } }');
    expect(after.deliveryEndpoints.map((e) => [e.id, e.isDefault])).toEqual([[hookEp.id, true]]);
    const gone = await errorOf(client.request('mutation($id: ID!) { removeDeliveryEndpoint(id: $id) }', { id: setWebhookEndpoint.id }));
    expect(gone.extensions?.code).toBe('NOT_FOUND');
  });
});
