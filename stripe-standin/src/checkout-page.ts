// The hosted Checkout page at `session.url`: a card form a person or a browser test fills with a test card.
import express, { Router } from 'express';
import { expireDueCheckoutSessions, payCheckoutSession, successRedirect } from './checkout-sessions';
import { AUTOMATIC } from './events';
import { decodeForm } from './form-decode';
import { escapeHtml, htmlPage, messagePage } from './html-page';
import { formatMinorUnits } from './money-format';
import { StripeApiError } from './stripe-errors';
import type { CheckoutSessionRecord } from './standin-objects';
import type { StandinContext } from './standin-state';
import type { CardDetails } from './test-cards';

interface FormState {
  error?: string;
  email?: string;
  name?: string;
}

/** "12 / 34", "12/2034" or "1234" → month and four-digit year (0 when unreadable, which then fails validation). */
export function parseExpiry(text: string): { expMonth: number; expYear: number } {
  const digits = text.replace(/\D/g, '');
  if (digits.length === 4) return { expMonth: Number(digits.slice(0, 2)), expYear: 2000 + Number(digits.slice(2)) };
  if (digits.length === 6) return { expMonth: Number(digits.slice(0, 2)), expYear: Number(digits.slice(2)) };
  return { expMonth: 0, expYear: 0 };
}

function field(id: string, label: string, attrs: string, value = ''): string {
  return `<div><label for="${id}">${label}</label><input id="${id}" name="${id}" ${attrs} value="${escapeHtml(value)}"></div>`;
}

export function renderCheckoutForm(record: CheckoutSessionRecord, form: FormState = {}): string {
  const { session, lineItems } = record;
  const currency = session.currency!;
  const total = formatMinorUnits(session.amount_total!, currency);
  const items = lineItems
    .map(
      (li) =>
        `<li><span>${escapeHtml(li.description)}${li.quantity > 1 ? ` × ${li.quantity}` : ''}</span><span>${formatMinorUnits(li.amount_total, currency)}</span></li>`,
    )
    .join('');
  const error = form.error ? `<p class="error" role="alert">${escapeHtml(form.error)}</p>` : '';
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and return</a></p>` : '';
  return htmlPage(
    `Pay ${total}`,
    `<h1>Pay ${escapeHtml(total)}</h1>
<section aria-label="Order summary"><ul class="items">${items}</ul><p class="total"><span>Total</span><span>${escapeHtml(total)}</span></p></section>
<form method="post" novalidate>
${error}
${field('email', 'Email', 'type="email" autocomplete="email"', form.email ?? session.customer_email ?? '')}
${field('cardNumber', 'Card number', 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required')}
<div class="row">
${field('cardExpiry', 'Expiry', 'autocomplete="cc-exp" placeholder="MM / YY" aria-describedby="expiry-hint" required')}
${field('cardCvc', 'CVC', 'inputmode="numeric" autocomplete="cc-csc" placeholder="123" required')}
</div>
<p id="expiry-hint" class="hint">Expiry as MM / YY.</p>
${field('billingName', 'Name on card', 'autocomplete="cc-name" required', form.name ?? '')}
<button type="submit">Pay ${escapeHtml(total)}</button>
</form>
<p class="hint">Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined. Any future expiry, any CVC.</p>
${cancel}`,
  );
}

function closedPage(record: CheckoutSessionRecord): string {
  const { session } = record;
  if (session.status === 'complete') {
    const next = successRedirect(session);
    return messagePage('Payment complete', 'This Checkout Session has already been paid.', next ? { href: next, text: 'Continue' } : undefined);
  }
  return messagePage(
    'Checkout Session expired',
    'This Checkout Session has expired and can no longer be paid.',
    session.cancel_url ? { href: session.cancel_url, text: 'Return' } : undefined,
  );
}

export function checkoutPageRouter(ctx: StandinContext): Router {
  const router = Router();
  router.get('/checkout/pay/:id', (req, res) => {
    expireDueCheckoutSessions(ctx);
    const record = ctx.state.checkoutSessions.get(req.params.id);
    if (!record) return void res.status(404).type('html').send(messagePage('Not found', 'There is no Checkout Session at this address.'));
    res.type('html').send(record.session.status === 'open' ? renderCheckoutForm(record) : closedPage(record));
  });
  router.post('/checkout/pay/:id', express.text({ type: 'application/x-www-form-urlencoded' }), (req, res) => {
    const record = ctx.state.checkoutSessions.get(req.params.id);
    if (!record) return void res.status(404).type('html').send(messagePage('Not found', 'There is no Checkout Session at this address.'));
    const form = decodeForm(typeof req.body === 'string' ? req.body : '');
    const text = (key: string): string => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
    const card: CardDetails = { number: text('cardNumber'), ...parseExpiry(text('cardExpiry')), cvc: text('cardCvc'), name: text('billingName') || undefined };
    try {
      const payment = payCheckoutSession(ctx, record.session.id, { card, email: text('email') || undefined }, AUTOMATIC);
      if (!payment.ok) {
        return void res
          .status(402)
          .type('html')
          .send(renderCheckoutForm(record, { error: payment.failure.message, email: text('email'), name: text('billingName') }));
      }
      const next = successRedirect(payment.session);
      if (next) return void res.redirect(303, next);
      res.type('html').send(messagePage('Payment complete', 'Thank you: your payment went through.'));
    } catch (err) {
      if (!(err instanceof StripeApiError)) throw err;
      res.status(400).type('html').send(closedPage(record));
    }
  });
  return router;
}
