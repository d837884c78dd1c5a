/**
 * The reading aids inside the page, loaded on demand: glossary terms marked in the article
 * (terms/), a card for a term (hover, focus or tap), and a dictionary card for any word
 * (lookup/; click, or hover with Alt, a setting), one card open at a time (cards/). This module
 * wires them to the page's events. The library's reading view uses the same aids over a
 * stored article (`scope` and `destroy`).
 */
import type { Settings } from '../core/settings.ts';
import { t } from '../platform/i18n.ts';
import { isLookupClick } from './lookup-gesture.ts';
import { createOpenCard } from './cards/open-card.ts';
import { createTermMarks, entryOfMark, roveFrom, TERM_SELECTOR, type TermMarks } from './terms/marks.ts';
import { sentenceOfMark, termCard } from './terms/term-card.tsx';
import { createLookUp, isLookupKey, type ReadingAt } from './lookup/look-up.ts';

export interface PageUiEnv {
  /** The article the words are saved from. */
  article(): { url: string; title: string };
  /** Where look-ups happen (a click, Alt+hover, Alt+L); the whole page when absent. */
  scope?: Element;
  /** Told after a word was saved from a card. */
  saved?(): void;
  /** The reading the page shows over a look-up's sentence, when it has one to send. */
  readingAt?: ReadingAt;
}

export interface PageUi extends Pick<TermMarks, 'setMarking' | 'whileMarksPaused' | 'marked'> {
  /** Looks up the word at a point; false when there is no Chinese there. */
  lookupAt(x: number, y: number): Promise<boolean>;
  openTerm(span: Element, focus: boolean): Promise<void>;
  hide(): void;
  /** Takes the marks and the card away and stops listening (the library leaving its reading view). */
  destroy(): void;
}

function editable(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

export function createPageUi(env: PageUiEnv, settings: () => Settings): PageUi {
  /** Every listener on the document, let go of together by destroy(). */
  const listening = new AbortController();
  const signal = listening.signal;
  const inScope = (target: EventTarget | null): boolean => !env.scope || (target instanceof Node && env.scope.contains(target));
  const card = createOpenCard(settings, signal);
  const marks = createTermMarks(settings);
  const lookUp = createLookUp(card, settings, env, inScope, env.readingAt);
  const close = (): void => card.hide();

  async function openTerm(span: Element, focus: boolean, pointer = false): Promise<void> {
    const entry = await entryOfMark(span);
    if (!entry) return;
    if (focus && span instanceof HTMLElement) card.returnFocus = span;
    card.term = span;
    const word = document.createRange();
    word.selectNodeContents(span);
    card.show(word, t('cardTermLabel', entry.simplified), termCard(entry, sentenceOfMark(span), env, close), { focus, pointer });
  }

  // Opening cards: hover on a term opens its card; Enter or Space on a focused term opens it with
  // focus inside; a click anywhere (a term's characters included) looks up the word there; Escape closes.
  // The terms are one stop in the Tab order, the arrow keys move between them (a roving tabindex),
  // and focusing a term opens nothing.
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'mouseover',
    (e) => {
      if (!e.isTrusted) return;
      const span = (e.target as Element | null)?.closest?.(TERM_SELECTOR);
      clearTimeout(hoverTimer);
      if (span && span !== card.term) hoverTimer = setTimeout(() => void openTerm(span, false, true), 250);
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape' && card.open) {
        // Taken: Escape closes the card and nothing else (the library's reading view leaves on Escape).
        e.preventDefault();
        card.hide();
        return;
      }
      if (isLookupKey(e) && !editable(e.target) && (inScope(e.target) || e.target === document.body)) {
        e.preventDefault();
        void lookUp.byKeyboard(e.target as Element | null, marks.root ?? env.scope ?? document.body);
        return;
      }
      const span = (e.target as Element | null)?.closest?.(TERM_SELECTOR);
      if (!span || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void openTerm(span, true);
        return;
      }
      if (roveFrom(span, e.key, marks.root ?? document)) e.preventDefault();
    },
    { signal },
  );
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || card.contains(e)) return;
      if (card.open) card.hide();
      // A look-up still waiting for its answer (its card not shown yet) gives way too.
      lookUp.cancel();
      if (settings().lookupTrigger !== 'click' || !isLookupClick(e) || !inScope(e.target)) return;
      // A click inside a term looks up the word there: the term's card the pointer was about to open gives way.
      clearTimeout(hoverTimer);
      void lookUp.at(e.clientX, e.clientY);
    },
    { capture: true, signal },
  );
  let lastHover = 0;
  document.addEventListener(
    'mousemove',
    (e) => {
      if (!e.isTrusted || settings().lookupTrigger !== 'alt-hover' || !e.altKey || card.contains(e) || !inScope(e.target)) return;
      const now = performance.now();
      if (now - lastHover < 150) return;
      lastHover = now;
      void lookUp.at(e.clientX, e.clientY);
    },
    { signal },
  );

  return {
    setMarking: (root) => marks.setMarking(root),
    whileMarksPaused: (work) => marks.whileMarksPaused(work),
    get marked() {
      return marks.marked;
    },
    lookupAt: (x, y) => lookUp.at(x, y),
    openTerm,
    hide: close,
    destroy() {
      listening.abort();
      clearTimeout(hoverTimer);
      lookUp.cancel();
      void marks.setMarking(null);
      card.dispose();
    },
  };
}
