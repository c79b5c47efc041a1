// The frame of a page: its heading (the document title follows it) and an optional intro line.
import { useEffect, type ReactNode } from 'react';

export function Page({
  title,
  intro,
  actions,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  useEffect(() => {
    document.title = `${title} · Leadex`;
  }, [title]);
  return (
    <section className={`page${wide ? ' page--wide' : ''}`} aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title">{title}</h1>
          {intro ? <p className="page__intro">{intro}</p> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}
