// Search box and pager for the server-searched, offset-paged tables. The search and the page live in the URL
// (`?q=…&page=2`), so a table can be linked to and the back button works; the search applies as it is typed.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

const SEARCH_DELAY_MS = 300;

export interface TableParams {
  search: string;
  /** 1-based */
  page: number;
  offset: number;
  first: number;
  setSearch: (search: string) => void;
  setPage: (page: number) => void;
}

export function useTableParams(first: number): TableParams {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const raw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const update = (change: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return {
    search,
    page,
    offset: (page - 1) * first,
    first,
    setSearch: (q) => update({ q: q.trim() || null, page: null }),
    setPage: (p) => update({ page: p > 1 ? String(p) : null }),
  };
}

export function SearchBox({ label, hint, value, onSearch }: { label: string; hint?: string; value: string; onSearch: (s: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // onSearch is a new function each render; the text is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, value]);
  const id = `search-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <form
      role="search"
      className="field table-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
    </form>
  );
}

export function Pager({
  label,
  page,
  first,
  totalCount,
  onPage,
}: {
  label: string;
  page: number;
  first: number;
  totalCount: number;
  onPage: (p: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(totalCount / first));
  const from = totalCount ? (page - 1) * first + 1 : 0;
  const to = Math.min(totalCount, page * first);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <p className="pager__status" role="status">
        {totalCount ? `${from.toLocaleString()}–${to.toLocaleString()} of ${totalCount.toLocaleString()}` : 'No matches'}
        {pages > 1 ? ` · page ${page} of ${pages}` : ''}
      </p>
      {pages > 1 ? (
        <span className="pager__buttons">
          <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            Previous page
          </button>
          <button type="button" className="button button--secondary button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            Next page
          </button>
        </span>
      ) : null}
    </nav>
  );
}
