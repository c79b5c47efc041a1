// How the form was filled in, as a certificate recorded it: time on page, how the phone and e-mail were entered and
// when it was issued — rows of a <dl>, shared by the certificate page and the operator's dispute card.
import { formatDateTime } from '../../lib/format';
import { durationInWords, entryInWords } from './certificate-format';

interface Facts {
  timeOnPageMs: number;
  keystrokeToSubmitMs?: number | null;
  phoneEntry: string;
  emailEntry: string;
  issuedAt: string;
}

/** The rows; `keystrokeToSubmitMs` is shown only when the caller asked for it (the certificate page does). */
export function CertificateCaptureFacts({ certificate, withKeystrokes = false }: { certificate: Facts; withKeystrokes?: boolean }) {
  return (
    <>
      <div>
        <dt>Time on page</dt>
        <dd>{durationInWords(certificate.timeOnPageMs)}</dd>
      </div>
      {withKeystrokes ? (
        <div>
          <dt>First keystroke to submit</dt>
          <dd>{durationInWords(certificate.keystrokeToSubmitMs)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Phone</dt>
        <dd>{entryInWords(certificate.phoneEntry)}</dd>
      </div>
      <div>
        <dt>E-mail</dt>
        <dd>{entryInWords(certificate.emailEntry)}</dd>
      </div>
      <div>
        <dt>Issued</dt>
        <dd>{formatDateTime(certificate.issuedAt)}</dd>
      </div>
    </>
  );
}
