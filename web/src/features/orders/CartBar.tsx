// The buyer's selection in the marketplace: count, list-price total, "Buy selected" (createOrder with the
// cart's idempotency key) and, when some leads are gone, which ones and a way to drop them.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { formatMoney } from '../../lib/format';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage } from '../../lib/ui/feedback';
import { cartTotal, problemsByLead, type OrderProblems } from './cart';
import { CreateOrderMutation } from './orders.operations';
import type { CartApi } from './use-cart';

export function CartBar({ cartApi, onProblems }: { cartApi: CartApi; onProblems: (problems: OrderProblems) => void }) {
  const { cart, remove, clear } = cartApi;
  const [ordering, createOrder] = useMutation(CreateOrderMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<OrderProblems>({ byLead: {}, other: [] });
  const { minorUnitDigits } = usePlatform();
  const navigate = useNavigate();
  const n = cart.lines.length;
  if (!n && !error) return null;

  const report = (next: OrderProblems) => {
    setProblems(next);
    onProblems(next);
  };

  const buy = async () => {
    setError(null);
    report({ byLead: {}, other: [] });
    const ids = cart.lines.map((l) => l.id);
    const res = await createOrder({ input: { leadIds: ids }, idempotencyKey: cart.idempotencyKey });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      setError(apiError);
      report(problemsByLead(apiError, ids));
      return;
    }
    clear();
    navigate(`/orders/${res.data.createOrder.id}`);
  };

  const unavailable = Object.keys(problems.byLead);
  const details = [...cart.lines.filter((l) => problems.byLead[l.id]).map((l) => `${l.label} (${l.id}): ${problems.byLead[l.id]}`), ...problems.other];
  const total = cartTotal(cart, minorUnitDigits);

  return (
    <section className="cart-bar" aria-label="Selected leads">
      <div className="cart-bar__inner">
        {error ? <ErrorMessage error={error} title="The order was not placed" details={details} /> : null}
        <div className="cart-bar__row">
          <p className="cart-bar__summary" role="status">
            <strong>{n === 1 ? '1 lead selected' : `${n} leads selected`}</strong>
            {total ? (
              <>
                {' '}
                · {formatMoney(total)} <span className="muted">list price</span>
              </>
            ) : null}
          </p>
          <div className="cart-bar__actions">
            {unavailable.length ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  remove(unavailable);
                  setError(null);
                  report({ byLead: {}, other: [] });
                }}
              >
                Remove unavailable leads
              </button>
            ) : null}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                clear();
                setError(null);
                report({ byLead: {}, other: [] });
              }}
              disabled={!n}
            >
              Clear selection
            </button>
            <button type="button" className="button" onClick={buy} disabled={!n || ordering.fetching}>
              {ordering.fetching ? 'Reserving…' : 'Buy selected'}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
