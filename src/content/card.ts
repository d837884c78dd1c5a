/**
 * The card that opens over the page (a glossary term, a looked-up word). It
 * lives in a closed shadow root with its own styles (`:host { all: initial
 * !important }` wins over any page rule), so neither the page's CSS nor its
 * scripts can reach it; everything in it is built with createElement and textContent.
 */

const CARD_CSS = `
:host {
  all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important;
  left: var(--jiedu-x, 8px) !important; top: var(--jiedu-y, 8px) !important; margin: 0 !important; transform: none !important;
}
:host([hidden]) { display: none !important; }
.card {
  --ink: light-dark(#1d2327, #e4e7ea); --muted: light-dark(#5b6770, #a4aeb6); --line: light-dark(#c9d0d5, #4a535b);
  --rule: light-dark(#e6e9ec, #353c43); --paper: light-dark(#ffffff, #1f2428); --accent: light-dark(#b3261e, #f28b82);
  --accent-ink: light-dark(#ffffff, #1b1f23); --ok: light-dark(#1b7f3b, #6fcf8e); --focus: light-dark(#1b5e9f, #8ab4f8);
  --mark: light-dark(#fde7c3, #5c4b12);
  color-scheme: light dark;
  all: initial; box-sizing: border-box; display: block; width: min(360px, calc(100vw - 16px)); max-height: var(--jiedu-max-h, min(440px, calc(100vh - 16px))); overflow: auto;
  background: var(--paper); color: var(--ink); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.28);
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; padding: 12px 14px 0;
}
:host([data-theme=light]) .card { color-scheme: light; }
:host([data-theme=dark]) .card { color-scheme: dark; }
.card * { box-sizing: border-box; color: inherit; font: inherit; text-decoration: none; text-shadow: none; letter-spacing: normal; }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin: 0 0 2px; }
.word { font-size: 22px; font-weight: 600; color: var(--ink); }
.trad { color: var(--muted); font-size: 15px; }
.pinyin { color: var(--accent); font-size: 15px; }
.english { font-weight: 600; margin: 4px 0; display: block; }
.alt, .muted { color: var(--muted); font-size: 12px; display: block; }
.explain { margin: 6px 0; display: block; }
.chip { display: inline-block; font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 8px; }
.section { border-top: 1px solid var(--rule); margin-top: 8px; padding-top: 8px; display: block; }
.section-title { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); display: block; margin-bottom: 4px; }
.cite { display: block; margin: 4px 0; font-size: 13px; }
a.cite { text-decoration: underline; color: var(--focus); }
.cite-title { color: var(--muted); font-size: 12px; display: block; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
ol { margin: 0; padding-left: 18px; display: block; }
li { display: list-item; margin: 2px 0; }
.match + .match { border-top: 1px solid var(--rule); margin-top: 8px; padding-top: 8px; }
.match { display: block; }
.reading { display: block; margin-top: 6px; }
.reading .head .chip { font-size: 11px; }
details.reading { display: block; }
summary.head { cursor: pointer; list-style: none; border-radius: 4px; }
summary.head::-webkit-details-marker { display: none; }
summary.head::before { content: "▸"; color: var(--muted); width: 10px; }
details[open] > summary.head::before { content: "▾"; }
summary.head:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.gist { color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 220px; }
li.quiet { color: var(--muted); font-size: 12px; }
.badge { background: var(--accent); color: var(--accent-ink); border-radius: 4px; font-size: 11px; padding: 0 6px; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
/* The card's own actions stay in view at its bottom edge while its body scrolls. */
.actions.sticky { position: sticky; bottom: 0; background: var(--paper); padding: 8px 0 12px; margin-top: 6px; border-top: 1px solid var(--rule); }
button {
  cursor: pointer; border: 1px solid var(--line); background: var(--paper); color: var(--ink); border-radius: 6px; padding: 4px 10px; font-size: 13px; line-height: 1.4;
}
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
button.link { border: none; background: none; padding: 0; color: var(--focus); text-decoration: underline; font-size: 12px; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button:disabled { opacity: .6; cursor: default; }
.status { color: var(--ok); font-size: 12px; display: block; min-height: 1em; }
.status:empty { display: none; }
.actions .status { flex-basis: 100%; }
`;

/** Where a card's word is on screen now: read again whenever the page scrolls or resizes. */
type Anchor = () => DOMRect;

export interface CardHost {
  /** Opens the card beside `anchor`, filled by `fill`; `focus` moves keyboard focus into it. */
  show(anchor: Anchor, label: string, fill: (body: HTMLElement) => void, focus: boolean): HTMLElement;
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

/** Small builder: an element with a class and text, never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `sentence` with each occurrence of `term` in a <mark>, as text nodes. */
export function highlighted(sentence: string, term: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (let i = term ? sentence.indexOf(term) : -1; i !== -1; i = sentence.indexOf(term, at)) {
    if (i > at) frag.append(sentence.slice(at, i));
    frag.append(el('mark', undefined, term));
    at = i + term.length;
  }
  if (at < sentence.length) frag.append(sentence.slice(at));
  return frag;
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
      // Closed: the card shows the reader's saved articles, which the page's scripts must not read.
      shadow = host.attachShadow({ mode: 'closed' });
      // Visible only in this extension's isolated world, for the browser tests; not in production builds.
      if (typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__) (globalThis as { jieduCardRoot?: ShadowRoot }).jieduCardRoot = shadow;
      const style = document.createElement('style');
      style.textContent = CARD_CSS;
      card = el('div', 'card');
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
    show(where, label, fill, focus) {
      const { host: h, card: c } = ensure();
      c.replaceChildren();
      c.setAttribute('aria-label', label);
      fill(c);
      listen(true);
      h.hidden = false;
      anchor = where;
      place();
      c.scrollTop = 0;
      if (focus) (c.querySelector('button, summary, a[href]') as HTMLElement | null)?.focus({ preventScroll: true });
      return c;
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
