// Previous / next over a Relay connection: the `after` cursor of every page seen so far, so going back
// asks for the same page again (the API pages forward only).
import { useCallback, useState } from 'react';

export interface CursorPager {
  after: string | null;
  /** 0-based */
  page: number;
  next: (endCursor: string) => void;
  previous: () => void;
}

export function useCursorPager(): CursorPager {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const next = useCallback((endCursor: string) => setStack((s) => [...s, endCursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  return { after: stack.at(-1) ?? null, page: stack.length - 1, next, previous };
}
