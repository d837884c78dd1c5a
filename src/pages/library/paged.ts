/**
 * Rows of a long result fetched from the background in chunks, as the list
 * scrolls to them. A new query drops everything and answers that arrive for
 * an older query are ignored, so fast typing never shows stale rows.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../platform/i18n.ts';

const CHUNK = 100;

export interface Page<T, X> {
  items: T[];
  total: number;
  extra: X;
}

export interface Paged<T, X> {
  total: number | null;
  extra: X | null;
  error: string | null;
  /** The key of the query whose results are shown. */
  shownKey: string | null;
  get(index: number): T | undefined;
  ensure(start: number, end: number): void;
  /** Replace one loaded row (after an edit) without a round trip. */
  patch(index: number, item: T): void;
  reload(): void;
}

export function usePaged<T, X>(key: string, fetchPage: (offset: number, limit: number) => Promise<Page<T, X>>): Paged<T, X> {
  const chunks = useRef(new Map<number, T[] | 'loading'>());
  const generation = useRef(0);
  const [, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [extra, setExtra] = useState<X | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((chunk: number, gen: number, forKey: string) => {
    chunks.current.set(chunk, 'loading');
    fetchRef.current(chunk * CHUNK, CHUNK).then(
      (page) => {
        if (gen !== generation.current) return;
        chunks.current.set(chunk, page.items);
        setTotal(page.total);
        setExtra(page.extra);
        setError(null);
        setShownKey(forKey);
        setVersion((v) => v + 1);
      },
      (err: unknown) => {
        if (gen !== generation.current) return;
        chunks.current.delete(chunk);
        setError(errorText(err));
      },
    );
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    chunks.current = new Map();
    load(0, gen, key);
  }, [key, reloads]);

  return {
    total,
    extra,
    error,
    shownKey,
    get(index) {
      const c = chunks.current.get(Math.floor(index / CHUNK));
      return Array.isArray(c) ? c[index % CHUNK] : undefined;
    },
    ensure(start, end) {
      for (let c = Math.floor(start / CHUNK); c <= Math.floor(Math.max(start, end - 1) / CHUNK); c++) {
        if (!chunks.current.has(c)) load(c, generation.current, key);
      }
    },
    patch(index, item) {
      const c = chunks.current.get(Math.floor(index / CHUNK));
      if (Array.isArray(c)) {
        c[index % CHUNK] = item;
        setVersion((v) => v + 1);
      }
    },
    reload() {
      setReloads((r) => r + 1);
    },
  };
}
