// The buyer's selection in the marketplace ("cart") and what the API says about it. Pure: the key
// generator is passed in, so the rules are tested without randomness.
import type { ApiError } from '../../lib/api-errors';
import type { MoneyValue } from '../../lib/format';
import { money, toMinor } from '../../lib/money';

export interface CartLine {
  id: string;
  /** how the lead is named in messages, e.g. "Auto test drives, Los Angeles (M. L.)" */
  label: string;
  price: MoneyValue;
}

export interface Cart {
  lines: CartLine[];
  /**
   * Sent with createOrder: a repeated click or a retry after a lost answer returns the same order.
   * The API refuses a key reused for a different request, so every change of the selection takes a new key.
   */
  idempotencyKey: string;
}

export const emptyCart = (newKey: () => string): Cart => ({ lines: [], idempotencyKey: newKey() });

export function isSelected(cart: Cart, id: string): boolean {
  return cart.lines.some((l) => l.id === id);
}

export function setSelected(cart: Cart, line: CartLine, selected: boolean, newKey: () => string): Cart {
  if (selected === isSelected(cart, line.id)) return cart;
  const lines = selected ? [...cart.lines, line] : cart.lines.filter((l) => l.id !== line.id);
  return { lines, idempotencyKey: newKey() };
}

export function removeFromCart(cart: Cart, ids: readonly string[], newKey: () => string): Cart {
  const lines = cart.lines.filter((l) => !ids.includes(l.id));
  return lines.length === cart.lines.length ? cart : { lines, idempotencyKey: newKey() };
}

/** The list prices added up (the order may come out lower: bulk orders get the volume discount); `digits`: the platform's. */
export function cartTotal(cart: Cart, digits: number): MoneyValue | null {
  const first = cart.lines[0];
  if (!first) return null;
  return money(
    cart.lines.reduce((sum, l) => sum + toMinor(l.price, digits), 0),
    first.price.currencyCode,
    digits,
  );
}

export interface OrderProblems {
  /** message per lead id, from `input.leadIds[i]` field errors */
  byLead: Record<string, string>;
  /** messages that concern no single lead */
  other: string[];
}

/** Places createOrder's field errors on the leads they name: `input.leadIds[1]` is the second id sent. */
export function problemsByLead(error: ApiError | null, sentIds: readonly string[]): OrderProblems {
  const problems: OrderProblems = { byLead: {}, other: [] };
  if (!error) return problems;
  for (const field of error.fields) {
    const index = /^input\.leadIds\[(\d+)\]$/.exec(field.path)?.[1];
    const id = index === undefined ? undefined : sentIds[Number(index)];
    if (id) problems.byLead[id] = problems.byLead[id] ? `${problems.byLead[id]} ${field.message}` : field.message;
    else problems.other.push(field.path ? `${field.path}: ${field.message}` : field.message);
  }
  return problems;
}
