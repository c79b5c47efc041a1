// Whether the window is wide enough for the marketplace table (false where matchMedia is missing, e.g. jsdom).
import { useEffect, useState } from 'react';

const WIDE = '(min-width: 900px)';

export function useWideScreen(): boolean {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(WIDE) : null;
  const [wide, setWide] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setWide(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return wide;
}
