/**
 * The one card open over the page and the word it is for: the word highlighted while it is
 * open, a card opened with the mouse closing a moment after the pointer leaves it and its word,
 * and focus that was in the card going back to where the reader was when it closes.
 */
import type { Settings } from '../../core/settings.ts';
import { blockOf } from '../text-at-point.ts';
import { createCardHost } from './host.ts';
import { highlightedWord, highlightWord } from './word-highlight.ts';

/** How long a card opened with the mouse stays after the pointer has left it and its word. */
const LEAVE_MS = 400;
const GAP_PX = 8;

/** Is the pointer on `rect`, or within a few pixels of it (the gap between a word and its card)? */
function near(rect: DOMRect | null, e: MouseEvent, pad = GAP_PX): boolean {
  return !!rect && e.clientX >= rect.left - pad && e.clientX <= rect.right + pad && e.clientY >= rect.top - pad && e.clientY <= rect.bottom + pad;
}

/** A block made focusable (not tabbable) so focus can come back to the text a look-up was made in. */
export function focusableBlock(block: Element): HTMLElement | null {
  if (!(block instanceof HTMLElement)) return null;
  if (block.tabIndex < 0 && !block.hasAttribute('tabindex')) {
    block.setAttribute('tabindex', '-1');
    block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
  }
  return block;
}

export interface OpenCard {
  /** Opens the card for `word` (highlighted in the page while it is open), showing `content`. */
  show(word: Range, label: string, content: Node, how: { focus: boolean; pointer: boolean }): void;
  hide(): void;
  readonly open: boolean;
  /** Has keyboard focus inside the card? */
  readonly focused: boolean;
  /** Did the event happen inside the card? */
  contains(event: Event): boolean;
  /** The marked term whose card is open (or opening), if the card is a term's. */
  term: Element | null;
  /** Where focus goes back to when the card closes, if not to its word. */
  returnFocus: HTMLElement | null;
  dispose(): void;
}

export function createOpenCard(settings: () => Settings, signal: AbortSignal): OpenCard {
  /** The card was opened with the mouse: it closes a moment after the pointer leaves it and its word. */
  let byPointer = false;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  const cards = createCardHost((hadFocus) => {
    // Focus that was in the card goes back to its word (a term), or to the text the word is in,
    // never to the top of the page.
    const term = api.term instanceof HTMLElement ? api.term : null;
    const lost = document.activeElement === document.body || document.activeElement === null;
    const word = highlightedWord();
    const back = hadFocus ? (api.returnFocus ?? term ?? (word ? focusableBlock(blockOf(word.startContainer)) : null)) : lost ? api.returnFocus : null;
    api.term = null;
    api.returnFocus = null;
    byPointer = false;
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    highlightWord(null);
    if (back?.isConnected && !signal.aborted) back.focus({ preventScroll: true });
  });
  cards.setTheme(settings().theme);

  document.addEventListener(
    'mousemove',
    (e) => {
      if (!byPointer || !cards.open) return;
      const over = cards.contains(e) || near(cards.rect(), e) || (api.term !== null && near(api.term.getBoundingClientRect(), e)) || near(highlightedWord()?.getBoundingClientRect() ?? null, e);
      if (over) {
        clearTimeout(leaveTimer);
        leaveTimer = undefined;
      } else if (leaveTimer === undefined) {
        leaveTimer = setTimeout(() => {
          leaveTimer = undefined;
          if (byPointer) cards.hide();
        }, LEAVE_MS);
      }
    },
    { passive: true, signal },
  );

  const api: OpenCard = {
    show(word, label, content, { focus, pointer }) {
      byPointer = pointer && !focus;
      cards.setTheme(settings().theme);
      cards.show(() => word.getBoundingClientRect(), label, content, focus);
      highlightWord(word);
    },
    hide: () => cards.hide(),
    get open() {
      return cards.open;
    },
    get focused() {
      return cards.focused;
    },
    contains: (event) => cards.contains(event),
    term: null,
    returnFocus: null,
    dispose() {
      clearTimeout(leaveTimer);
      cards.dispose();
      highlightWord(null);
    },
  };
  return api;
}
