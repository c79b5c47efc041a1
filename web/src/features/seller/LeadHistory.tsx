// What happened to one lead, oldest first: submission, each check's finding, listing, sales, returns, payout.
import { useQuery } from 'urql';
import type { LeadHistoryQuery as TLeadHistory } from '../../gql/graphql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { formatDateTime, formatMoney } from '../../lib/format';
import { DISPUTE_REASON_WORDS, DISPUTE_STATUS_WORDS, HISTORY_WORDS } from '../../lib/words';
import { ErrorMessage, Loading } from '../../lib/ui/feedback';
import { LeadHistoryQuery } from './lead-history.operations';

type Entry = NonNullable<NonNullable<TLeadHistory['lead']>['history']>[number];

/** One entry as a sentence: "Sold · $40.00", "Returned by the buyer: the contact does not work". */
export function historyLine(e: Entry): string {
  const amount = e.amount ? formatMoney(e.amount) : null;
  switch (e.kind) {
    case 'CHECK':
      return `${e.severity === 'ERROR' ? 'Check failed' : 'Check note'}: ${e.detail ?? ''}`;
    case 'SOLD':
    case 'SETTLED':
      return amount ? `${HISTORY_WORDS[e.kind]} · ${amount}` : HISTORY_WORDS[e.kind];
    case 'DISPUTE_OPENED':
      return `${HISTORY_WORDS.DISPUTE_OPENED}: ${e.disputeReason ? DISPUTE_REASON_WORDS[e.disputeReason] : 'no reason given'}`;
    case 'DISPUTE_RESOLVED': {
      const decided = e.disputeStatus ? DISPUTE_STATUS_WORDS[e.disputeStatus] : HISTORY_WORDS.DISPUTE_RESOLVED;
      return e.disputeStatus === 'ACCEPTED' && amount ? `${decided} · ${amount} refunded` : decided;
    }
    default:
      return HISTORY_WORDS[e.kind];
  }
}

export function LeadHistory({ leadId }: { leadId: string }) {
  const [result] = useQuery({ query: LeadHistoryQuery, variables: { id: leadId } });
  const history = result.data?.lead?.history;
  if (result.fetching && !history) return <Loading label="Loading the history…" />;
  if (result.error) return <ErrorMessage error={apiErrorFromGraphql(result.error)} title="The history could not be loaded" />;
  if (!history?.length) return <p className="muted">No history yet.</p>;
  return (
    <ol className="lead-history" aria-label={`History of lead ${leadId}`}>
      {history.map((e, i) => (
        <li key={`${e.kind}-${e.at}-${i}`} className={e.severity === 'ERROR' ? 'lead-history__item--bad' : undefined}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time> <span>{historyLine(e)}</span>
          {e.saleId ? <span className="table__sub-text mono">Sale {e.saleId}</span> : null}
        </li>
      ))}
    </ol>
  );
}
