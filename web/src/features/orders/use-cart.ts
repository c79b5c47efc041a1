// The cart as React state, kept in sessionStorage so it survives moving between pages and a reload
// (and with it the idempotency key of a createOrder whose answer was lost). It belongs to one user.
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { emptyCart, removeFromCart, setSelected, type Cart, type CartLine } from './cart';

const STORAGE_KEY = 'leadex.cart.v1';

function load(owner: string | null): Cart | null {
  if (!owner) return null;
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { owner?: string; cart?: Cart } | null;
    if (saved?.owner !== owner || !saved.cart || !Array.isArray(saved.cart.lines) || typeof saved.cart.idempotencyKey !== 'string') return null;
    return saved.cart;
  } catch {
    return null;
  }
}

function save(owner: string | null, cart: Cart) {
  if (!owner) return;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ owner, cart }));
  } catch {
    // storage full or disabled: the cart still works for this page
  }
}

export interface CartApi {
  cart: Cart;
  select: (line: CartLine, selected: boolean) => void;
  remove: (ids: readonly string[]) => void;
  clear: () => void;
}

export function useCart(owner: string | null): CartApi {
  const [cart, setCart] = useState<Cart>(() => load(owner) ?? emptyCart(newIdempotencyKey));
  useEffect(() => save(owner, cart), [owner, cart]);
  return {
    cart,
    select: useCallback((line, selected) => setCart((c) => setSelected(c, line, selected, newIdempotencyKey)), []),
    remove: useCallback((ids) => setCart((c) => removeFromCart(c, ids, newIdempotencyKey)), []),
    clear: useCallback(() => setCart(emptyCart(newIdempotencyKey)), []),
  };
}
