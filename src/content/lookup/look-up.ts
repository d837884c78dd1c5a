/**
 * Looking up the word at a point (a click, Alt+hover) or at the caret (Alt+L): the text there
 * goes to the background's dictionary, and the card opens by the word found, highlighted in
 * the page. A slow answer shows "Loading…" first; an answer that comes after the reader moved
 * on shows nothing.
 */
import type { Settings } from '../../core/settings.ts';
import type { PageReading } from '../../core/dictionary/page-reading.ts';
import type { LookupContext } from '../../messaging/protocol.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { HAN_SCRIPT } from '../../core/han-script.ts';
import { blockOf, caretAt, rangeOfChars, textAtCaret, visibleTextNodes } from '../text-at-point.ts';
import { focusableBlock, type OpenCard } from '../cards/open-card.ts';
import type { SaveTarget } from '../cards/card-parts.tsx';
import { TERM_SELECTOR } from '../terms/marks.ts';
import { lookupCard, mutedLine } from './lookup-card.tsx';

/** Enough text after the click point for the longest dictionary words. */
const LOOKUP_CHARS = 16;
/** How long a look-up waits for its answer before its card opens saying "Loading…". */
const LOADING_AFTER_MS = 100;

/** The in-page key that looks up the word at the caret (or at the focused term, or the first word in view): Alt+L. */
export function isLookupKey(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l');
}

/** The first Chinese character in view under `root`, as a caret. */
function firstHanInView(root: Element): { node: Text; offset: number } | null {
  for (const n of visibleTextNodes(root)) {
    const i = n.data.search(HAN_SCRIPT);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + 1);
    const box = r.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight && box.height > 0) return { node: n, offset: i };
  }
  return null;
}

export interface LookUp {
  /** Looks up the word at a point; false when there is no Chinese there. */
  at(x: number, y: number): Promise<boolean>;
  /**
   * The look-up key: the word at the caret (a selection in the page's text, or caret browsing),
   * else at the focused term, else the first word in view under `fallback`. Focus goes into the
   * card and, on close, back to where it was (a paragraph is made focusable for the purpose).
   */
  byKeyboard(target: Element | null, fallback: Element): Promise<void>;
  /** A look-up still waiting for its answer gives way: its card will not open. */
  cancel(): void;
}

/** The reading the page shows over a look-up's sentence, when it has one to send (see Annotator.readingAt). */
export type ReadingAt = (node: Text, offset: number, context: LookupContext) => PageReading | null;

export function createLookUp(card: OpenCard, settings: () => Settings, to: SaveTarget, inScope: (target: EventTarget | null) => boolean, readingAt?: ReadingAt): LookUp {
  /** Counts look-ups, so that a slow answer to an older one is dropped. */
  let lookups = 0;
  const close = (): void => card.hide();

  /**
   * Looks up the word starting at a character: the card opens by it (with focus inside when asked
   * by key), the word found is highlighted in the page, and focus comes back to the page there.
   */
  async function lookupFrom(node: Text, offset: number, focus: boolean): Promise<boolean> {
    const found = textAtCaret(node, offset, LOOKUP_CHARS);
    if (!found) return false;
    const block = blockOf(node);
    const label = t('cardLookupLabel', found.text.slice(0, 4));
    const mine = ++lookups;
    card.term = null;
    // "Loading…" only when the answer is slow (a background starting): a running one answers first,
    // and the card then opens once, with no flash and no layout of a card about to be replaced.
    let loadingShown = false;
    const loading = setTimeout(() => {
      if (mine !== lookups) return;
      loadingShown = true;
      card.show(rangeOfChars(block, node, offset, 1), label, mutedLine(t('cardLoading')), { focus: false, pointer: !focus });
    }, LOADING_AFTER_MS);
    // Closed, or another word asked for, while the dictionary answered: show nothing stale.
    const stale = () => mine !== lookups || (loadingShown && !card.open);
    try {
      const reading = readingAt?.(node, offset, found.context);
      const { matches } = await sendToBackground('dict/lookup', { text: found.text, context: found.context, ...(reading ? { reading } : {}) });
      clearTimeout(loading);
      if (stale()) return true;
      const word = rangeOfChars(block, node, offset, Math.max(1, matches[0]?.word.length ?? 1));
      card.show(word, t('cardLookupLabel', matches[0]?.word ?? found.text.slice(0, 1)), lookupCard(matches, found.sentence, settings().pinyinTone, to, close), { focus, pointer: !focus });
    } catch (err) {
      clearTimeout(loading);
      if (!stale()) card.show(rangeOfChars(block, node, offset, 1), label, mutedLine(errorText(err)), { focus, pointer: !focus });
    }
    return true;
  }

  return {
    async at(x, y) {
      const caret = caretAt(x, y);
      return caret ? lookupFrom(caret.node, caret.offset, false) : false;
    },
    async byKeyboard(target, fallback) {
      const sel = document.getSelection();
      let at: { node: Text; offset: number } | null = null;
      if (sel && sel.rangeCount > 0 && sel.anchorNode?.nodeType === Node.TEXT_NODE && !card.focused && inScope(sel.anchorNode)) {
        const r = sel.getRangeAt(0);
        if (r.startContainer.nodeType === Node.TEXT_NODE) at = { node: r.startContainer as Text, offset: r.startOffset };
      }
      const term = target?.closest?.(TERM_SELECTOR) ?? null;
      if (!at && term) {
        const first = visibleTextNodes(term)[0];
        if (first) at = { node: first, offset: 0 };
      }
      at ??= firstHanInView(fallback);
      if (!at) return;
      const back = term instanceof HTMLElement ? term : target instanceof HTMLElement && target !== document.body ? target : focusableBlock(blockOf(at.node));
      await lookupFrom(at.node, at.offset, true);
      if (card.open) card.returnFocus = back;
    },
    cancel() {
      ++lookups;
    },
  };
}
