// A purchased lead's contact: phone in the lead's national format (dialled and copied as E.164), an e-mail that
// may break before its @, social link and best time to call.
import { useState } from 'react';
import { displayPhone, emailParts } from './phone-format';

export interface ContactValue {
  fullName: string;
  phone?: string | null;
  email?: string | null;
  socialUrl?: string | null;
  preferredContactTime?: string | null;
}

export function ContactDetails({ contact, country }: { contact: ContactValue; country: string }) {
  return (
    <dl className="contact" aria-label="Contact">
      <div>
        <dt>Name</dt>
        <dd>{contact.fullName}</dd>
      </div>
      {contact.phone ? (
        <div>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${contact.phone}`}>{displayPhone(contact.phone, country)}</a>{' '}
            <CopyButton value={contact.phone} label={`Copy phone ${contact.phone}`} />
          </dd>
        </div>
      ) : null}
      {contact.email ? (
        <div>
          <dt>E-mail</dt>
          <dd className="contact__email">
            <a href={`mailto:${contact.email}`} aria-label={contact.email}>
              {emailParts(contact.email)[0]}
              <wbr />
              {emailParts(contact.email)[1]}
            </a>
          </dd>
        </div>
      ) : null}
      {contact.socialUrl ? (
        <div>
          <dt>Social</dt>
          <dd className="contact__email">
            <a href={contact.socialUrl} rel="noreferrer noopener" target="_blank">
              {contact.socialUrl}
            </a>
          </dd>
        </div>
      ) : null}
      {contact.preferredContactTime ? (
        <div>
          <dt>Best time</dt>
          <dd>{contact.preferredContactTime}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button button--ghost button--small" aria-label={label} onClick={() => void copy()}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
