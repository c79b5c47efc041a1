import type { ApiError } from '../../lib/api-errors';
import { cartTotal, emptyCart, isSelected, problemsByLead, removeFromCart, setSelected, type CartLine } from './cart';

let n = 0;
const newKey = () => `key-${++n}`;
const line = (id: string, amount: string): CartLine => ({ id, label: `Lead ${id}`, price: { amount, currencyCode: 'USD' } });

describe('the cart', () => {
  it('selects and unselects leads, with a new idempotency key for every change of content', () => {
    const empty = emptyCart(newKey);
    const one = setSelected(empty, line('lead_a', '10.10'), true, newKey);
    expect(isSelected(one, 'lead_a')).toBe(true);
    expect(one.idempotencyKey).not.toBe(empty.idempotencyKey);
    // selecting what is already selected changes nothing, so the key (and a retried order) stays the same
    expect(setSelected(one, line('lead_a', '10.10'), true, newKey)).toBe(one);
    const two = setSelected(one, line('lead_b', '5.25'), true, newKey);
    expect(two.lines.map((l) => l.id)).toEqual(['lead_a', 'lead_b']);
    expect(two.idempotencyKey).not.toBe(one.idempotencyKey);
    const back = setSelected(two, line('lead_a', '10.10'), false, newKey);
    expect(back.lines.map((l) => l.id)).toEqual(['lead_b']);
    expect(back.idempotencyKey).not.toBe(two.idempotencyKey);
  });

  it('adds up list prices exactly', () => {
    expect(cartTotal(emptyCart(newKey), 2)).toBeNull();
    let cart = emptyCart(newKey);
    for (const [id, amount] of [
      ['a', '0.10'],
      ['b', '0.20'],
      ['c', '19.99'],
    ] as const)
      cart = setSelected(cart, line(id, amount), true, newKey);
    expect(cartTotal(cart, 2)).toEqual({ amount: '20.29', currencyCode: 'USD' });
  });

  it('removes unavailable leads, keeping the key when nothing was removed', () => {
    let cart = setSelected(setSelected(emptyCart(newKey), line('a', '1'), true, newKey), line('b', '2'), true, newKey);
    expect(removeFromCart(cart, ['zzz'], newKey)).toBe(cart);
    cart = removeFromCart(cart, ['a'], newKey);
    expect(cart.lines.map((l) => l.id)).toEqual(['b']);
  });

  it('puts sold-out errors on the lead at the index the API names', () => {
    const error: ApiError = {
      code: 'CONFLICT',
      reason: 'LEAD_SOLD_OUT',
      message: 'Some of these leads cannot be ordered',
      fields: [
        { path: 'input.leadIds[1]', message: 'sold out or no longer listed' },
        { path: 'input.leadIds[2]', message: 'you already hold or bought this lead' },
        { path: 'input', message: 'something else' },
      ],
    };
    expect(problemsByLead(error, ['a', 'b', 'c'])).toEqual({
      byLead: { b: 'sold out or no longer listed', c: 'you already hold or bought this lead' },
      other: ['input: something else'],
    });
    expect(problemsByLead(null, ['a'])).toEqual({ byLead: {}, other: [] });
  });
});
