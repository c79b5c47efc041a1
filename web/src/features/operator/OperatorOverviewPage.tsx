// Operator overview: sales and commission a day, the dispute rate, the spot-check failure rate and the top
// sellers and buyers over the last 7, 30 or 90 days (operatorOverview does the arithmetic; this page draws).
// Every chart has its numbers in a table behind "Show the numbers".
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { OperatorOverviewQuery as TOverview } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatMoney, formatRate } from '../../lib/format';
import { BarList, ColumnChart, Metric, type ColumnDatum } from '../../lib/ui/charts';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { SelectField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { OperatorOverviewQuery } from './operator-tables.operations';

type Overview = TOverview['operatorOverview'];
type Party = Overview['topSellers'][number];

const WINDOWS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

export function OperatorOverviewPage() {
  const [params, setParams] = useSearchParams();
  const days = WINDOWS.some((w) => w.value === params.get('days')) ? Number(params.get('days')) : 30;
  const [result, reexecute] = useQuery({ query: OperatorOverviewQuery, variables: { days } });
  const overview = result.data?.operatorOverview;
  const error = apiErrorFromGraphql(result.error);
  return (
    <Page
      title="Overview"
      wide
      intro="Sales, commission, disputes and spot-checks by UTC day, today included. Replacement leads given for returns are not counted as sales."
      actions={
        <SelectField
          label="Period"
          name="days"
          value={String(days)}
          onChange={(e) => setParams(e.target.value === '30' ? {} : { days: e.target.value })}
          options={WINDOWS}
        />
      }
    >
      {overview ? (
        <OverviewBody overview={overview} />
      ) : error ? (
        <div>
          <ErrorMessage error={error} title="The overview could not be loaded" />
          <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </div>
      ) : (
        <Loading label="Loading the overview…" />
      )}
    </Page>
  );
}

const dayLabel = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
// a count axis of at most 1 has its middle at 0.5
const countAxis = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function OverviewBody({ overview }: { overview: Overview }) {
  const { totals, daily, currencyCode } = overview;
  const amount = (value: number) => formatMoney({ amount: value.toFixed(2), currencyCode });
  const sales: ColumnDatum[] = daily.map((d) => {
    const gross = Number(d.salesAmount.amount);
    const commission = Number(d.commission.amount);
    return {
      key: d.date,
      label: dayLabel(d.date),
      values: [gross - commission, commission],
      valueLabels: [formatMoney({ amount: (gross - commission).toFixed(2), currencyCode }), formatMoney(d.commission)],
    };
  });
  const disputes: ColumnDatum[] = daily.map((d) => ({
    key: d.date,
    label: dayLabel(d.date),
    values: [d.sales, d.disputesOpened],
    valueLabels: [String(d.sales), String(d.disputesOpened)],
  }));
  const checks: ColumnDatum[] = daily.map((d) => ({
    key: d.date,
    label: dayLabel(d.date),
    values: [d.batchesChecked - d.batchesFailed, d.batchesFailed],
    valueLabels: [String(d.batchesChecked - d.batchesFailed), String(d.batchesFailed)],
  }));
  return (
    <>
      <dl className="metrics" aria-label="Key figures">
        <Metric label="Sales" value={formatMoney(totals.salesAmount)} detail={plural(totals.sales, 'lead sold', 'leads sold')} />
        <Metric label="Commission" value={formatMoney(totals.commission)} detail="the platform's share of those sales" />
        <Metric
          label="Dispute rate"
          value={totals.disputeRate == null ? '—' : formatRate(totals.disputeRate)}
          detail={`${plural(totals.disputesOpened, 'dispute', 'disputes')} opened per ${plural(totals.sales, 'sale', 'sales')}`}
        />
        <Metric
          label="Spot-check failure rate"
          value={totals.spotCheckFailureRate == null ? '—' : formatRate(totals.spotCheckFailureRate)}
          detail={`${plural(totals.batchesFailed, 'batch', 'batches')} failed of ${plural(totals.batchesChecked, 'batch', 'batches')} checked`}
        />
      </dl>
      <div className="charts">
        <ColumnChart
          title="Sales and commission a day"
          summary={`Sales a day over ${overview.days} days: ${formatMoney(totals.salesAmount)} in all, of which ${formatMoney(totals.commission)} commission.`}
          series={[
            { name: 'Sellers’ share', tone: 'primary' },
            { name: 'Commission', tone: 'good' },
          ]}
          data={sales}
          formatAxis={amount}
          empty="No sales in this period."
        />
        <ColumnChart
          title="Sales and disputes opened a day"
          summary={`Disputes a day over ${overview.days} days: ${totals.disputesOpened} opened for ${totals.sales} sales.`}
          series={[
            { name: 'Leads sold', tone: 'muted' },
            { name: 'Disputes opened', tone: 'bad' },
          ]}
          data={disputes}
          formatAxis={countAxis}
          empty="No sales or disputes in this period."
        />
        <ColumnChart
          title="Spot-checked batches a day"
          summary={`Spot-checks over ${overview.days} days: ${totals.batchesFailed} of ${totals.batchesChecked} batches failed.`}
          series={[
            { name: 'Passed', tone: 'good' },
            { name: 'Failed', tone: 'bad' },
          ]}
          data={checks}
          formatAxis={countAxis}
          empty="No batch was spot-checked in this period."
        />
      </div>
      <div className="charts">
        <BarList title="Top sellers by sales" data={overview.topSellers.map(partyBar)} empty="No sales in this period." />
        <BarList title="Top buyers by spend" data={overview.topBuyers.map(partyBar)} empty="No purchases in this period." />
      </div>
    </>
  );
}

function partyBar(p: Party) {
  return {
    key: p.id,
    label: p.emailDomain ? `${p.name} (${p.emailDomain})` : p.name,
    value: Number(p.amount.amount),
    valueLabel: `${formatMoney(p.amount)} · ${plural(p.sales, 'lead', 'leads')}`,
  };
}
