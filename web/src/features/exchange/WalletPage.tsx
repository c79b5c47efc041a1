// Buyer: the prepaid wallet campaigns pay from. Topping up opens Stripe Checkout; Stripe sends the buyer
// back to /wallet?topped_up=1&session=…, and the page reloads the balance a few times until Stripe's
// webhook has credited it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { formatMoney } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { leaveApp } from '../../lib/leave-app';
import { formatAmount, toMinor } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { TopUpWalletMutation, WalletQuery } from './exchange.operations';
import { WalletTransactions } from './WalletTransactions';
import { checkTopUpAmount, forgetTopUp, recallTopUp, rememberTopUp, topUpPhase } from './wallet-rules';

export interface WalletPageProps {
  redirect?: (url: string) => void;
  pollMs?: number;
  maxPolls?: number;
}

export function WalletPage({ redirect = leaveApp, pollMs = 1500, maxPolls = 8 }: WalletPageProps) {
  const [params] = useSearchParams();
  const backFromCheckout = params.get('topped_up') === '1';
  const { currency, minorUnitDigits: digits } = usePlatform();
  const [result, reexecute] = useQuery({ query: WalletQuery, requestPolicy: 'cache-and-network' });
  const balance = result.data?.wallet.balance ?? null;
  const balanceMinor = balance ? toMinor(balance, digits) : null;
  const error = apiErrorFromGraphql(result.error);

  // back from Checkout: watch the balance until the top-up shows (or give up after a few tries)
  const [pending] = useState(() => (backFromCheckout ? recallTopUp() : null));
  const [firstSeen, setFirstSeen] = useState<number | null>(null);
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (balanceMinor != null && firstSeen == null && !result.stale) setFirstSeen(balanceMinor);
  }, [balanceMinor, firstSeen, result.stale]);
  const phase =
    backFromCheckout && balanceMinor != null && firstSeen != null
      ? topUpPhase({ pending, firstSeenMinor: firstSeen, currentMinor: balanceMinor, polls, maxPolls })
      : null;
  useEffect(() => {
    if (phase === 'confirmed') forgetTopUp();
    if (phase !== 'confirming' || result.fetching) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      reexecute({ requestPolicy: 'network-only' });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [phase, result.fetching, result.data, pollMs, reexecute]);

  return (
    <Page
      title="Wallet"
      intro={
        <>
          Your <Link to="/campaigns">campaigns</Link> pay for the leads they win from this prepaid balance, and <Link to="/orders">orders</Link> can be paid
          from it too. Refunds of those leads come back here.
        </>
      }
    >
      {params.get('cancelled') === '1' ? (
        <p role="status" className="alert">
          You left the checkout without paying; nothing was charged.
        </p>
      ) : null}
      {backFromCheckout ? <TopUpStatus phase={phase} balanceText={formatMoney(balance)} /> : null}

      <div className="two-columns">
        <section className="card" aria-labelledby="balance-title">
          <h2 id="balance-title">Balance</h2>
          {balance ? (
            <p className="big-number" aria-label="Wallet balance">
              {formatMoney(balance)}
            </p>
          ) : error ? (
            <>
              <ErrorMessage error={error} title="The balance could not be loaded" />
              <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
                Try again
              </button>
            </>
          ) : (
            <Loading label="Loading the balance…" />
          )}
          {balanceMinor != null && balanceMinor <= 0 ? <p className="muted">Campaigns cannot bid with an empty wallet.</p> : null}
        </section>
        <TopUpForm currencyCode={currency} digits={digits} balanceMinor={balanceMinor ?? 0} redirect={redirect} />
      </div>
      <WalletTransactions />
    </Page>
  );
}

function TopUpStatus({ phase, balanceText }: { phase: ReturnType<typeof topUpPhase> | null; balanceText: string }) {
  if (phase === 'confirmed') {
    return (
      <SuccessMessage>
        <p className="alert__title">Top-up received</p>
        <p>Your balance is now {balanceText}.</p>
      </SuccessMessage>
    );
  }
  if (phase === 'unconfirmed') {
    return (
      <ErrorMessage error="Stripe has not confirmed the payment yet. Nothing is lost: the money is added as soon as Stripe confirms it. Reload this page in a minute." />
    );
  }
  return (
    <p className="status status--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Payment received by Stripe; adding it to your balance…
    </p>
  );
}

function TopUpForm({
  currencyCode,
  digits,
  balanceMinor,
  redirect,
}: {
  currencyCode: string;
  digits: number;
  balanceMinor: number;
  redirect: (url: string) => void;
}) {
  const [amount, setAmount] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [topUp, topUpWallet] = useMutation(TopUpWalletMutation);
  // one key per amount: a double click (or a retry after a lost answer) opens the same checkout
  const keys = useRef(new Map<string, string>());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = checkTopUpAmount(amount, digits);
    if ('error' in checked) return setFieldError(checked.error);
    setFieldError(null);
    let key = keys.current.get(checked.amount);
    if (!key) keys.current.set(checked.amount, (key = newIdempotencyKey()));
    const res = await topUpWallet({ amount: checked.amount, idempotencyKey: key });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      setError(apiError);
      setFieldError(placeApiErrors(apiError, ['amount']).byField.amount ?? null);
      return;
    }
    rememberTopUp({ amountMinor: checked.minor, beforeMinor: balanceMinor });
    setLeaving(true);
    redirect(res.data.topUpWallet.url);
  };

  const busy = topUp.fetching || leaving;
  return (
    <section className="card" aria-labelledby="top-up-title">
      <h2 id="top-up-title">Top up</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Top up the wallet">
        <TextField
          label={`Amount (${currencyCode})`}
          name="amount"
          inputMode="decimal"
          placeholder={formatAmount(100 * 10 ** digits, digits)}
          autoComplete="off"
          value={amount}
          onChange={(e) => {
            setAmount(e.target.value);
            setFieldError(null);
          }}
          error={fieldError}
          required
          hint="You pay on Stripe’s secure page and come back here."
        />
        <ErrorMessage error={error && !fieldError ? error : null} title="The top-up could not start" />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Opening Stripe…' : 'Top up with Stripe'}
          </button>
        </div>
      </form>
    </section>
  );
}
