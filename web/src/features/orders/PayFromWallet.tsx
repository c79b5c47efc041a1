// "Pay from wallet (balance $X)": a reserved order paid from the prepaid wallet, beside the card checkout.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { OrderFieldsFragment } from '../../gql/graphql';
import { apiErrorFromGraphql, type ApiError } from '../../lib/api-errors';
import { formatMoney } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { parseAmount } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage } from '../../lib/ui/feedback';
import { OrderWalletQuery, PayOrderFromWalletMutation } from './orders.operations';

export function PayFromWalletButton({ order, busy }: { order: OrderFieldsFragment; busy: boolean }) {
  const { minorUnitDigits } = usePlatform();
  const [wallet] = useQuery({ query: OrderWalletQuery, requestPolicy: 'cache-and-network' });
  const [payment, payFromWallet] = useMutation(PayOrderFromWalletMutation);
  const [error, setError] = useState<ApiError | null>(null);
  // one key per order page: a double click or a retry after a lost answer pays once
  const key = useMemo(() => newIdempotencyKey(), []);
  const balance = wallet.data?.wallet.balance;
  if (!balance) return null;
  const covers = (parseAmount(balance.amount, minorUnitDigits) ?? 0) >= (parseAmount(order.total.amount, minorUnitDigits) ?? Infinity);

  const pay = async () => {
    setError(null);
    const res = await payFromWallet({ orderId: order.id, idempotencyKey: key }, { additionalTypenames: ['Wallet', 'Order'] });
    setError(apiErrorFromGraphql(res.error));
  };

  return (
    <div className="order-actions__wallet">
      <button type="button" className="button button--secondary" onClick={pay} disabled={!covers || busy || payment.fetching} aria-describedby="wallet-hint">
        {payment.fetching ? 'Paying from wallet…' : `Pay from wallet (balance ${formatMoney(balance)})`}
      </button>
      <p className="field__hint" id="wallet-hint">
        {covers ? (
          'Paid at once from your prepaid balance, no card needed.'
        ) : (
          <>
            Your wallet holds {formatMoney(balance)}, less than this order. <Link to="/wallet">Top up the wallet</Link> or pay by card.
          </>
        )}
      </p>
      <ErrorMessage error={error} />
    </div>
  );
}
