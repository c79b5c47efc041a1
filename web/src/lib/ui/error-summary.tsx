// A form's error summary: every problem at once, in the order of the form's fields, each a link that moves
// focus to its field. `useFocusFirstError` moves focus to the first invalid field after a failed submit.
import { useEffect, useState, type RefObject } from 'react';

/** The form control an error key names: inputs carry the key as their `name`. */
function controlOf(form: HTMLFormElement | null, key: string): HTMLElement | null {
  return (form?.querySelector(`[name="${key.replace(/["\\]/g, '\\$&')}"]`) as HTMLElement | null) ?? null;
}

/** The keys in the order their controls appear in the form; keys without a control go last. */
export function inFormOrder(form: HTMLFormElement | null, keys: readonly string[]): string[] {
  const placed = keys.map((key) => ({ key, el: controlOf(form, key) }));
  return placed
    .sort((a, b) => {
      if (!a.el || !b.el) return a.el ? -1 : b.el ? 1 : 0;
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    })
    .map((p) => p.key);
}

export function ErrorSummary({ form, errors }: { form: RefObject<HTMLFormElement | null>; errors: Record<string, string> }) {
  const keys = inFormOrder(form.current, Object.keys(errors));
  if (!keys.length) return null;
  return (
    // a region, not an alert: focus moves to the first invalid field, which reads out its own error
    <section className="alert alert--error" aria-labelledby="error-summary-title">
      <p id="error-summary-title" className="alert__title">
        {keys.length === 1 ? 'Fix 1 field to continue' : `Fix ${keys.length} fields to continue`}
      </p>
      <ul>
        {keys.map((key) => (
          <li key={key}>
            <a
              href={`#${controlOf(form.current, key)?.id ?? ''}`}
              onClick={(e) => {
                e.preventDefault();
                controlOf(form.current, key)?.focus();
              }}
            >
              {errors[key]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Call `request()` after a failed submit: once the errors have rendered, the first invalid field takes focus. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>): () => void {
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!asked) return;
    (form.current?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }, [asked, form]);
  return () => setAsked((n) => n + 1);
}
