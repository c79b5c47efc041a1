// Buyer dashboard: spend over time, return rate, effective CPL and cost per customer, from every purchase
// (buyer-metrics.ts does the arithmetic; this page only picks the period and draws).
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LEAD_OUTCOMES } from '../purchases/outcome-rules';
import { enumLabel } from '../../lib/enums';
import { formatMoney, formatRate } from '../../lib/format';
import { money } from '../../lib/money';
import { usePlatform } from '../../lib/platform';
import { bucketByTime, bucketLabel, granularityFor } from '../../lib/time-buckets';
import { useAllPages } from '../../lib/use-all-pages';
import { BarList, ColumnChart, Metric } from '../../lib/ui/charts';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { PERIODS, periodStart, purchasesSince, summarizePurchases, type Period } from './buyer-metrics';
import { DashboardPurchasesQuery } from './dashboard.operations';

export function BuyerDashboardPage({ now: givenNow }: { now?: Date }) {
  const [now] = useState(() => givenNow ?? new Date());
  const all = useAllPages(DashboardPurchasesQuery, (d) => d.myPurchases);
  const [period, setPeriod] = useState<Period>('LAST_30_DAYS');

  return (
    <Page
      title="Dashboard"
      wide
      intro="What your leads cost and return. Refunds count against the day the lead was bought."
      actions={
        <SelectField
          label="Period"
          name="period"
          value={period}
          onChange={(e) => setPeriod(e.target.value as Period)}
          options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
        />
      }
    >
      {all.error ? (
        <div>
          <ErrorMessage error={all.error} title="Purchases could not be loaded" />
          <button type="button" className="button button--secondary" onClick={all.reload}>
            Try again
          </button>
        </div>
      ) : all.fetching ? (
        <Loading label="Loading your purchases…" />
      ) : all.nodes.length === 0 ? (
        <EmptyState title="No purchases yet.">
          Figures appear here once you <Link to="/marketplace">buy leads</Link>.
        </EmptyState>
      ) : (
        <DashboardBody purchases={all.nodes} period={period} now={now} truncated={all.truncated} total={all.totalCount} />
      )}
    </Page>
  );
}

type Fact = Parameters<typeof summarizePurchases>[0][number];

function DashboardBody({
  purchases,
  period,
  now,
  truncated,
  total,
}: {
  purchases: Fact[];
  period: Period;
  now: Date;
  truncated: boolean;
  total: number | null;
}) {
  const { currency, minorUnitDigits: digits } = usePlatform();
  const view = useMemo(() => {
    const from = periodStart(period, now, purchases);
    const inPeriod = purchasesSince(purchases, from);
    const granularity = granularityFor(from, now);
    const buckets = bucketByTime(inPeriod, (p) => p.purchasedAt, from, now, granularity).map((b) => ({
      key: b.key,
      label: bucketLabel(b, granularity),
      summary: summarizePurchases(b.items, currency, digits),
    }));
    return { summary: summarizePurchases(inPeriod, currency, digits), buckets, granularity };
  }, [purchases, period, now, currency, digits]);
  const { summary, buckets } = view;
  const show = (minor: number | null) => (minor === null ? '—' : formatMoney(money(minor, currency, digits)));
  const per = view.granularity === 'day' ? 'day' : 'week';

  return (
    <>
      {truncated ? (
        <p className="muted">
          Showing your latest {purchases.length} of {total} purchases.
        </p>
      ) : null}
      <dl className="metrics" aria-label="Key figures">
        <Metric label="Net spend" value={show(summary.net)} detail={`${show(summary.gross)} paid − ${show(summary.refunds)} refunded`} />
        <Metric
          label="Return rate"
          value={summary.returnRate === null ? '—' : formatRate(summary.returnRate)}
          detail={`${summary.acceptedDisputes} accepted ${summary.acceptedDisputes === 1 ? 'dispute' : 'disputes'} of ${summary.purchases} ${summary.purchases === 1 ? 'purchase' : 'purchases'}`}
        />
        <Metric label="Effective CPL" value={show(summary.effectiveCpl)} detail="net spend per lead bought" />
        <Metric
          label="Cost per customer"
          value={show(summary.costPerCustomer)}
          detail={summary.converted ? `${summary.converted} converted` : 'no lead converted yet'}
        />
      </dl>
      {summary.purchases === 0 ? <p className="muted">No purchases in this period.</p> : null}
      <div className="charts">
        <ColumnChart
          title={`Spend per ${per}`}
          summary={`Spend per ${per}: ${show(summary.gross)} paid, ${show(summary.refunds)} refunded.`}
          series={[
            { name: 'Net spend', tone: 'primary' },
            { name: 'Refunded', tone: 'muted' },
          ]}
          data={buckets.map((b) => ({
            key: b.key,
            label: b.label,
            values: [b.summary.net, b.summary.refunds],
            valueLabels: [show(b.summary.net), show(b.summary.refunds)],
          }))}
          formatAxis={(v) => formatMoney(money(Math.round(v), currency, digits))}
        />
        <ColumnChart
          title={`Return rate per ${per}`}
          summary={`Return rate per ${per}; ${summary.returnRate === null ? 'no purchases' : formatRate(summary.returnRate)} over the period.`}
          series={[{ name: 'Return rate', tone: 'bad' }]}
          data={buckets.map((b) => ({
            key: b.key,
            label: b.label,
            values: [b.summary.returnRate ?? 0],
            valueLabels: [b.summary.returnRate === null ? '—' : formatRate(b.summary.returnRate)],
          }))}
          formatAxis={(v) => formatRate(v)}
          empty="No accepted disputes in this period."
        />
        <ColumnChart
          title={`Effective CPL per ${per}`}
          summary={`Effective cost per lead per ${per}; ${show(summary.effectiveCpl)} over the period.`}
          series={[{ name: 'Effective CPL', tone: 'primary' }]}
          data={buckets.map((b) => ({ key: b.key, label: b.label, values: [b.summary.effectiveCpl ?? 0], valueLabels: [show(b.summary.effectiveCpl)] }))}
          formatAxis={(v) => formatMoney(money(Math.round(v), currency, digits))}
        />
        <BarList
          title="Outcomes"
          data={LEAD_OUTCOMES.map((o) => ({ key: o, label: enumLabel(o), value: summary.outcomes[o], valueLabel: String(summary.outcomes[o]) }))}
          note={
            <>
              Cost per customer is net spend divided by converted leads. Update outcomes in <Link to="/purchases">your purchases</Link>.
            </>
          }
        />
      </div>
    </>
  );
}
