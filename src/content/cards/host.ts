/**
 * The card that opens over the page (a glossary term, a looked-up word). It
 * lives in a closed shadow root with its own styles (`:host { all: initial
 * !important }` wins over any page rule), so neither the page's CSS nor its
 * scripts can reach it. What it shows is built as elements (see card-parts.tsx), page text
 * always as text nodes.
 */
import { CARD_CSS } from './card-style.ts';

/** Where a card's word is on screen now: read again whenever the page scrolls or resizes. */
type Anchor = () => DOMRect;

export interface CardHost {
  /** Opens the card beside `anchor`, showing `content`; `focus` moves keyboard focus into it. */
  show(anchor: Anchor, label: string, content: Node, focus: boolean): void;
  hide(): void;
  readonly open: boolean;
  /** Is the node (an event's composed path) inside the card? */
  contains(event: Event): boolean;
  /** The card's box on screen, or null while it is hidden. */
  rect(): DOMRect | null;
  /** Has keyboard focus inside the card? */
  readonly focused: boolean;
  /** Light, dark, or the system's choice (the reader's theme setting). */
  setTheme(theme: 'auto' | 'light' | 'dark'): void;
  /** Closes the card and takes its element out of the page for good. */
  dispose(): void;
}

/** Room kept between the card and the window's edges, and between the card and its word. */
const MARGIN = 8;
const GAP = 6;
/** The card's tallest, when the window has room for it. */
const MAX_HEIGHT = 440;

/**
 * Where a card of natural height `natural` goes beside `word` in a window `vw` × `vh`: below
 * the word when it fits there, else above, else on the side with more room with its height
 * cut to that room (its body then scrolls). It never covers the word.
 */
function placeCard(word: { top: number; bottom: number; left: number }, natural: number, width: number, vw: number, vh: number): { left: number; top: number; maxHeight: number } {
  const want = Math.min(natural, MAX_HEIGHT, vh - 2 * MARGIN);
  const below = vh - word.bottom - GAP - MARGIN;
  const above = word.top - GAP - MARGIN;
  const left = Math.max(MARGIN, Math.min(word.left, vw - width - MARGIN));
  if (want <= below || below >= above) {
    return { left, top: word.bottom + GAP, maxHeight: Math.max(0, Math.min(want, below)) };
  }
  const maxHeight = Math.min(want, above);
  return { left, top: word.top - GAP - maxHeight, maxHeight };
}

export function createCardHost(onHide: (hadFocus: boolean) => void): CardHost {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let card: HTMLElement | null = null;
  let anchor: Anchor | null = null;
  let theme: 'auto' | 'light' | 'dark' = 'auto';
  // Sections that load after the card opens change its height: place it again. The card's own box
  // may not change (its height is capped at what it first needed), so what goes into it is watched too.
  const resized = new ResizeObserver(() => schedule());
  const filled = new MutationObserver(() => schedule());
  // The card stays with its word: re-placed when the page (or any box in it) scrolls, or the window
  // resizes. Browsers send scroll events once a frame at most, so each is answered at once.
  const schedule = (): void => {
    if (host && !host.hidden) place();
  };
  let listening = false;
  const listen = (on: boolean): void => {
    if (listening === on) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', schedule, { capture: true, passive: true } as AddEventListenerOptions);
    window[method]('resize', schedule, { passive: true } as AddEventListenerOptions);
  };

  const ensure = (): { host: HTMLElement; card: HTMLElement } => {
    if (!host || !host.isConnected || !shadow || !card) {
      host = document.createElement('jiedu-card');
      // Closed: the card shows the reader's saved articles, which the page's scripts must not read (the
      // extension's own scripts, and its browser tests, reach it by openOrClosedShadowRoot).
      shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = CARD_CSS;
      card = document.createElement('div');
      card.className = 'card';
      card.setAttribute('role', 'dialog');
      card.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          api.hide();
        }
      });
      shadow.append(style, card);
      if (theme !== 'auto') host.dataset.theme = theme;
      document.documentElement.appendChild(host);
      resized.observe(card);
      filled.observe(card, { childList: true, subtree: true, characterData: true });
    }
    return { host, card };
  };

  const place = (): void => {
    if (!host || !card || !anchor || host.hidden) return;
    const word = anchor();
    // The height the card's content wants, whatever height it is given now.
    const natural = card.scrollHeight + (card.offsetHeight - card.clientHeight);
    const spot = placeCard(word, natural, card.offsetWidth || 360, window.innerWidth, window.innerHeight);
    // Read by :host and .card, whose !important rules a page cannot override.
    host.style.setProperty('--jiedu-x', `${spot.left}px`);
    host.style.setProperty('--jiedu-y', `${spot.top}px`);
    host.style.setProperty('--jiedu-max-h', `${spot.maxHeight}px`);
  };

  const api: CardHost = {
    show(where, label, content, focus) {
      const { host: h, card: c } = ensure();
      c.replaceChildren(content);
      c.setAttribute('aria-label', label);
      listen(true);
      h.hidden = false;
      anchor = where;
      place();
      c.scrollTop = 0;
      if (focus) (c.querySelector('button, summary, a[href]') as HTMLElement | null)?.focus({ preventScroll: true });
    },
    hide() {
      const hadFocus = api.focused;
      if (host) host.hidden = true;
      card?.replaceChildren();
      anchor = null;
      listen(false);
      onHide(hadFocus);
    },
    get open() {
      return !!host && host.isConnected && !host.hidden && !!card?.firstChild;
    },
    contains(event) {
      return !!host && event.composedPath().includes(host);
    },
    rect() {
      return host && !host.hidden && card ? card.getBoundingClientRect() : null;
    },
    get focused() {
      return !!host && document.activeElement === host;
    },
    setTheme(next) {
      theme = next;
      if (!host) return;
      if (next === 'auto') delete host.dataset.theme;
      else host.dataset.theme = next;
    },
    dispose() {
      if (api.open) api.hide();
      listen(false);
      resized.disconnect();
      filled.disconnect();
      host?.remove();
      host = null;
      shadow = null;
      card = null;
    },
  };
  return api;
}
