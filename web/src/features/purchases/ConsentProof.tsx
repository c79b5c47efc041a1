// What the person agreed to when the seller captured the contact: the text, when, from which IP and on which page.
// Shown with the contact, to the buyer who paid for it (the API decides and audits the read).
import { Link } from 'react-router';
import type { MyPurchasesQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

type Consent = MyPurchasesQuery['myPurchases']['edges'][number]['node']['lead']['consent'];

export function ConsentProof({ consent }: { consent: Consent }) {
  if (!consent) return null;
  return (
    <dl className="contact" aria-label="Consent">
      <div>
        <dt>Consent</dt>
        <dd>
          <q>{consent.text}</q>
        </dd>
      </div>
      <div>
        <dt>Given</dt>
        <dd>{formatDateTime(consent.timestamp)}</dd>
      </div>
      {consent.ip ? (
        <div>
          <dt>From IP</dt>
          <dd className="mono">{consent.ip}</dd>
        </div>
      ) : null}
      {consent.pageUrl ? (
        <div>
          <dt>On page</dt>
          <dd>
            <a href={consent.pageUrl} rel="noreferrer noopener nofollow" target="_blank">
              {consent.pageUrl}
            </a>
          </dd>
        </div>
      ) : null}
      {consent.certificate ? (
        <div>
          <dt>Certificate</dt>
          <dd>
            <Link to={`/certificates/${encodeURIComponent(consent.certificate.id)}`}>Consent certificate</Link>
            {consent.certificate.verified ? null : <span className="muted"> (not verified)</span>}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
