// A destructive action that asks first, inline (no window.confirm): the first click shows the question
// with "confirm" and "cancel" buttons.
import { useId, useState } from 'react';

export interface ConfirmButtonProps {
  /** the action's name, e.g. "Withdraw" */
  label: string;
  /** accessible name of the first button when the label alone is ambiguous, e.g. "Withdraw lead lead_01…" */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  busy?: boolean;
  disabled?: boolean;
}

export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, busy, disabled }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking) {
    return (
      <button type="button" className="button button--secondary" aria-label={ariaLabel} disabled={disabled || busy} onClick={() => setAsking(true)}>
        {busy ? `${label}…` : label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-labelledby={`${id}-question`}>
      <span id={`${id}-question`} className="confirm__question">
        {question}
      </span>
      <button
        type="button"
        className="button button--danger"
        // the button that was clicked is gone: move focus to the answer that replaced it
        autoFocus
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
