// Relay "Load more": the list is rendered as one query per page, each with the `after` cursor of the
// page before. Every page stays a live query, so cache invalidation after a mutation refreshes all of them.
import { useCallback, useState } from 'react';

export function usePageCursors(): { cursors: (string | null)[]; loadMore: (endCursor: string) => void } {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const loadMore = useCallback((endCursor: string) => {
    setCursors((current) => (current.includes(endCursor) ? current : [...current, endCursor]));
  }, []);
  return { cursors, loadMore };
}
