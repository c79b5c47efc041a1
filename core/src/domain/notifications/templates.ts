// The words of every notification, pure: one entry per event gives a title (the e-mail's subject and the
// notification centre's line), the body's lines and the page of the web app it points to; `renderEmail` builds the
// plain-text and HTML parts from them (every value HTML-escaped). Only ids, counts, amounts and segments are
// written: never a lead's contact data.
import type { NotificationEvent } from '@leadex/db';
import validator from 'validator';
import { formatDecimal } from '../shared/money';
import type { NotificationData, NotifiedMoney } from './notification-events';

export interface NotificationContent {
  title: string;
  lines: string[];
  /** a path of the web app, e.g. /seller/payouts */
  link: string;
}

type Templates = { [E in NotificationEvent]: (data: NotificationData[E]) => NotificationContent };

const amount = (m: NotifiedMoney) => `${formatDecimal(m.amount, m.currency)} ${m.currency}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const reasonText = (reason: string) => reason.toLowerCase().replace(/_/g, ' ');

export const TEMPLATES: Templates = {
  BATCH_VERDICT: (d) => ({
    title: d.passed ? `Batch ${d.batchId} passed its spot-check` : `Batch ${d.batchId} did not pass its spot-check`,
    lines: [
      `${plural(d.verified, 'lead')} listed as verified, ${d.unverified} listed unverified, ${d.rejected} rejected.`,
      ...(d.passed ? [] : ['Rejected leads carry their reasons on the batch page.']),
    ],
    link: '/seller/listings',
  }),
  LEAD_SOLD: (d) => ({
    title: `You sold ${plural(d.leadIds.length, 'lead')}`,
    lines: [
      `Leads ${d.leadIds.join(', ')} (${d.segments.join(', ')}), sales ${d.purchaseIds.join(', ')}.`,
      `Your net proceeds: ${amount(d.net)}, held in escrow until the return window closes.`,
    ],
    link: '/seller/sales',
  }),
  ORDER_PAID: (d) => ({
    title: `Order ${d.orderId} is paid`,
    lines: [`${plural(d.leads, 'lead')} for ${amount(d.total)}. The contact data is now in your purchases.`],
    link: '/purchases',
  }),
  RETURN_OPENED: (d) => ({
    title: d.side === 'SELLER' ? `A buyer returned lead ${d.leadId}` : `Your return of lead ${d.leadId} is open`,
    lines: [
      `Dispute ${d.disputeId} on purchase ${d.purchaseId}, reason: ${reasonText(d.reason)}.`,
      d.side === 'SELLER' ? 'You can answer it on your returns page before an operator decides.' : 'We will tell you when it is decided.',
    ],
    link: d.side === 'SELLER' ? '/seller/returns' : '/purchases',
  }),
  RETURN_DECIDED: (d) => ({
    title: `The return of lead ${d.leadId} was ${d.decision.toLowerCase()}`,
    lines: [
      `Dispute ${d.disputeId}: ${d.decision === 'ACCEPTED' ? 'accepted' : 'rejected'}.`,
      ...(d.refund ? [d.side === 'BUYER' ? `${amount(d.refund)} comes back to you.` : `${amount(d.refund)} is taken back from the sale.`] : []),
    ],
    link: d.side === 'SELLER' ? '/seller/returns' : '/purchases',
  }),
  PAYOUT_SENT: (d) => ({
    title: `Payout of ${amount(d.amount)} sent`,
    lines: [`Payout ${d.payoutId} was transferred to your connected account.`],
    link: '/seller/payouts',
  }),
  PAYOUT_FAILED: (d) => ({
    title: `Payout of ${amount(d.amount)} failed`,
    lines: [`Payout ${d.payoutId} was refused by the payment provider; the money is back in your payable balance.`, 'Check your payout account.'],
    link: '/seller/payouts',
  }),
  DELIVERY_FAILING: (d) => ({
    title: d.final ? `Delivery of lead ${d.leadId} failed` : `Delivery of lead ${d.leadId} keeps failing`,
    lines: [
      `Delivery ${d.deliveryId} (purchase ${d.purchaseId}) was refused ${plural(d.attempts, 'time')}.`,
      d.final ? 'It will not be retried: fix the endpoint and redeliver it.' : 'It is retried with backoff; check your endpoint.',
    ],
    link: '/deliveries',
  }),
  CAMPAIGN_BUDGET_REACHED: (d) => ({
    title: `Campaign "${d.name}" reached its budget`,
    lines: [`Campaign ${d.campaignId} has spent its budget of ${amount(d.budget)} and buys no more leads until you raise it.`],
    link: '/campaigns',
  }),
  CAMPAIGN_DAILY_CAP_REACHED: (d) => ({
    title: `Campaign "${d.name}" reached its daily cap`,
    lines: [`Campaign ${d.campaignId} bought ${plural(d.dailyCap, 'lead')} on ${d.day}, its daily cap; it buys again tomorrow.`],
    link: '/campaigns',
  }),
  WALLET_LOW: (d) => ({
    title: `Your wallet is below ${amount(d.threshold)}`,
    lines: [`The balance is ${amount(d.balance)}. Campaigns stop buying when it runs out: top it up.`],
    link: '/wallet',
  }),
  OPERATOR_DISPUTE_OPENED: (d) => ({
    title: `New dispute ${d.disputeId}`,
    lines: [`Lead ${d.leadId} (${d.segment}), reason: ${reasonText(d.reason)}.`],
    link: '/operator/disputes',
  }),
  OPERATOR_SELLER_SUSPENDED: (d) => ({
    title: `Seller ${d.sellerName} was suspended`,
    lines: [
      d.byOperator
        ? `Organisation ${d.sellerOrgId} was suspended by an operator (quality estimate ${d.qualityScore}).`
        : `Organisation ${d.sellerOrgId}: its quality estimate fell to ${d.qualityScore}.`,
    ],
    link: '/operator/sellers',
  }),
};

export function renderNotification<E extends NotificationEvent>(event: E, data: NotificationData[E]): NotificationContent {
  return (TEMPLATES[event] as (d: NotificationData[E]) => NotificationContent)(data);
}

export interface RenderedNotificationMail {
  subject: string;
  text: string;
  html: string;
}

/** The e-mail for a notification; `webOrigin` makes its link absolute. */
export function renderEmail(content: NotificationContent, webOrigin: string, recipientName: string): RenderedNotificationMail {
  const url = new URL(content.link, webOrigin).toString();
  const preferences = new URL('/notifications', webOrigin).toString();
  const text = [`Hello ${recipientName},`, '', ...content.lines, '', `Open: ${url}`, '', `Choose which e-mails you get: ${preferences}`].join('\n');
  const e = (s: string) => validator.escape(s);
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<p>Hello ${e(recipientName)},</p>`,
    `<h2>${e(content.title)}</h2>`,
    ...content.lines.map((l) => `<p>${e(l)}</p>`),
    `<p><a href="${e(url)}">Open in Leadex</a></p>`,
    `<p style="color:#666;font-size:small"><a href="${e(preferences)}">Choose which e-mails you get</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: content.title, text, html };
}
