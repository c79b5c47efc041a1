// Beside a "never asked to be contacted" dispute: what the seller holds as proof of consent. The consent text as
// sent, and the consent certificate when the lead came with one (the capture script's record, signed by Leadex),
// with a link to its printable page.
import { Link } from 'react-router';
import type { DisputesQueueQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../lib/ui/badge';
import { CertificateCaptureFacts } from '../consent/CertificateCaptureFacts';

type Consent = DisputesQueueQuery['disputes']['edges'][number]['node']['purchase']['lead']['consent'];

export function DisputeConsent({ consent }: { consent: Consent }) {
  const certificate = consent?.certificate;
  return (
    <section className="dispute-consent" aria-label="Consent proof">
      <h4>Consent proof</h4>
      {consent ? (
        <p>
          The seller sent the consent <q>{consent.text}</q>, given {formatDateTime(consent.timestamp)}
          {consent.pageUrl ? ` on ${consent.pageUrl}` : ''}.
        </p>
      ) : (
        <p className="muted">No consent was recorded with this lead (or its contact was erased).</p>
      )}
      {certificate ? (
        <dl className="contact" aria-label="Consent certificate">
          <div>
            <dt>Certificate</dt>
            <dd>
              <Link to={`/certificates/${encodeURIComponent(certificate.id)}`}>{certificate.id}</Link>{' '}
              <Badge tone={certificate.verified ? 'good' : 'bad'}>{certificate.verified ? 'Signature valid' : 'Altered after capture'}</Badge>
            </dd>
          </div>
          <div>
            <dt>Form</dt>
            <dd>{certificate.pageUrl}</dd>
          </div>
          <div>
            <dt>Text shown</dt>
            <dd>
              <q>{certificate.consentText}</q>
            </dd>
          </div>
          <CertificateCaptureFacts certificate={certificate} />
        </dl>
      ) : (
        <p className="muted">No consent certificate came with this lead: the consent text is the seller’s word alone.</p>
      )}
    </section>
  );
}
