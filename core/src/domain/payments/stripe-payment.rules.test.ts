import { confirmPayment, paymentOfIntent, paymentOfSession, targetOf } from './stripe-payment.rules';
import { money } from '../shared/money';

const session = {
  id: 'cs_1',
  payment_status: 'paid' as const,
  payment_intent: 'pi_1',
  amount_total: 1000,
  currency: 'usd',
  metadata: { order_id: 'ord_1' },
  client_reference_id: 'ord_1',
};
const intent = { id: 'pi_1', status: 'succeeded' as const, amount: 1000, amount_received: 1000, currency: 'usd', metadata: { wallet_top_up_id: 'pay_1' } };

describe('what a Stripe payment pays for', () => {
  it('reads an order or a top-up from the metadata our code set, a top-up first', () => {
    expect(targetOf({ order_id: 'ord_1' })).toEqual({ kind: 'ORDER', orderId: 'ord_1' });
    expect(targetOf({ wallet_top_up_id: 'pay_1', order_id: 'ord_1' })).toEqual({ kind: 'TOP_UP', topUpId: 'pay_1' });
    expect(targetOf({}, 'ord_2')).toEqual({ kind: 'ORDER', orderId: 'ord_2' });
    expect(targetOf(null)).toBeNull();
  });

  it('takes a paid session with the amount Stripe charged', () => {
    expect(paymentOfSession(session)).toEqual({ paymentIntentId: 'pi_1', amount: money(1000, 'USD'), target: { kind: 'ORDER', orderId: 'ord_1' } });
  });

  it('refuses an unpaid session and a payment intent that has not succeeded', () => {
    expect(paymentOfSession({ ...session, payment_status: 'unpaid', payment_intent: null })).toMatchObject({ refused: 'NOT_PAID' });
    expect(paymentOfIntent({ ...intent, status: 'requires_payment_method', amount_received: 0 })).toMatchObject({ refused: 'NOT_PAID' });
  });

  it('uses the amount received, not the amount asked, of a payment intent', () => {
    expect(paymentOfIntent({ ...intent, amount: 2500, amount_received: 1000 })).toMatchObject({
      amount: money(1000, 'USD'),
      target: { kind: 'TOP_UP', topUpId: 'pay_1' },
    });
  });

  it('says a payment for nothing of ours is not ours', () => {
    expect(paymentOfIntent({ ...intent, metadata: {} })).toMatchObject({ refused: 'NOTHING_OF_OURS' });
  });

  it('distrusts an event whose body names another order or top-up than Stripe does', () => {
    const atStripe = paymentOfSession(session);
    expect(confirmPayment({ kind: 'ORDER', orderId: 'ord_other' }, atStripe)).toMatchObject({ refused: 'OTHER_TARGET' });
    expect(confirmPayment({ kind: 'TOP_UP', topUpId: 'ord_1' }, atStripe)).toMatchObject({ refused: 'OTHER_TARGET' });
    expect(confirmPayment({ kind: 'ORDER', orderId: 'ord_1' }, atStripe)).toBe(atStripe);
    expect(confirmPayment(null, atStripe)).toBe(atStripe);
  });
});
