// Buyer: the webhook endpoint every bought lead is POSTed to (its signing secret is shown once, when it is
// set), and the deliveries with every attempt, HTTP status and error; "Redeliver" sends one again, to the current
// endpoint. Replacing or removing the endpoint cancels what was still pending for the old one (CANCELLED).
import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { DeliveryStatus, MyDeliveriesQuery as TMyDeliveries } from '../../gql/graphql';
import { apiErrorFromGraphql, placeApiErrors, type ApiError } from '../../lib/api-errors';
import { enumLabel } from '../../lib/enums';
import { useSegments, segmentName, subsegmentName } from '../../lib/catalog/use-segments';
import { formatDateTime } from '../../lib/format';
import { Badge, type BadgeTone } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../lib/ui/feedback';
import { TextField } from '../../lib/ui/fields';
import { Page } from '../../lib/ui/page';
import { DeliveryAttemptLog } from './DeliveryAttemptLog';
import '../orders/money-pages.css';
import { MyDeliveriesQuery, RedeliverMutation, RemoveWebhookEndpointMutation, SetWebhookEndpointMutation, WebhookEndpointQuery } from './exchange.operations';

type Delivery = TMyDeliveries['myDeliveries'][number];
const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = { DELIVERED: 'good', PENDING: 'info', FAILED: 'bad', CANCELLED: 'neutral' };
export const SIGNATURE_FORMAT = 'Leadex-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>';
/** a new delivery must show up even when the list held none before */
const DELIVERY_CONTEXT = { additionalTypenames: ['Delivery'] };
/** saving or removing the endpoint changes it and cancels pending deliveries: both lists are asked again */
const ENDPOINT_CONTEXT = { additionalTypenames: ['WebhookEndpoint', 'Delivery'] };

export function DeliveriesPage({ pollMs = 5000, maxPolls = 24 }: { pollMs?: number; maxPolls?: number }) {
  return (
    <Page
      title="Deliveries"
      wide
      intro="Every lead you buy — from a campaign or the marketplace — is sent to your webhook endpoint as JSON, signed, and retried for about a day until your server answers 2xx."
    >
      <p>
        Several endpoints — a mapped post to your CRM&apos;s lead form, e-mail, one per campaign — are set up under{' '}
        <Link to="/delivery-endpoints">Delivery endpoints</Link>; the webhook below is your default endpoint.
      </p>
      <EndpointSection />
      <DeliveriesSection pollMs={pollMs} maxPolls={maxPolls} />
    </Page>
  );
}

function EndpointSection() {
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ url: string; secret: string } | null>(null);
  const [saving, setWebhookEndpoint] = useMutation(SetWebhookEndpointMutation);
  const [current] = useQuery({ query: WebhookEndpointQuery, context: ENDPOINT_CONTEXT });
  const [removing, removeWebhookEndpoint] = useMutation(RemoveWebhookEndpointMutation);
  const [removed, setRemoved] = useState(false);
  const endpoint = current.data?.webhookEndpoint ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const trimmed = url.trim();
    if (!/^https?:\/\/\S+$/i.test(trimmed)) return setUrlError('An http(s) URL, e.g. https://crm.example.com/leadex-webhook');
    setUrlError(null);
    setRemoved(false);
    const res = await setWebhookEndpoint({ url: trimmed }, ENDPOINT_CONTEXT);
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError || !res.data) {
      setError(apiError);
      setUrlError(placeApiErrors(apiError, ['url']).byField.url ?? null);
      return;
    }
    const created = res.data.setWebhookEndpoint;
    setSaved({ url: created.url, secret: created.secret ?? '' });
  };

  const remove = async () => {
    setError(null);
    setSaved(null);
    const res = await removeWebhookEndpoint({}, ENDPOINT_CONTEXT);
    const apiError = apiErrorFromGraphql(res.error);
    if (apiError) return setError(apiError);
    setRemoved(true);
  };

  return (
    <section className="card" aria-labelledby="endpoint-title">
      <h2 id="endpoint-title">Webhook endpoint</h2>
      {endpoint ? (
        <div className="copy-row">
          <p>
            Leads go to <span className="mono">{endpoint.url}</span>.
          </p>
          <button type="button" className="button button--secondary button--small" onClick={remove} disabled={removing.fetching}>
            {removing.fetching ? 'Removing…' : 'Remove endpoint'}
          </button>
        </div>
      ) : null}
      {!endpoint && current.data ? (
        <p role="status">
          <Badge tone="warn">No endpoint</Badge> Bought leads are not sent anywhere: they are in <Link to="/purchases">My purchases</Link>. Save a URL below to
          receive them.
        </p>
      ) : null}
      {removed ? (
        <p role="status">Endpoint removed. Deliveries still pending for it were cancelled; new leads are not sent anywhere until you set an endpoint.</p>
      ) : null}
      <p>
        Saving a URL replaces the current endpoint and its signing secret, and cancels deliveries still pending for the old one. It must be a public address
        (https, port 443): private and local network addresses are refused. Each request carries the header:
      </p>
      <pre className="code-block">
        <code>{SIGNATURE_FORMAT}</code>
      </pre>
      <p className="muted">
        Check it by computing HMAC-SHA256 of <code>&lt;t&gt;.&lt;raw body&gt;</code> with your secret, comparing the hex with <code>v1</code>, and rejecting old
        timestamps (e.g. over 5 minutes). Deduplicate on the body’s <code>id</code>.
      </p>
      <form className="form form--inline" onSubmit={submit} noValidate aria-label="Webhook endpoint">
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://crm.example.com/leadex-webhook"
          value={url}
          onChange={(e) => {
            setUrl(e.target.value);
            setUrlError(null);
          }}
          error={urlError}
          maxLength={2000}
        />
        <button type="submit" className="button" disabled={saving.fetching}>
          {saving.fetching ? 'Saving…' : 'Save endpoint'}
        </button>
      </form>
      <ErrorMessage error={error && !urlError ? error : null} title="The endpoint was not changed" />
      {saved ? <NewSecret url={saved.url} secret={saved.secret} onDone={() => setSaved(null)} /> : null}
    </section>
  );
}

/** A new endpoint's signing secret, shown once with a copy button (also used by the delivery endpoints page). */
export function NewSecret({ url, secret, onDone, title = 'Endpoint saved' }: { url: string; secret: string; onDone: () => void; title?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <SuccessMessage>
      <p className="alert__title">{title}</p>
      <p>
        Leads now go to <span className="mono">{url}</span>. Copy the signing secret now: it is shown only this once.
      </p>
      <div className="copy-row">
        <label htmlFor="webhook-secret" className="visually-hidden">
          Signing secret
        </label>
        <input id="webhook-secret" className="mono" readOnly value={secret} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy secret
        </button>
      </div>
      <p aria-live="polite" className="muted">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed; select the secret and copy it by hand.' : ''}
      </p>
      <button type="button" className="button button--ghost" onClick={onDone}>
        I have stored the secret
      </button>
    </SuccessMessage>
  );
}

function DeliveriesSection({ pollMs, maxPolls }: { pollMs: number; maxPolls: number }) {
  const [result, reexecute] = useQuery({ query: MyDeliveriesQuery, context: DELIVERY_CONTEXT });
  const [redelivery, redeliver] = useMutation(RedeliverMutation);
  const [redeliverError, setRedeliverError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [polls, setPolls] = useState(0);
  const list = result.data?.myDeliveries;
  const error = apiErrorFromGraphql(result.error);

  // while something is on its way, look again now and then (retries back off for a day, so not forever)
  const pending = !!list?.some((d) => d.status === 'PENDING');
  useEffect(() => {
    if (!pending || polls >= maxPolls || result.fetching) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      reexecute({ requestPolicy: 'network-only' });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [pending, polls, maxPolls, pollMs, result.fetching, result.data, reexecute]);

  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const send = async (id: string) => {
    setRedeliverError(null);
    const res = await redeliver({ deliveryId: id }, DELIVERY_CONTEXT);
    setRedeliverError(apiErrorFromGraphql(res.error));
    setPolls(0);
  };

  return (
    <section aria-labelledby="deliveries-title">
      <div className="section-header">
        <h2 id="deliveries-title">Deliveries</h2>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
          disabled={result.fetching}
        >
          Refresh
        </button>
      </div>
      <ErrorMessage error={redeliverError} title="The delivery was not sent again" />
      {!list ? (
        error ? (
          <ErrorMessage error={error} title="Deliveries could not be loaded" />
        ) : (
          <Loading label="Loading deliveries…" />
        )
      ) : list.length === 0 ? (
        <EmptyState title="No deliveries yet.">Once an endpoint is set, each lead you buy is sent to it and listed here.</EmptyState>
      ) : (
        <div className="table-wrap">
          {/* explicit roles: on phones the rows are stacked (display: grid), which would otherwise drop the table semantics */}
          <table className="table table--stack deliveries" role="table">
            <caption>{list.length === 1 ? '1 delivery' : `${list.length} deliveries`}, newest first</caption>
            <thead role="rowgroup">
              <tr role="row">
                {['Status', 'Last result', 'Attempts', 'Created', 'Delivered', 'Next retry', 'Lead'].map((h) => (
                  <th key={h} scope="col" role="columnheader" className={h === 'Attempts' ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
                <th scope="col" role="columnheader">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {list.map((d) => (
                <DeliveryRows
                  key={d.id}
                  delivery={d}
                  expanded={open.has(d.id)}
                  onToggle={() => toggle(d.id)}
                  onRedeliver={() => send(d.id)}
                  busy={redelivery.fetching && redelivery.operation?.variables.deliveryId === d.id}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function lastResult(d: Pick<Delivery, 'lastStatus' | 'lastError'>): string {
  // the API's error is a short phrase that already names a non-2xx status ("refused by the endpoint: HTTP 500")
  if (d.lastError) return d.lastError;
  return d.lastStatus != null ? `HTTP ${d.lastStatus}` : '—';
}

function DeliveryRows({
  delivery: d,
  expanded,
  onToggle,
  onRedeliver,
  busy,
}: {
  delivery: Delivery;
  expanded: boolean;
  onToggle: () => void;
  onRedeliver: () => void;
  busy: boolean;
}) {
  const logId = `attempts-${d.id}`;
  const { segments } = useSegments();
  const sub = subsegmentName(segments, d.lead.segment, d.lead.subsegment);
  const leadWords = `${segmentName(segments, d.lead.segment)}${sub ? ` · ${sub}` : ''}, ${[d.lead.city, d.lead.region, d.lead.country].filter(Boolean).join(', ')}`;
  return (
    <Fragment>
      <tr role="row">
        <td role="cell" data-label="Status">
          <Badge tone={STATUS_TONE[d.status]}>{enumLabel(d.status)}</Badge>
        </td>
        <td role="cell" data-label="Last result">
          {lastResult(d)}
        </td>
        <td role="cell" data-label="Attempts" className="num">
          {d.attempts}
        </td>
        <td role="cell" data-label="Created">
          {formatDateTime(d.createdAt)}
        </td>
        <td role="cell" data-label="Delivered">
          {d.deliveredAt ? formatDateTime(d.deliveredAt) : '—'}
        </td>
        <td role="cell" data-label="Next retry">
          {d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}
        </td>
        <td role="cell" data-label="Lead" className="table__wide">
          {leadWords}
          <span className="table__sub-text mono">{d.lead.id}</span>
        </td>
        <td role="cell" className="table__wide">
          <div className="listing__actions">
            <button
              type="button"
              className="button button--ghost button--small"
              aria-expanded={expanded}
              aria-controls={logId}
              onClick={onToggle}
              aria-label={`${expanded ? 'Hide' : 'Show'} attempts of delivery ${d.id}`}
              disabled={!d.attemptLog.length}
            >
              {expanded ? 'Hide attempts' : `Attempts (${d.attemptLog.length})`}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={onRedeliver} disabled={busy} aria-label={`Redeliver ${d.id}`}>
              {busy ? 'Sending…' : 'Redeliver'}
            </button>
          </div>
        </td>
      </tr>
      {expanded ? (
        <tr id={logId} role="row" className="deliveries__log">
          <td role="cell" colSpan={8} className="table__wide">
            <DeliveryAttemptLog attempts={d.attemptLog} label={`Attempts of delivery ${d.id}`} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
