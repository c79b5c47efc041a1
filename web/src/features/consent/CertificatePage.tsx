// A consent certificate, printable: what the capture script on the seller's form recorded when the person agreed,
// and whether Leadex's signature still covers it. Shown to the lead's seller, its buyers and operators (the API decides).
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { apiErrorFromGraphql } from '../../lib/api-errors';
import { Badge } from '../../lib/ui/badge';
import { EmptyState, ErrorMessage, Loading } from '../../lib/ui/feedback';
import { Page } from '../../lib/ui/page';
import { CertificateCaptureFacts } from './CertificateCaptureFacts';
import { ConsentCertificateQuery } from './consent.operations';

export function CertificatePage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: ConsentCertificateQuery, variables: { id } });
  const error = apiErrorFromGraphql(result.error);
  const certificate = result.data?.consentCertificate;

  const print = (
    <button type="button" className="button no-print" onClick={() => window.print()} disabled={!certificate}>
      Print
    </button>
  );

  return (
    <Page title="Consent certificate" intro="Recorded on the seller’s form when the person agreed, and signed by Leadex at capture." actions={print}>
      {result.fetching && !result.data ? (
        <Loading label="Loading the certificate…" />
      ) : error ? (
        <ErrorMessage error={error} title="The certificate could not be loaded" />
      ) : !certificate ? (
        <EmptyState title="No certificate to show.">There is no certificate with this id that you may read.</EmptyState>
      ) : (
        <article className="certificate" aria-label="Certificate">
          <p>
            {certificate.verified ? <Badge tone="good">Signature verified</Badge> : <Badge tone="bad">Not verified</Badge>}{' '}
            <span className="muted">
              {certificate.verified
                ? 'These facts are exactly what was recorded at capture.'
                : 'The stored facts no longer match Leadex’s signature: they were altered after capture.'}
            </span>
          </p>
          <dl className="contact">
            <div>
              <dt>Certificate</dt>
              <dd className="mono">{certificate.id}</dd>
            </div>
            <div>
              <dt>Page</dt>
              <dd className="mono">{certificate.pageUrl}</dd>
            </div>
            <div>
              <dt>Page title</dt>
              <dd>{certificate.pageTitle ?? 'none'}</dd>
            </div>
            <div>
              <dt>Consent text shown</dt>
              <dd>
                <q>{certificate.consentText}</q>
              </dd>
            </div>
            <CertificateCaptureFacts certificate={certificate} withKeystrokes />
          </dl>
        </article>
      )}
    </Page>
  );
}
