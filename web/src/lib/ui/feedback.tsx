// Loading, empty and error states, and the error summary at the top of a form.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api-errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status status--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
    </div>
  );
}

/** An API error as an alert; UNAUTHENTICATED gets a way to sign in again. */
export function ErrorMessage({ error, title, details = [] }: { error: ApiError | string | null | undefined; title?: string; details?: string[] }) {
  if (!error && !details.length) return null;
  const message = typeof error === 'string' ? error : error?.message;
  const code = typeof error === 'string' ? null : error?.code;
  return (
    <div className="alert alert--error" role="alert">
      {title ? <p className="alert__title">{title}</p> : null}
      {message ? <p>{message}</p> : null}
      {details.length ? (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {code === 'UNAUTHENTICATED' ? (
        <p>
          <Link to="/sign-in">Sign in again</Link>
        </p>
      ) : null}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
