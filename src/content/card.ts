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
  all: initial; box-sizing: border-box; display: block; width: min(360px, calc(100vw - 16px)); max-height: min(440px, calc(100vh - 16px)); overflow: auto;
  background: #ffffff; color: #1d2327; border: 1px solid #c9d0d5; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; padding: 12px 14px;
}
.card * { box-sizing: border-box; color: inherit; font: inherit; text-decoration: none; text-shadow: none; letter-spacing: normal; }
.head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; margin: 0 0 2px; }
.word { font-size: 22px; font-weight: 600; color: #1d2327; }
.trad { color: #5f6b73; font-size: 15px; }
.pinyin { color: #b3261e; font-size: 15px; }
.english { font-weight: 600; margin: 4px 0; display: block; }
.alt, .muted { color: #5f6b73; font-size: 12px; display: block; }
.explain { margin: 6px 0; display: block; }
.chip { display: inline-block; font-size: 11px; color: #5f6b73; border: 1px solid #d9dee2; border-radius: 999px; padding: 0 8px; }
.section { border-top: 1px solid #e6e9ec; margin-top: 8px; padding-top: 8px; display: block; }
.section-title { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5f6b73; display: block; margin-bottom: 4px; }
.cite { display: block; margin: 4px 0; font-size: 13px; }
.cite-title { color: #5f6b73; font-size: 12px; display: block; }
mark { background: #fde7c3; color: inherit; padding: 0 1px; border-radius: 2px; }
ol { margin: 0; padding-left: 18px; display: block; }
li { display: list-item; margin: 2px 0; }
.match + .match { border-top: 1px solid #e6e9ec; margin-top: 8px; padding-top: 8px; }
.match { display: block; }
.reading { display: block; margin-top: 6px; }
.reading .head .chip { font-size: 11px; }
details.reading { display: block; }
summary.head { cursor: pointer; list-style: none; border-radius: 4px; }
summary.head::-webkit-details-marker { display: none; }
summary.head::before { content: "▸"; color: #5f6b73; width: 10px; }
details[open] > summary.head::before { content: "▾"; }
summary.head:focus-visible { outline: 2px solid #1b5e9f; outline-offset: 2px; }
.gist { color: #5f6b73; font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 220px; }
li.quiet { color: #5f6b73; font-size: 12px; }
.badge { background: #b3261e; color: #fff; border-radius: 4px; font-size: 11px; padding: 0 6px; }
.actions { display: flex; gap: 8px; margin-top: 10px; flex-wrap: wrap; }
button {
  cursor: pointer; border: 1px solid #c9d0d5; background: #fff; color: #1d2327; border-radius: 6px; padding: 4px 10px; font-size: 13px; line-height: 1.4;
}
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; }
button:focus-visible { outline: 2px solid #1b5e9f; outline-offset: 2px; }
button:disabled { opacity: .6; cursor: default; }
.status { color: #1b7f3b; font-size: 12px; display: block; margin-top: 6px; min-height: 1em; }
`;

export interface CardHost {
  /** Opens the card beside `anchor`, filled by `fill`; `focus` moves keyboard focus into it. */
  show(anchor: DOMRect, label: string, fill: (body: HTMLElement) => void, focus: boolean): HTMLElement;
  hide(): void;
  readonly open: boolean;
  /** Is the node (an event's composed path) inside the card? */
  contains(event: Event): boolean;
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

export function createCardHost(onHide: () => void): CardHost {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let card: HTMLElement | null = null;
  let anchorRect: DOMRect | null = null;
  // Sections that load after the card opens change its height: keep it inside the window.
  const resized = new ResizeObserver(() => {
    if (host && card && anchorRect && !host.hidden) place(host, card, anchorRect);
  });

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
      document.documentElement.appendChild(host);
      resized.observe(card);
    }
    return { host, card };
  };

  const place = (h: HTMLElement, c: HTMLElement, anchor: DOMRect): void => {
    const w = c.offsetWidth || 360;
    const hgt = c.offsetHeight || 200;
    const margin = 8;
    let left = Math.min(Math.max(margin, anchor.left), window.innerWidth - w - margin);
    let top = anchor.bottom + 6;
    if (top + hgt > window.innerHeight - margin && anchor.top - hgt - 6 > margin) top = anchor.top - hgt - 6;
    top = Math.max(margin, Math.min(top, window.innerHeight - hgt - margin));
    left = Math.max(margin, left);
    // Read by :host, whose !important rules a page cannot override.
    h.style.setProperty('--jiedu-x', `${left}px`);
    h.style.setProperty('--jiedu-y', `${top}px`);
  };

  const api: CardHost = {
    show(anchor, label, fill, focus) {
      const { host: h, card: c } = ensure();
      c.replaceChildren();
      c.setAttribute('aria-label', label);
      fill(c);
      h.hidden = false;
      anchorRect = anchor;
      place(h, c, anchor);
      if (focus) (c.querySelector('button') as HTMLElement | null)?.focus();
      return c;
    },
    hide() {
      if (host) host.hidden = true;
      card?.replaceChildren();
      onHide();
    },
    get open() {
      return !!host && host.isConnected && !host.hidden && !!card?.firstChild;
    },
    contains(event) {
      return !!host && event.composedPath().includes(host);
    },
  };
  return api;
}
