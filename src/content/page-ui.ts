/**
 * The reading aids inside the page, loaded on demand: glossary terms marked
 * in the article, a card for a term (hover, focus or tap), and a dictionary
 * card for any word (click, or hover with Alt; a setting). The library's
 * reading view uses the same aids over a stored article (`scope` and `destroy`).
 */
import browser from 'webextension-polyfill';
import { loadSection } from '../platform/settings-store.ts';
import { buildMatcher, type GlossaryMatcher } from '../core/glossary/matcher.ts';
import { markTerms, TERM_ATTR, TERM_CLASS, type MarkHandle } from '../core/glossary/mark.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { LookupMatch, WordContext } from '../messaging/protocol.ts';
import { entryKind } from '../core/dictionary/rank.ts';
import { pinyinInStyle } from '../core/dictionary/pinyin-format.ts';
import type { Settings } from '../core/settings.ts';
import { sendToBackground } from '../messaging/ports.ts';
import { errorText, glossaryCategoryName as categoryLabel, t } from '../platform/i18n.ts';
import { ankiProblemText } from '../ui/anki-reply.ts';
import { createCardHost, el, highlighted } from './card.ts';
import { sentenceAround } from '../core/sentence.ts';
import { isLookupClick } from './lookup-gesture.ts';
import { blockOf, caretAt, rangeOfChars, textAtCaret, visibleTextNodes } from './text-at-point.ts';
import { HAN_SCRIPT } from '../core/han-script.ts';
import { isMarked } from '../core/glossary/salience.ts';

const MARK_STYLE_ID = 'jiedu-terms-style';
// light-dark() follows the color-scheme of the text's own page: a site that declares none gets the light shades.
const MARK_CSS = `
span.${TERM_CLASS} { text-decoration: underline dotted light-dark(#b3261e, #f28b82) 1.5px; text-underline-offset: 0.12em; cursor: help; border-radius: 2px; }
span.${TERM_CLASS}:hover, span.${TERM_CLASS}:focus-visible { background: light-dark(rgba(179, 38, 30, 0.08), rgba(242, 139, 130, 0.16)); outline: none; }
span.${TERM_CLASS}:focus-visible { box-shadow: 0 0 0 2px light-dark(#1b5e9f, #8ab4f8); }
`;
/** Enough text after the click point for the longest dictionary words. */
const LOOKUP_CHARS = 16;

export interface PageUiEnv {
  /** The article the words are saved from. */
  article(): { url: string; title: string };
  /** Where look-ups happen (a click, Alt+hover, Alt+L); the whole page when absent. */
  scope?: Element;
  /** Told after a word was saved from a card. */
  saved?(): void;
}

export interface PageUi {
  setMarking(root: Element | null): Promise<number>;
  /**
   * Runs `work` (pinyin going on or off) with the marks' observer paused: the
   * thousands of nodes it moves are not new page content, and re-scanning them
   * cost more than the annotation itself.
   */
  whileMarksPaused<T>(work: () => Promise<T>): Promise<T>;
  readonly marked: number;
  /** Looks up the word at a point; false when there is no Chinese there. */
  lookupAt(x: number, y: number): Promise<boolean>;
  openTerm(span: Element, focus: boolean): Promise<void>;
  hide(): void;
  /** Takes the marks and the card away and stops listening (the library leaving its reading view). */
  destroy(): void;
}

let matcherLoad: Promise<GlossaryMatcher> | null = null;
function glossaryMatcher(): Promise<GlossaryMatcher> {
  matcherLoad ??= fetch(browser.runtime.getURL('data/glossary-terms.json'))
    .then((r) => r.json() as Promise<GlossaryEntry[]>)
    .then((entries) => buildMatcher(entries));
  return matcherLoad;
}

function zhVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in globalThis)) return null;
  return speechSynthesis.getVoices().find((v) => /^zh([-_]CN|[-_]Hans)?/i.test(v.lang)) ?? null;
}

function speakButton(word: string): HTMLButtonElement | null {
  const voice = zhVoice();
  if (!voice) return null;
  const b = el('button', undefined, t('cardSpeak'));
  b.type = 'button';
  b.setAttribute('aria-label', t('cardSpeakWord', word));
  b.addEventListener('click', () => {
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(word);
    u.voice = voice;
    u.lang = voice.lang;
    speechSynthesis.speak(u);
  });
  return b;
}

/** How long a card opened with the mouse stays after the pointer has left it and its word. */
const LEAVE_MS = 400;

/** Is the pointer on `rect`, or within a few pixels of it (the gap between a word and its card)? */
function near(rect: DOMRect | null, e: MouseEvent, pad = GAP_PX): boolean {
  return !!rect && e.clientX >= rect.left - pad && e.clientX <= rect.right + pad && e.clientY >= rect.top - pad && e.clientY <= rect.bottom + pad;
}
const GAP_PX = 8;

/**
 * The word whose card is open, highlighted in the page through the CSS Custom Highlight API:
 * no element is added around the page's text, so neither its layout nor its scripts see it.
 */
const HIGHLIGHT = 'jiedu-word';
const HIGHLIGHT_STYLE_ID = 'jiedu-word-style';
let highlightedRange: Range | null = null;
type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
function highlight(range: Range | null): void {
  highlightedRange = range;
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !Highlight) return;
  if (!range) {
    registry.delete(HIGHLIGHT);
    return;
  }
  if (!document.getElementById(HIGHLIGHT_STYLE_ID)) {
    const style = document.createElement('style');
    style.id = HIGHLIGHT_STYLE_ID;
    // A warm wash that keeps the page's own text colour readable on light and dark pages.
    style.textContent = `::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.4); }`;
    (document.head ?? document.documentElement).appendChild(style);
  }
  registry.set(HIGHLIGHT, new Highlight(range));
}

/** How long a look-up waits for its answer before its card opens saying "Loading…". */
const LOADING_AFTER_MS = 100;

/** Keys that move focus between marked terms: by one, or to the first and last. */
const ROVING_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

/** The in-page key that looks up the word at the caret (or at the focused term, or the first word in view): Alt+L. */
function isLookupKey(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l');
}

/** A block made focusable (not tabbable) so focus can come back to the text a look-up was made in. */
function focusableBlock(block: Element): HTMLElement | null {
  if (!(block instanceof HTMLElement)) return null;
  if (block.tabIndex < 0 && !block.hasAttribute('tabindex')) {
    block.setAttribute('tabindex', '-1');
    block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
  }
  return block;
}

/** The same sentence, whitespace and a trailing mark aside (a citation of the very sentence being read). */
function sameSentence(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[。！？!?；;]+$/u, '');
  const x = squeeze(a);
  const y = squeeze(b);
  return x.length > 0 && (x === y || (y.length >= 12 && x.includes(y)) || (x.length >= 12 && y.includes(x)));
}

function editable(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

/** Moves the terms' one Tab stop to `term` and focuses it. */
function rove(term: HTMLElement): void {
  for (const t of document.querySelectorAll<HTMLElement>(`span.${TERM_CLASS}[tabindex="0"]`)) t.tabIndex = -1;
  term.tabIndex = 0;
  term.focus();
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

export function createPageUi(env: PageUiEnv, settings: () => Settings): PageUi {
  let marks: MarkHandle | null = null;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let returnFocus: HTMLElement | null = null;
  let openFor: Element | null = null;
  /** Counts look-ups, so that a slow answer to an older one is dropped. */
  let lookups = 0;
  /** Counts calls to setMarking, so that an older call finishing late changes nothing. */
  let markings = 0;
  /** The card was opened with the mouse: it closes a moment after the pointer leaves it and its word. */
  let byPointer = false;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Every listener on the document, let go of together by destroy(). */
  const listening = new AbortController();
  const signal = listening.signal;
  const inScope = (target: EventTarget | null): boolean => !env.scope || (target instanceof Node && env.scope.contains(target));
  const cards = createCardHost((hadFocus) => {
    // Focus that was in the card goes back to its word (a term), or to the text the word is in,
    // never to the top of the page.
    const term = openFor instanceof HTMLElement ? openFor : null;
    const lost = document.activeElement === document.body || document.activeElement === null;
    const back = hadFocus ? (returnFocus ?? term ?? (highlightedRange ? focusableBlock(blockOf(highlightedRange.startContainer)) : null)) : lost ? returnFocus : null;
    openFor = null;
    returnFocus = null;
    byPointer = false;
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    highlight(null);
    if (back?.isConnected && !signal.aborted) back.focus({ preventScroll: true });
  });
  cards.setTheme(settings().theme);

  /** Opens a card for `word`, highlighted in the page while the card is open. */
  const showCard = (word: Range, label: string, fill: (card: HTMLElement) => void, focus: boolean, pointer: boolean): void => {
    byPointer = pointer && !focus;
    cards.setTheme(settings().theme);
    cards.show(() => word.getBoundingClientRect(), label, fill, focus);
    highlight(word);
  };
  document.addEventListener(
    'mousemove',
    (e) => {
      if (!byPointer || !cards.open) return;
      const over = cards.contains(e) || near(cards.rect(), e) || (openFor !== null && near(openFor.getBoundingClientRect(), e)) || near(highlightedRange?.getBoundingClientRect() ?? null, e);
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

  const saveButton = (
    label: string,
    word: { simplified: string; traditional: string; pinyin: string; english: string[] },
    source: 'glossary' | 'dictionary',
    sentence: string,
    status: HTMLElement,
  ): HTMLButtonElement => {
    const b = el('button', 'primary', t('cardSave'));
    b.type = 'button';
    b.setAttribute('aria-label', label);
    const save = async () => {
      const { url, title } = env.article();
      const context: WordContext | null = /^https?:/.test(url) && sentence ? { sentence, articleUrl: url, articleTitle: title } : null;
      const { created, contextAdded, corrected } = await sendToBackground('vocab/save', { word: { ...word, source }, context });
      env.saved?.();
      // Says what happened: a new word, a saved word corrected, a new sentence for a saved word, or nothing new.
      return created ? t('cardSaved') : corrected ? t('cardSavedCorrected') : contextAdded ? t('cardSavedAgain') : context ? t('cardSavedSame') : t('glAlreadySaved');
    };
    const act = (button: HTMLButtonElement, work: () => Promise<string>) =>
      button.addEventListener('click', async () => {
        // Busy, not disabled: a disabled button loses keyboard focus, and the card's focus with it.
        if (button.getAttribute('aria-disabled') === 'true') return;
        button.setAttribute('aria-disabled', 'true');
        try {
          status.textContent = await work();
        } catch (err) {
          status.textContent = errorText(err);
        } finally {
          button.removeAttribute('aria-disabled');
        }
      });
    act(b, save);
    // "Add to Anki" beside Save when it is on in the options: the word is saved, then sent.
    void loadSection('anki').then(
      (section) => {
        if ((section as { enabled?: unknown } | undefined)?.enabled !== true || !b.isConnected) return;
        const anki = el('button', undefined, t('ankiAddOne'));
        anki.type = 'button';
        act(anki, async () => {
          await save();
          const reply = await sendToBackground('anki/add', { key: word.simplified });
          return reply.ok ? t(reply.status === 'added' ? 'ankiAdded' : 'ankiDuplicate') : ankiProblemText(reply);
        });
        b.after(anki);
      },
      () => undefined,
    );
    return b;
  };

  const closeButton = (): HTMLButtonElement => {
    const b = el('button', undefined, t('cardClose'));
    b.type = 'button';
    b.addEventListener('click', () => cards.hide());
    return b;
  };

  async function openTerm(span: Element, focus: boolean, pointer = false): Promise<void> {
    const term = span.getAttribute(TERM_ATTR);
    if (!term) return;
    const matcher = await glossaryMatcher();
    const entry = matcher.entry(term);
    if (!entry) return;
    if (focus && span instanceof HTMLElement) returnFocus = span;
    openFor = span;
    const word = document.createRange();
    word.selectNodeContents(span);
    const block = blockOf(span);
    const blockText = visibleTextNodes(block)
      .map((n) => n.data)
      .join('');
    const offset = blockText.indexOf(
      visibleTextNodes(span)
        .map((n) => n.data)
        .join(''),
    );
    const sentence = sentenceAround(blockText, Math.max(0, offset));
    showCard(
      word,
      t('cardTermLabel', entry.simplified),
      (card) => {
        const head = el('div', 'head');
        head.append(el('span', 'word', entry.simplified));
        if (entry.traditional) head.append(el('span', 'trad', entry.traditional));
        head.append(el('span', 'pinyin', entry.pinyin));
        head.querySelector('.word')!.setAttribute('lang', 'zh-Hans');
        card.append(head, el('span', 'english', entry.english));
        if (entry.alternatives.length) card.append(el('span', 'alt', t('cardAlso', entry.alternatives.join('; '))));
        card.append(el('span', 'explain', entry.explanation), el('span', 'chip', categoryLabel(entry.category)));
        const where = el('div', 'section');
        where.append(el('span', 'muted', t('cardLoading')));
        const status = el('span', 'status');
        status.setAttribute('role', 'status');
        const actions = el('div', 'actions sticky');
        actions.append(
          saveButton(
            t('cardSaveWord', entry.simplified),
            { simplified: entry.simplified, traditional: entry.traditional ?? entry.simplified, pinyin: entry.pinyin, english: [entry.english, ...entry.alternatives] },
            'glossary',
            sentence,
            status,
          ),
        );
        const speak = speakButton(entry.simplified);
        if (speak) actions.append(speak);
        actions.append(closeButton(), status);
        card.append(where, actions);
        void sendToBackground('glossary/entry', { term: entry.simplified }).then(
          (detail) => {
            where.replaceChildren();
            const current = env.article().url;
            // The sentence being read is no example of itself.
            const cites = (detail?.entry.citations ?? []).filter((c) => !sameSentence(c.sentence, sentence));
            const saved = (detail?.savedArticles ?? []).filter((a) => a.url !== current);
            if (cites.length === 0 && saved.length === 0) where.append(el('span', 'muted', t('cardNone')));
            if (cites.length) {
              where.append(el('span', 'section-title', t('cardSources')));
              const citeOf = (c: (typeof cites)[number]): HTMLElement => {
                const cite = el('span', 'cite');
                cite.setAttribute('lang', 'zh-Hans');
                // A citation from the title itself needs no title line above it.
                if (c.sentence !== c.title) cite.append(el('span', 'cite-title', c.title));
                cite.append(highlighted(c.sentence, entry.simplified));
                return cite;
              };
              for (const c of cites.slice(0, 2)) where.append(citeOf(c));
              if (cites.length > 2) {
                // "and N more" opens the rest in place, and focus goes to the first of them.
                const more = el('button', 'link', t('cardMore', String(cites.length - 2)));
                more.type = 'button';
                more.setAttribute('aria-expanded', 'false');
                more.addEventListener('click', () => {
                  const rest = cites.slice(2).map(citeOf);
                  more.replaceWith(...rest);
                  rest[0]?.setAttribute('tabindex', '-1');
                  rest[0]?.focus();
                });
                where.append(more);
              }
            }
            if (saved.length) {
              where.append(el('span', 'section-title', t('cardLibrary')));
              for (const a of saved.slice(0, 3)) {
                const link = el('a', 'cite', `${a.title} · ${t('cardTimes', String(a.count))}`);
                link.href = a.url;
                link.target = '_blank';
                link.rel = 'noreferrer';
                where.append(link);
              }
            }
          },
          () => where.replaceChildren(),
        );
      },
      focus,
      pointer,
    );
  }

  function renderLookup(card: HTMLElement, matches: LookupMatch[], sentence: string): void {
    if (matches.length === 0) {
      card.append(el('span', 'muted', t('cardNoEntry')));
      return;
    }
    const status = el('span', 'status');
    status.setAttribute('role', 'status');
    for (const m of matches.slice(0, 4)) {
      const box = el('div', 'match');
      const head = el('div', 'head');
      const word = el('span', 'word', m.word);
      word.setAttribute('lang', 'zh-Hans');
      head.append(word);
      // What Save keeps: the entry that fits the sentence (the best-ranked one when no sentence was sent).
      const keep = m.save ?? m.entries[0]!;
      const hanText = (text: string, lang: 'zh-Hans' | 'zh-Hant') => {
        const span = el('span', 'trad', text);
        span.setAttribute('lang', lang);
        return span;
      };
      if (keep.traditional !== keep.simplified && keep.traditional !== m.word) head.append(hanText(keep.traditional, 'zh-Hant'));
      if (keep.simplified !== m.word) head.append(hanText(keep.simplified, 'zh-Hans'));
      if (m.glossary) head.append(el('span', 'pinyin', m.glossary.pinyin), el('span', 'badge', t('cardGlossaryBadge')));
      box.append(head);
      if (m.glossary) box.append(el('span', 'english', m.glossary.english), el('span', 'explain', m.glossary.explanation));
      // One block per pronunciation, the reading in this sentence first (as Pleco and Yomitan group them).
      // A glossary term the dictionary lacks has only the glossary's own entry, shown above.
      const groups = m.glossary && m.entries.every((e) => e.english[0] === m.glossary!.english) ? [] : m.groups;
      // The first reading open; the others folded to a line each (pinyin and first sense), opened on demand,
      // so Save stays near the top.
      groups.forEach((g, k) => {
        const reading = k === 0 ? el('div', 'reading') : el('details', 'reading');
        const line = k === 0 ? el('div', 'head') : el('summary', 'head');
        line.append(el('span', 'pinyin', pinyinInStyle(g.pinyin, settings().pinyinTone)));
        const forms = [...new Set(g.entries.map((e) => e.traditional).filter((f) => f !== m.word && f !== keep.traditional))];
        if (forms.length) line.append(hanText(forms.join(' '), 'zh-Hant'));
        if (g.inContext) line.append(el('span', 'chip', t('cardInContext')));
        if (k > 0) line.append(el('span', 'gist', (g.entries.find((e) => entryKind(e) === 'main') ?? g.entries[0]!).english[0] ?? ''));
        reading.append(line);
        const senses = el('ol');
        for (const e of g.entries) {
          const quiet = entryKind(e) !== 'main';
          for (const gloss of e.english.slice(0, 6)) {
            const li = el('li', quiet ? 'quiet' : undefined, e.traditional !== keep.traditional && g.entries.length > 1 ? `${e.traditional}: ${gloss}` : gloss);
            senses.append(li);
          }
        }
        reading.append(senses);
        box.append(reading);
      });
      const actions = el('div', 'actions');
      const english = m.glossary ? [m.glossary.english, ...m.glossary.alternatives] : keep.english;
      actions.append(
        saveButton(
          t('cardSaveWord', m.word),
          {
            simplified: keep.simplified,
            traditional: m.glossary ? (m.glossary.traditional ?? m.glossary.simplified) : keep.traditional,
            pinyin: m.glossary?.pinyin ?? keep.pinyin,
            english: english.slice(0, 20),
          },
          m.glossary ? 'glossary' : 'dictionary',
          sentence,
          status,
        ),
      );
      const speak = speakButton(m.word);
      if (speak) actions.append(speak);
      box.append(actions);
      card.append(box);
    }
    const close = el('div', 'actions sticky');
    close.append(closeButton(), status);
    card.append(close);
  }

  /** Looks up the word at a point; false when there is no Chinese there. */
  async function lookupAt(x: number, y: number): Promise<boolean> {
    const caret = caretAt(x, y);
    return caret ? lookupFrom(caret.node, caret.offset, false) : false;
  }

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
    openFor = null;
    // "Loading…" only when the answer is slow (a background starting): a running one answers first,
    // and the card then opens once, with no flash and no layout of a card about to be replaced.
    let loadingShown = false;
    const loading = setTimeout(() => {
      if (mine !== lookups) return;
      loadingShown = true;
      showCard(rangeOfChars(block, node, offset, 1), label, (card) => card.append(el('span', 'muted', t('cardLoading'))), false, !focus);
    }, LOADING_AFTER_MS);
    // Closed, or another word asked for, while the dictionary answered: show nothing stale.
    const stale = () => mine !== lookups || (loadingShown && !cards.open);
    try {
      const { matches } = await sendToBackground('dict/lookup', { text: found.text, context: found.context });
      clearTimeout(loading);
      if (stale()) return true;
      const word = rangeOfChars(block, node, offset, Math.max(1, matches[0]?.word.length ?? 1));
      showCard(word, t('cardLookupLabel', matches[0]?.word ?? found.text.slice(0, 1)), (card) => renderLookup(card, matches, found.sentence), focus, !focus);
    } catch (err) {
      clearTimeout(loading);
      if (!stale()) showCard(rangeOfChars(block, node, offset, 1), label, (card) => card.append(el('span', 'muted', errorText(err))), focus, !focus);
    }
    return true;
  }

  /**
   * The look-up key: the word at the caret (a selection in the page's text, or caret browsing),
   * else at the focused term, else the first word in view in the article. Focus goes into the card
   * and, on close, back to where it was (a paragraph is made focusable for the purpose).
   */
  async function lookupByKeyboard(target: Element | null): Promise<void> {
    const sel = document.getSelection();
    let at: { node: Text; offset: number } | null = null;
    if (sel && sel.rangeCount > 0 && sel.anchorNode?.nodeType === Node.TEXT_NODE && !cards.focused && inScope(sel.anchorNode)) {
      const r = sel.getRangeAt(0);
      if (r.startContainer.nodeType === Node.TEXT_NODE) at = { node: r.startContainer as Text, offset: r.startOffset };
    }
    const term = target?.closest?.(`span.${TERM_CLASS}`) ?? null;
    if (!at && term) {
      const first = visibleTextNodes(term)[0];
      if (first) at = { node: first, offset: 0 };
    }
    at ??= firstHanInView(observed ?? env.scope ?? document.body);
    if (!at) return;
    const back = term instanceof HTMLElement ? term : target instanceof HTMLElement && target !== document.body ? target : focusableBlock(blockOf(at.node));
    await lookupFrom(at.node, at.offset, true);
    if (cards.open) returnFocus = back;
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
      const span = (e.target as Element | null)?.closest?.(`span.${TERM_CLASS}`);
      clearTimeout(hoverTimer);
      if (span && span !== openFor) hoverTimer = setTimeout(() => void openTerm(span, false, true), 250);
    },
    { signal },
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape' && cards.open) {
        // Taken: Escape closes the card and nothing else (the library's reading view leaves on Escape).
        e.preventDefault();
        cards.hide();
        return;
      }
      if (isLookupKey(e) && !editable(e.target) && (inScope(e.target) || e.target === document.body)) {
        e.preventDefault();
        void lookupByKeyboard(e.target as Element | null);
        return;
      }
      const span = (e.target as Element | null)?.closest?.(`span.${TERM_CLASS}`);
      if (!span || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void openTerm(span, true);
        return;
      }
      const step = ROVING_KEYS[e.key];
      if (step === undefined) return;
      const all = [...(observed ?? document).querySelectorAll<HTMLElement>(`span.${TERM_CLASS}`)];
      const at = all.indexOf(span as HTMLElement);
      const next = step === -Infinity ? all[0] : step === Infinity ? all.at(-1) : all[at + step];
      if (!next) return;
      e.preventDefault();
      rove(next);
    },
    { signal },
  );
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || cards.contains(e)) return;
      if (cards.open) cards.hide();
      // A look-up still waiting for its answer (its card not shown yet) gives way too.
      ++lookups;
      if (settings().lookupTrigger !== 'click' || !isLookupClick(e) || !inScope(e.target)) return;
      // A click inside a term looks up the word there: the term's card the pointer was about to open gives way.
      clearTimeout(hoverTimer);
      void lookupAt(e.clientX, e.clientY);
    },
    { capture: true, signal },
  );
  let lastHover = 0;
  document.addEventListener(
    'mousemove',
    (e) => {
      if (!e.isTrusted || settings().lookupTrigger !== 'alt-hover' || !e.altKey || cards.contains(e) || !inScope(e.target)) return;
      const now = performance.now();
      if (now - lastHover < 150) return;
      lastHover = now;
      void lookupAt(e.clientX, e.clientY);
    },
    { signal },
  );

  return {
    async setMarking(root) {
      const mine = ++markings;
      observer?.disconnect();
      observer = null;
      observed = null;
      marks?.remove();
      marks = null;
      document.getElementById(MARK_STYLE_ID)?.remove();
      if (!root) return 0;
      const matcher = await glossaryMatcher();
      if (mine !== markings) return 0; // a newer call (on or off) took over and reports its own count
      const style = document.createElement('style');
      style.id = MARK_STYLE_ID;
      style.textContent = MARK_CSS;
      (document.head ?? document.documentElement).appendChild(style);
      // Each term is marked where it first appears: a page underlined throughout would be hard to read.
      const seen = new Set<string>();
      const which = settings().glossaryTerms;
      const handle = markTerms(root, (text) =>
        matcher.scan(text).filter((m) => {
          // Longest match first, then the reader's choice: a term not marked leaves its text to the look-up.
          const entry = matcher.entry(m.term);
          if (seen.has(m.term) || !entry || !isMarked(entry, which)) return false;
          seen.add(m.term);
          return true;
        }),
      );
      marks = handle;
      // The terms' one Tab stop: the first term (the arrow keys move it).
      root.querySelector<HTMLElement>(`span.${TERM_CLASS}`)?.setAttribute('tabindex', '0');
      observer = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (!(n instanceof Element && (n.classList.contains(TERM_CLASS) || n.closest('ruby, rt, span.jiedu-run')))) handle.markSubtree(n);
      });
      observer.observe(root, { childList: true, subtree: true });
      observed = root;
      return handle.count;
    },
    async whileMarksPaused(work) {
      const o = observer;
      const root = observed;
      if (!o || !root) return work();
      o.disconnect();
      try {
        return await work();
      } finally {
        o.takeRecords();
        if (observer === o) o.observe(root, { childList: true, subtree: true });
      }
    },
    get marked() {
      return marks?.count ?? 0;
    },
    lookupAt,
    openTerm,
    hide: () => cards.hide(),
    destroy() {
      listening.abort();
      clearTimeout(hoverTimer);
      clearTimeout(leaveTimer);
      ++lookups;
      void this.setMarking(null);
      cards.dispose();
      highlight(null);
    },
  };
}
