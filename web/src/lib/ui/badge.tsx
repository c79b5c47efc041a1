// Small coloured labels for statuses, verification and quality.
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

export function qualityTone(score: number): BadgeTone {
  if (score >= 80) return 'good';
  if (score >= 60) return 'info';
  if (score >= 40) return 'warn';
  return 'bad';
}
