// "Buy N matching this filter": createOrder({ matching: <the marketplace filter>, quantity }), best price
// first, then freshest. One idempotency key per filter and quantity, so a double click orders once.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { LeadFilter } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { ErrorMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { CreateOrderMutation } from './orders.operations';

const MAX_QUANTITY = 500;

export interface BuyMatchingFormProps {
  filter: LeadFilter | null;
  /** how many leads match (the button is disabled at 0) */
  matches?: number | null;
  /** shown under the button, e.g. the marketplace's estimate for the quantity typed */
  renderEstimate?: (quantity: number | null) => ReactNode;
}

export function BuyMatchingForm({ filter, matches, renderEstimate }: BuyMatchingFormProps) {
  const [quantity, setQuantity] = useState('1');
  const [quantityError, setQuantityError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [details, setDetails] = useState<string[]>([]);
  const [ordering, createOrder] = useMutation(CreateOrderMutation);
  const navigate = useNavigate();
  const fingerprint = JSON.stringify([filter, quantity.trim()]);
  const [key, setKey] = useState(() => ({ fingerprint, value: newIdempotencyKey() }));
  const n = /^\d+$/.test(quantity.trim()) ? Number(quantity.trim()) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (n === null || n < 1 || n > MAX_QUANTITY) return setQuantityError(`A whole number from 1 to ${MAX_QUANTITY}.`);
    setQuantityError(null);
    const idempotencyKey = key.fingerprint === fingerprint ? key.value : newIdempotencyKey();
    if (key.fingerprint !== fingerprint) setKey({ fingerprint, value: idempotencyKey });
    const res = await createOrder({ input: { matching: filter ?? {}, quantity: n }, idempotencyKey });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      const placed = placeApiErrors(apiError, ['quantity']);
      setQuantityError(placed.byField.quantity ?? null);
      setError(apiError);
      setDetails(placed.unplaced);
      return;
    }
    navigate(`/orders/${res.data.createOrder.id}`);
  };

  return (
    <form className="buy-matching" onSubmit={submit} noValidate aria-label="Buy leads matching this filter">
      <TextField
        label="Quantity"
        name="quantity"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        className="buy-matching__quantity"
        value={quantity}
        onChange={(e) => {
          setQuantity(e.target.value);
          setQuantityError(null);
        }}
        error={quantityError}
      />
      <button type="submit" className="button button--secondary" disabled={ordering.fetching || matches === 0}>
        {ordering.fetching ? 'Reserving…' : n && n >= 1 ? `Buy ${n} matching this filter` : 'Buy matching this filter'}
      </button>
      {renderEstimate ? renderEstimate(n) : null}
      <p className="field__hint buy-matching__hint">
        {matches === 0 ? 'No leads match this filter.' : 'Best price first, then the freshest. Bulk orders get the volume discount.'}
      </p>
      <ErrorMessage error={error} title="The order was not placed" details={details} />
    </form>
  );
}
