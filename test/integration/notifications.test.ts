// Issue 16, notifications: the outbox is written in the event's transaction and sent by the `notifications` job to
// a real SMTP server started here — one e-mail per event and recipient, nothing for a rolled-back change, nothing
// twice after a sender dies before the server accepted (a worker process killed mid-send), a row whose enqueue was
// lost still sent by the sweep, preferences respected, the notification centre's unread count.
import { markEmailSent, claimNotificationEmail, sendDueNotificationEmails } from '@leadex/core/domain/notifications/send-notification-emails';
import { queueNotification } from '@leadex/core/domain/notifications/queue-notification';
import { and, eq, schema } from '@leadex/db';
import { notificationsJob } from '@leadex/workers/src/jobs/notifications.job';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { signUpAs, type TestUser } from '../helpers/actors';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { REDIS_URL } from '../helpers/test-env';
import { waitFor } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

type Smtp = { server: SMTPServer; url: string; mails: ParsedMail[]; holdNext(): Promise<void>; release(): void };
/** A real SMTP server on 127.0.0.1; `holdNext` keeps the next message's DATA unanswered until `release`. */
async function startSmtp(): Promise<Smtp> {
  const mails: ParsedMail[] = [];
  let hold: { reached: () => void } | null = null;
  let held: (() => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          if (hold && mail.headers.has('x-leadex-notification')) {
            // never accepted: the sender is killed while it waits for our answer
            const h = hold;
            hold = null;
            held = () => done(Object.assign(new Error('aborted'), { responseCode: 451 }));
            h.reached();
            return;
          }
          // only notification e-mails are counted here (sign-ups also mail their verification link)
          if (mail.headers.has('x-leadex-notification')) mails.push(mail);
          done();
        },
        (err: Error) => done(err),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    holdNext: () => new Promise<void>((reached) => (hold = { reached })),
    release() {
      try {
        held?.();
      } catch {
        // the sender's connection is gone
      }
      held = null;
    },
  };
}

let app: TestApp;
let smtp: Smtp;
const running: WorkerProcess[] = [];
beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ label: 'notifications', env: { SMTP_URL: smtp.url, MAIL_FROM: 'Leadex <no-reply@leadex.test>' } });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.kill('SIGKILL')));
  app.runtime.deps.clock = () => new Date();
  smtp.mails.length = 0;
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((r) => smtp.server.close(() => r()));
});

const db = () => app.runtime.deps.db;
const actorOf = (u: TestUser, role: 'SELLER' | 'BUYER' = 'SELLER') => ({ userId: u.userId, organizationId: u.organizationId, role, via: 'session' as const });
let keys = 0;
const payoutSent = (organizationId: string) => ({
  eventKey: `test-payout-sent:${++keys}`,
  event: 'PAYOUT_SENT' as const,
  organizationId,
  data: { payoutId: `pyo_test${keys}`, amount: { amount: 12_345, currency: 'USD' } },
});
const mailsTo = (email: string) => smtp.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === email));

/** A seller organisation with two users (the second added as a team member would be). */
async function sellerTeam(): Promise<{ owner: TestUser; member: { userId: string; email: string } }> {
  const owner = await signUpAs(app, 'SELLER');
  const member = { userId: `usr_member${++keys}`, email: `member-${keys}@example.com` };
  await db()
    .insert(schema.users)
    .values({ id: member.userId, email: member.email, name: 'Team Member', passwordHash: 'x', role: 'SELLER', organizationId: owner.organizationId });
  return { owner, member };
}

it('sends exactly one e-mail per recipient of an event, however often it is queued and sent', async () => {
  const { owner, member } = await sellerTeam();
  const event = payoutSent(owner.organizationId);
  await db().transaction(async (tx) => {
    expect(await queueNotification(tx, event)).toEqual({ emails: 2, inApp: 2 });
  });
  await db().transaction(async (tx) => {
    expect(await queueNotification(tx, event)).toEqual({ emails: 0, inApp: 0 });
  });
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 2, RETRY: 0, FAILED: 0 });
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 0, RETRY: 0, FAILED: 0 });
  const [mine] = mailsTo(owner.email);
  expect(mailsTo(owner.email)).toHaveLength(1);
  expect(mailsTo(member.email)).toHaveLength(1);
  expect(mine!.subject).toBe('Payout of 123.45 USD sent');
  expect(mine!.text).toContain(event.data.payoutId);
  expect(mine!.html).toContain('<h2>Payout of 123.45 USD sent</h2>');
  const [row] = await db()
    .select()
    .from(schema.notificationOutbox)
    .where(and(eq(schema.notificationOutbox.eventKey, event.eventKey), eq(schema.notificationOutbox.userId, owner.userId)));
  expect(mine!.messageId).toBe(`<${row!.id}@127.0.0.1>`);
  expect(row).toMatchObject({ status: 'SENT', attempts: 1, claimedAt: null });
});

it('sends nothing for a rolled-back change', async () => {
  const { owner } = await sellerTeam();
  const event = payoutSent(owner.organizationId);
  await expect(
    db().transaction(async (tx) => {
      await queueNotification(tx, event);
      throw new Error('the payout failed after all');
    }),
  ).rejects.toThrow('the payout failed after all');
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 0, RETRY: 0, FAILED: 0 });
  expect(await db().select().from(schema.notifications).where(eq(schema.notifications.eventKey, event.eventKey))).toEqual([]);
  expect(smtp.mails).toHaveLength(0);
});

it('does not send twice after a sender died holding its claim, and sends once when the claim is stale', async () => {
  const owner = await signUpAs(app, 'SELLER');
  await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  // a sender claimed the row and died before the SMTP server accepted anything
  const claimed = await claimNotificationEmail(db(), new Date(), app.runtime.deps.config.NOTIFICATION_CLAIM_TIMEOUT_MS);
  expect(claimed).not.toBeNull();
  // a second sender running meanwhile skips the claimed row
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 0, RETRY: 0, FAILED: 0 });
  expect(smtp.mails).toHaveLength(0);
  // once the claim is older than the timeout the row is taken to be abandoned and sent, once
  const later = new Date(Date.now() + app.runtime.deps.config.NOTIFICATION_CLAIM_TIMEOUT_MS + 1000);
  app.runtime.deps.clock = () => later;
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 1, RETRY: 0, FAILED: 0 });
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 0, RETRY: 0, FAILED: 0 });
  expect(mailsTo(owner.email)).toHaveLength(1);
  const [row] = await db().select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.id, claimed!.id));
  expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
});

it('never lets two senders running at once send the same row', async () => {
  const { owner, member } = await sellerTeam();
  for (let i = 0; i < 5; i++) await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  const runs = await Promise.all([1, 2, 3].map(() => sendDueNotificationEmails(app.runtime.deps)));
  expect(runs.reduce((n, r) => n + r.SENT, 0)).toBe(10);
  expect(mailsTo(owner.email)).toHaveLength(5);
  expect(mailsTo(member.email)).toHaveLength(5);
});

it('the uncovered window, said honestly: a crash after the server accepted and before SENT was written sends a second copy with the same Message-ID', async () => {
  const owner = await signUpAs(app, 'SELLER');
  await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  const row = await claimNotificationEmail(db(), new Date(), app.runtime.deps.config.NOTIFICATION_CLAIM_TIMEOUT_MS);
  // what sendClaimedEmail does up to the server's acceptance; the process "dies" before markEmailSent
  await app.runtime.deps.mailer.send({
    to: [owner.email],
    subject: 'first copy',
    text: '-',
    headers: { 'Message-ID': `<${row!.id}@127.0.0.1>`, 'X-Leadex-Notification': row!.id },
  });
  const later = new Date(Date.now() + app.runtime.deps.config.NOTIFICATION_CLAIM_TIMEOUT_MS + 1000);
  app.runtime.deps.clock = () => later;
  expect(await sendDueNotificationEmails(app.runtime.deps)).toEqual({ SENT: 1, RETRY: 0, FAILED: 0 });
  const copies = mailsTo(owner.email);
  expect(copies).toHaveLength(2);
  expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([`<${row!.id}@127.0.0.1>`]));
  // and marking twice is harmless
  await markEmailSent(app.runtime.deps, row!.id);
});

it('sends exactly once when the worker process is killed mid-send and restarted; the sweep sends a row whose enqueue was lost', async () => {
  const owner = await signUpAs(app, 'SELLER');
  const cfg = app.runtime.deps.config;
  const worker = () => {
    const w = startWorkerProcess({
      DATABASE_URL: cfg.DATABASE_URL!,
      REDIS_URL,
      QUEUE_PREFIX: app.prefix,
      SMTP_URL: smtp.url,
      NOTIFICATION_CLAIM_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'warn',
    });
    running.push(w);
    return w;
  };
  // written in its transaction; its enqueue "lost" (never made): only the sweep can find it
  await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  const reached = smtp.holdNext();
  const first = worker(); // its schedules include the sweep, which runs at start
  await reached; // the message is on the wire, not accepted
  await first.kill('SIGKILL');
  smtp.release();
  expect(smtp.mails).toHaveLength(0);
  const [claimed] = await db().select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.userId, owner.userId));
  expect(claimed).toMatchObject({ status: 'PENDING', attempts: 1 });
  expect(claimed!.claimedAt).not.toBeNull();

  worker();
  // the restarted worker's sweep (and our nudges: one pending run at a time) find the stale claim and send it
  await waitFor(
    async () => {
      await app.runtime.deps.jobs.enqueueNotifications();
      const [row] = await db().select().from(schema.notificationOutbox).where(eq(schema.notificationOutbox.id, claimed!.id));
      return row!.status === 'SENT';
    },
    'the notification to be sent after the restart',
    30_000,
  );
  expect(mailsTo(owner.email)).toHaveLength(1);
});

it('the sweep job sends what was written without a queue job', async () => {
  const owner = await signUpAs(app, 'SELLER');
  await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  expect(await notificationsJob.run(app.runtime.deps)).toEqual({ SENT: 1, RETRY: 0, FAILED: 0 });
  expect(mailsTo(owner.email)).toHaveLength(1);
});

it('respects preferences: in-app only gives a notification and no e-mail; both off gives nothing', async () => {
  const owner = await signUpAs(app, 'SELLER');
  const { setNotificationPreference, notificationPreferencesOf } = await import('@leadex/core/domain/notifications/notification-preferences.service');
  await setNotificationPreference(app.runtime.deps, actorOf(owner), 'PAYOUT_SENT', { email: false, inApp: true });
  await setNotificationPreference(app.runtime.deps, actorOf(owner), 'PAYOUT_FAILED', { email: false, inApp: false });
  const prefs = await notificationPreferencesOf(app.runtime.deps, actorOf(owner));
  expect(prefs.find((p) => p.event === 'PAYOUT_SENT')).toEqual({ event: 'PAYOUT_SENT', email: false, inApp: true });
  expect(prefs.find((p) => p.event === 'LEAD_SOLD')).toEqual({ event: 'LEAD_SOLD', email: true, inApp: true });
  expect(prefs.some((p) => p.event === 'OPERATOR_DISPUTE_OPENED')).toBe(false);

  await db().transaction(async (tx) => {
    expect(await queueNotification(tx, payoutSent(owner.organizationId))).toEqual({ emails: 0, inApp: 1 });
    expect(
      await queueNotification(tx, {
        eventKey: `test-payout-failed:${++keys}`,
        event: 'PAYOUT_FAILED',
        organizationId: owner.organizationId,
        data: { payoutId: 'pyo_x', amount: { amount: 1, currency: 'USD' } },
      }),
    ).toEqual({ emails: 0, inApp: 0 });
  });
  await sendDueNotificationEmails(app.runtime.deps);
  expect(mailsTo(owner.email)).toHaveLength(0);
});

it('counts unread notifications and marks them read, only the user’s own', async () => {
  const { listNotifications, markNotificationsRead } = await import('@leadex/core/domain/notifications/notification-center');
  const owner = await signUpAs(app, 'SELLER');
  const other = await signUpAs(app, 'SELLER');
  for (let i = 0; i < 3; i++) await db().transaction((tx) => queueNotification(tx, payoutSent(owner.organizationId)));
  await db().transaction((tx) => queueNotification(tx, payoutSent(other.organizationId)));
  const page = await listNotifications(app.runtime.deps, actorOf(owner), { first: 2 });
  expect(page.unreadCount).toBe(3);
  expect(page.edges).toHaveLength(2);
  expect(page.pageInfo.hasNextPage).toBe(true);
  expect(page.edges[0]!.node.title).toBe('Payout of 123.45 USD sent');
  const otherPage = await listNotifications(app.runtime.deps, actorOf(other), {});
  // someone else's id changes nothing for them
  expect(await markNotificationsRead(app.runtime.deps, actorOf(owner), [otherPage.edges[0]!.node.id])).toBe(3);
  expect((await listNotifications(app.runtime.deps, actorOf(other), {})).unreadCount).toBe(1);
  expect(await markNotificationsRead(app.runtime.deps, actorOf(owner), [page.edges[0]!.node.id])).toBe(2);
  expect(await markNotificationsRead(app.runtime.deps, actorOf(owner), null)).toBe(0);
  const next = await listNotifications(app.runtime.deps, actorOf(owner), { first: 2, after: page.pageInfo.endCursor });
  expect(next.edges).toHaveLength(1);
  expect(next.edges[0]!.node.readAt).not.toBeNull();
});

describe('events wired in the domain', () => {
  let stripeApp: TestApp;
  beforeAll(async () => {
    stripeApp = await startTestApp({ label: 'notifyevents', stripe: true, env: { SMTP_URL: smtp.url } });
  });
  afterAll(() => stripeApp.close());

  const eventsOf = async (organizationId: string) =>
    (await stripeApp.runtime.deps.db.select().from(schema.notifications).where(eq(schema.notifications.organizationId, organizationId)))
      .map((n) => n.event)
      .sort();

  it('tells the seller its batch verdict and its sale, the buyer its paid order, both sides and the operators of a return', async () => {
    const { createBuyerActors, createSellerActor, listLeads, sharedLead, buyThroughStripe } = await import('../helpers/market-fixtures');
    const { createOperatorUser } = await import('../helpers/actors');
    const { openDispute } = await import('@leadex/core/domain/disputes/open-dispute');
    const operator = await createOperatorUser(stripeApp);
    const seller = await createSellerActor(stripeApp);
    const lead = sharedLead(3);
    const [leadId] = await listLeads(stripeApp, seller, [lead]);
    const [buyer] = await createBuyerActors(stripeApp, 1);
    const { purchases } = await buyThroughStripe(stripeApp, buyer!, [leadId!]);
    expect(await eventsOf(seller.organizationId)).toEqual(['BATCH_VERDICT', 'LEAD_SOLD']);
    expect(await eventsOf(buyer!.organizationId)).toEqual(['ORDER_PAID']);
    await openDispute(stripeApp.runtime.deps, buyer!, { purchaseId: purchases[0]!.id, reason: 'OTHER', evidence: 'no answer' });
    expect(await eventsOf(seller.organizationId)).toEqual(['BATCH_VERDICT', 'LEAD_SOLD', 'RETURN_OPENED']);
    expect(await eventsOf(buyer!.organizationId)).toEqual(['ORDER_PAID', 'RETURN_OPENED']);
    expect(await eventsOf(operator.organizationId)).toContain('OPERATOR_DISPUTE_OPENED');
    // the sale's e-mail names leads and sales, never the contact
    const [sold] = await stripeApp.runtime.deps.db
      .select()
      .from(schema.notificationOutbox)
      .where(and(eq(schema.notificationOutbox.organizationId, seller.organizationId), eq(schema.notificationOutbox.event, 'LEAD_SOLD')));
    expect(JSON.stringify(sold!.data)).toContain(leadId!);
    expect(JSON.stringify(sold!.data)).not.toContain(String(lead.phone));
    expect(JSON.stringify(sold!.data)).not.toContain(String(lead.email));
  });

  it('tells the buyer a campaign win spent its budget, reached its daily cap and took the wallet below the threshold', async () => {
    const { createBuyerActors, createSellerActor, listLeads, exclusiveLead } = await import('../helpers/market-fixtures');
    const { campaign, fundWallet } = await import('../helpers/exchange-fixtures');
    const { allocateLead } = await import('@leadex/core/domain/exchange/allocate-lead');
    const { formatDecimal } = await import('@leadex/core/domain/shared/money');
    const deps = stripeApp.runtime.deps;
    const seller = await createSellerActor(stripeApp);
    const [buyer] = await createBuyerActors(stripeApp, 1);
    const city = 'Glendale';
    const [leadId] = await listLeads(stripeApp, seller, [exclusiveLead({ city })]);
    const [lead] = await deps.db.select().from(schema.leads).where(eq(schema.leads.id, leadId!));
    const ask = lead!.price;
    const currency = deps.config.PLATFORM_CURRENCY;
    deps.config.WALLET_LOW_THRESHOLD_MINOR = 2000;
    await fundWallet(stripeApp, buyer!, formatDecimal(ask + 1000, currency));
    await campaign(buyer!, stripeApp, {
      maxBid: formatDecimal(ask * 2, currency),
      budget: formatDecimal(ask, currency),
      dailyCap: 1,
      filter: { cities: [city] },
    });
    expect((await allocateLead(deps, leadId!)).sold).toHaveLength(1);
    expect(await eventsOf(buyer!.organizationId)).toEqual(['CAMPAIGN_BUDGET_REACHED', 'CAMPAIGN_DAILY_CAP_REACHED', 'WALLET_LOW']);
    // the exchange sale is the seller's sale too
    expect(await eventsOf(seller.organizationId)).toContain('LEAD_SOLD');
  });
});
