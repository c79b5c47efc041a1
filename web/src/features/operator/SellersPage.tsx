// Operator: sellers by quality (worst first) with suspend / unsuspend, and each segment's verification
// policy: which provider spot-checks it, what happens to a failed batch, and the failure threshold.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { FailedBatchPolicy, OperatorSellersQuery as TSellers, SegmentPoliciesQuery as TPolicies, VerificationProvider } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { Badge, qualityTone } from '../../lib/ui/badge';
import { ConfirmButton } from '../../lib/ui/confirm-button';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { Pager, SearchBox, useTableParams } from '../../lib/ui/table-controls';
import { percentToRate, rateToPercent } from './pricing-edits';
import { DistributionTable } from './SegmentDistributionTable';
import { OperatorSellersQuery } from './operator-tables.operations';
import { SegmentPoliciesQuery, SetSegmentPolicyMutation, SetSellerSuspendedMutation } from './quality.operations';
import { TableWrap } from '../../lib/ui/table-wrap';

type Seller = TSellers['sellers']['items'][number];
type Policy = TPolicies['segments'][number];

export function SellersPage() {
  return (
    <Page
      title="Sellers and verification"
      wide
      intro="Quality is an estimate over every piece of evidence: automatic checks, operator calls, disputes and buyers' outcomes. A seller is suspended automatically only when even the optimistic estimate (the upper bound) is under 50."
    >
      <SellerTable />
      <h2>Verification policy per segment</h2>
      <PolicyTable />
      <h2>Exchange distribution and margin per segment</h2>
      <DistributionTable />
    </Page>
  );
}

const SELLERS_PER_PAGE = 25;

function SellerTable() {
  const table = useTableParams(SELLERS_PER_PAGE);
  const [result, reexecute] = useQuery({
    query: OperatorSellersQuery,
    variables: { search: table.search || null, first: table.first, offset: table.offset },
    context: SELLER_CONTEXT,
  });
  const page = result.data?.sellers;
  const error = apiErrorFromGraphql(result.error);
  return (
    <section aria-labelledby="sellers-title">
      <h2 id="sellers-title" className="visually-hidden">
        Sellers
      </h2>
      <div className="toolbar toolbar--start">
        <SearchBox label="Search sellers" hint="Name, organisation id or a member's e-mail" value={table.search} onSearch={table.setSearch} />
      </div>
      {!page ? (
        error ? (
          <div>
            <ErrorMessage error={error} title="Sellers could not be loaded" />
            <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </div>
        ) : (
          <Loading label="Loading sellers…" />
        )
      ) : !page.items.length ? (
        <EmptyState title={table.search ? `No seller matches “${table.search}”.` : 'No sellers yet.'} />
      ) : (
        <>
          <TableWrap label="Sellers table">
            <table className="table">
              <caption>Sellers, lowest quality first</caption>
              <thead>
                <tr>
                  <th scope="col">Seller</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Upper bound</th>
                  <th scope="col">Listed leads</th>
                  <th scope="col">Batches</th>
                  <th scope="col">Failed batches</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((s) => (
                  <SellerRow key={s.id} seller={s} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {page ? <Pager label="Sellers" page={table.page} first={table.first} totalCount={page.totalCount} onPage={table.setPage} /> : null}
    </section>
  );
}

// a suspension changes the seller's row: the page is asked again
const SELLER_CONTEXT = { additionalTypenames: ['SellerQuality'] };

function SellerRow({ seller }: { seller: Seller }) {
  const [state, setSuspended] = useMutation(SetSellerSuspendedMutation);
  const [error, setError] = useState<ApiError | null>(null);
  const change = async (suspended: boolean) => {
    setError(null);
    const res = await setSuspended({ organizationId: seller.id, suspended }, SELLER_CONTEXT);
    setError(apiErrorFromGraphql(res.error));
  };
  return (
    <tr>
      <th scope="row">
        {seller.name}
        <span className="table__sub-text">
          {seller.emailDomain ? <span>{seller.emailDomain} · </span> : null}
          <span className="mono">{seller.id}</span>
        </span>
      </th>
      <td>
        <Badge tone={qualityTone(seller.qualityScore)}>{String(seller.qualityScore)}</Badge>
      </td>
      <td>{seller.evidenceCount}</td>
      <td>{seller.qualityUpperBound.toFixed(1)}</td>
      <td>{seller.listedLeads}</td>
      <td>{seller.batches}</td>
      <td>{seller.failedBatches}</td>
      <td>{seller.suspended ? <Badge tone="bad">Suspended</Badge> : <Badge tone="good">Active</Badge>}</td>
      <td>
        {seller.suspended ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={state.fetching}
            onClick={() => change(false)}
            aria-label={`Unsuspend ${seller.name}`}
          >
            Unsuspend
          </button>
        ) : (
          <ConfirmButton
            label="Suspend"
            ariaLabel={`Suspend ${seller.name}`}
            question={`Suspend ${seller.name}? Their leads leave the market.`}
            confirmLabel="Yes, suspend"
            busy={state.fetching}
            onConfirm={() => change(true)}
          />
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function PolicyTable() {
  const [result, reexecute] = useQuery({ query: SegmentPoliciesQuery });
  const segments = result.data?.segments;
  const error = apiErrorFromGraphql(result.error);
  if (!segments) {
    return error ? (
      <div>
        <ErrorMessage error={error} title="Segments could not be loaded" />
        <button type="button" className="button button--secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </div>
    ) : (
      <Loading label="Loading segments…" />
    );
  }
  return (
    <TableWrap label="Verification policy per segment">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Spot-check by</th>
            <th scope="col">Failed batch</th>
            <th scope="col">Failure threshold</th>
            <th scope="col">
              <span className="visually-hidden">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <PolicyRow key={s.code} policy={s} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PolicyRow({ policy }: { policy: Policy }) {
  const [provider, setProvider] = useState<VerificationProvider>(policy.verificationProvider);
  const [failed, setFailed] = useState<FailedBatchPolicy>(policy.failedBatchPolicy);
  const [threshold, setThreshold] = useState(() => rateToPercent(policy.failureThreshold));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [state, save] = useMutation(SetSegmentPolicyMutation);
  const id = `policy-${policy.code}`;
  const dirty = provider !== policy.verificationProvider || failed !== policy.failedBatchPolicy || threshold.trim() !== rateToPercent(policy.failureThreshold);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus(null);
    const rate = percentToRate(threshold);
    if (rate === null) return setFieldError('A percentage from 0 to 100, at most 2 decimals.');
    setFieldError(null);
    const res = await save({ segment: policy.code, verificationProvider: provider, failedBatchPolicy: failed, failureThreshold: rate });
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) {
      setError(apiError);
      setFieldError(placeApiErrors(apiError, ['failureThreshold']).byField.failureThreshold ?? null);
      return;
    }
    setStatus('Saved.');
  };

  return (
    <tr>
      <th scope="row">{policy.name}</th>
      <td>
        <label htmlFor={`${id}-provider`} className="visually-hidden">{`Spot-check provider for ${policy.name}`}</label>
        <select
          id={`${id}-provider`}
          form={id}
          value={provider}
          onChange={(e) => {
            setProvider(e.target.value as VerificationProvider);
            setStatus(null);
          }}
        >
          <option value="automatic">Automatic checks</option>
          <option value="manual">Operator calls</option>
        </select>
      </td>
      <td>
        <label htmlFor={`${id}-failed`} className="visually-hidden">{`Failed batch policy for ${policy.name}`}</label>
        <select
          id={`${id}-failed`}
          form={id}
          value={failed}
          onChange={(e) => {
            setFailed(e.target.value as FailedBatchPolicy);
            setStatus(null);
          }}
        >
          <option value="DISCOUNT">List unverified, discounted</option>
          <option value="REJECT">Reject the batch</option>
        </select>
      </td>
      <td>
        <label htmlFor={`${id}-threshold`} className="visually-hidden">{`Failure threshold for ${policy.name} (%)`}</label>
        <span className="inline-form">
          <input
            id={`${id}-threshold`}
            form={id}
            className="cell-input"
            inputMode="decimal"
            value={threshold}
            onChange={(e) => {
              setThreshold(e.target.value);
              setStatus(null);
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-error` : undefined}
          />
          <span aria-hidden="true">%</span>
        </span>
        {fieldError ? (
          <p id={`${id}-error`} className="field__error">
            {fieldError}
          </p>
        ) : null}
      </td>
      <td>
        <form id={id} className="inline-form" onSubmit={submit} noValidate aria-label={`Verification policy for ${policy.name}`}>
          <button type="submit" className="button button--small" disabled={state.fetching || !dirty} aria-label={`Save policy for ${policy.name}`}>
            {state.fetching ? 'Saving…' : 'Save'}
          </button>
          <span className="muted" role="status">
            {status}
          </span>
        </form>
        <ErrorMessage error={error && !fieldError ? error : null} />
      </td>
    </tr>
  );
}
