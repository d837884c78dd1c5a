/**
 * The content script's lifetime in one page. Chromium leaves a content script running after
 * its extension was reloaded, updated or removed, cut off from the background (`runtime.id`
 * is gone and every request fails). Such a script must let the page go: everything Jiedu
 * hangs on the page (listeners, observers, timers) takes the session's signal, and what it
 * drew (pinyin, marks, a card) comes off when the session ends, so the page is as its site
 * served it until it is reloaded with the extension's new version.
 *
 * Firefox unloads a content script together with its extension; there the session ends only
 * with the page.
 */
import browser from 'webextension-polyfill';

export interface ContentSession {
  /** Aborted when the session ends. */
  readonly signal: AbortSignal;
  /** Calls `fn` once when the session ends (at once if it has). */
  onEnd(fn: () => void): void;
  /** Ends the session when the extension is gone; true when it has ended. */
  check(): boolean;
}

/** The extension this script came with is no longer there (reloaded, updated or removed). */
function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/**
 * Starts the session. The extension's absence is noticed when the reader comes back to the
 * page or acts in it (a click, a key, Alt pressed to look up by hovering): a listener on the window in the
 * capture phase runs before any of the page's or Jiedu's own, so a click on a word of a page
 * left behind does nothing but take Jiedu's drawing off.
 */
export function startSession(gone: () => boolean = extensionGone): ContentSession {
  const controller = new AbortController();
  const { signal } = controller;
  const check = (): boolean => {
    if (!signal.aborted && gone()) controller.abort();
    return signal.aborted;
  };
  const options = { capture: true, passive: true, signal };
  // Not on mousemove: a property read per move is work on a hot path, and Alt-hover begins with Alt's keydown.
  for (const type of ['click', 'keydown', 'focus'] as const) addEventListener(type, check, options);
  document.addEventListener('visibilitychange', check, options);
  return {
    signal,
    onEnd(fn) {
      if (signal.aborted) fn();
      else signal.addEventListener('abort', fn, { once: true });
    },
    check,
  };
}
