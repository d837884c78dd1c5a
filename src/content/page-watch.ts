/**
 * Notices when the page shows a different article without a page load
 * (zaobao.com.sg is a single-page app) and when a body is swapped in late
 * (paywalled pages fill the article after load).
 */

/** Calls `onChange(newUrl)` when the document's URL changes without a load, until `signal` aborts. */
export function watchUrl(onChange: (url: string) => void, signal: AbortSignal): void {
  // A jump to #comments is not a new article: compare addresses without the fragment.
  const current = (): string => location.href.split('#')[0]!;
  let last = current();
  const check = (): void => {
    if (current() !== last) {
      last = current();
      onChange(location.href);
    }
  };
  // The Navigation API reports pushState from the page's own scripts; where a
  // browser lacks it, a cheap once-a-second comparison does the same job.
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) {
    nav.addEventListener('currententrychange', check, { signal });
    return;
  }
  const timer = setInterval(check, 1000);
  addEventListener('popstate', check, { signal });
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/**
 * Resolves with `probe()`'s first non-null answer, asked again after each
 * burst of DOM changes, or null after `timeoutMs` or once `signal` aborts.
 */
export function waitForContent<T>(probe: () => T | null, timeoutMs: number, signal: AbortSignal, quietMs = 250): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  const first = probe();
  if (first !== null) return Promise.resolve(first);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: T | null): void => {
      observer.disconnect();
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      signal.removeEventListener('abort', stopped);
      resolve(value);
    };
    const stopped = (): void => finish(null);
    signal.addEventListener('abort', stopped, { once: true });
    const observer = new MutationObserver(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const value = probe();
        if (value !== null) finish(value);
      }, quietMs);
    });
    const deadline = setTimeout(() => finish(probe()), timeoutMs);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  });
}
