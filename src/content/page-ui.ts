/**
 * The reading aids inside the page, loaded on demand: glossary terms marked
 * in the article, a card for a term (hover, focus or tap), and a dictionary
 * card for any word (click, or hover with Alt; a setting).
 */
import browser from 'webextension-polyfill';
import { buildMatcher, type GlossaryMatcher } from '../core/glossary/matcher.ts';
import { markTerms, TERM_ATTR, TERM_CLASS, type MarkHandle } from '../core/glossary/mark.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { LookupContext, LookupMatch, WordContext } from '../core/messages.ts';
import { sentenceForLookup } from '../core/dictionary/in-context.ts';
import { entryKind } from '../core/dictionary/rank.ts';
import { pinyinInStyle } from '../core/dictionary/pinyin-format.ts';
import type { Settings } from '../core/settings.ts';
import { sendToBackground } from '../platform/messaging.ts';
import { errorText, t } from '../platform/i18n.ts';
import { createCardHost, el, highlighted } from './card.ts';
import { sentenceAround } from '../core/sentence.ts';
import { isLookupClick } from './lookup-gesture.ts';
import { HAN_SCRIPT } from '../core/han-script.ts';

const MARK_STYLE_ID = 'jiedu-terms-style';
const MARK_CSS = `
span.${TERM_CLASS} { text-decoration: underline dotted #b3261e 1.5px; text-underline-offset: 0.12em; cursor: help; border-radius: 2px; }
span.${TERM_CLASS}:hover, span.${TERM_CLASS}:focus-visible { background: rgba(179, 38, 30, 0.08); outline: none; }
span.${TERM_CLASS}:focus-visible { box-shadow: 0 0 0 2px #1b5e9f; }
`;
/** Enough text after the click point for the longest dictionary words. */
const LOOKUP_CHARS = 16;

export interface PageUiEnv {
  /** The article the words are saved from. */
  article(): { url: string; title: string };
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
}

let matcherLoad: Promise<GlossaryMatcher> | null = null;
function glossaryMatcher(): Promise<GlossaryMatcher> {
  matcherLoad ??= fetch(browser.runtime.getURL('data/glossary-terms.json'))
    .then((r) => r.json() as Promise<GlossaryEntry[]>)
    .then((entries) => buildMatcher(entries));
  return matcherLoad;
}

/** Text of the block around a point, without pinyin, and the sentence holding the offset. */
function blockOf(node: Node): Element {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement!;
  return el.closest('p, li, td, dd, blockquote, figcaption, h1, h2, h3, h4, h5, h6, div') ?? document.body;
}

function visibleTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('rt, rp, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}


/**
 * The text from a caret to the end of its block (at most `max` characters), the sentence there
 * (as saved with a word), and the raw sentence with the point's offset (for the reading in context).
 */
function textAtCaret(node: Text, offset: number, max: number): { text: string; sentence: string; context: LookupContext } | null {
  if (node.parentElement?.closest('rt, rp')) return null;
  const block = blockOf(node);
  const nodes = visibleTextNodes(block);
  let full = '';
  let at = -1;
  for (const n of nodes) {
    if (n === node) at = full.length + offset;
    full += n.data;
  }
  if (at < 0) return null;
  if (!HAN_SCRIPT.test(full[at] ?? '')) return null;
  return { text: full.slice(at, at + max), sentence: sentenceAround(full, at), context: sentenceForLookup(full, at) };
}

function caretAt(x: number, y: number): { node: Text; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  let caret: { node: Text; offset: number } | null = null;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    if (p && p.offsetNode.nodeType === Node.TEXT_NODE) caret = { node: p.offsetNode as Text, offset: p.offset };
  } else {
    const r = document.caretRangeFromPoint?.(x, y);
    if (r && r.startContainer.nodeType === Node.TEXT_NODE) caret = { node: r.startContainer as Text, offset: r.startOffset };
  }
  if (!caret) return null;
  // The caret sits between characters: a click on a character's right half puts it after that character.
  // Take the character whose box holds the point.
  const box = (i: number): DOMRect | null => {
    if (i < 0 || i >= caret!.node.data.length) return null;
    const r = document.createRange();
    r.setStart(caret!.node, i);
    r.setEnd(caret!.node, i + 1);
    return r.getBoundingClientRect();
  };
  const inside = (r: DOMRect | null) => !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  if (!inside(box(caret.offset)) && inside(box(caret.offset - 1))) caret.offset -= 1;
  return caret;
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
  /** Set while focus goes back to a term, so that its focus does not open the card again. */
  let restoring = false;
  const cards = createCardHost(() => {
    openFor = null;
    const back = returnFocus;
    returnFocus = null;
    if (back?.isConnected) {
      restoring = true;
      back.focus();
      restoring = false;
    }
  });

  const saveButton = (label: string, word: { simplified: string; traditional: string; pinyin: string; english: string[] }, source: 'glossary' | 'dictionary', sentence: string, status: HTMLElement): HTMLButtonElement => {
    const b = el('button', 'primary', t('cardSave'));
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      const { url, title } = env.article();
      const context: WordContext | null = /^https?:/.test(url) && sentence ? { sentence, articleUrl: url, articleTitle: title } : null;
      try {
        const { created, contextAdded, corrected } = await sendToBackground('vocab/save', { word: { ...word, source }, context });
        // Says what happened: a new word, a saved word corrected, a new sentence for a saved word, or nothing new.
        status.textContent = created ? t('cardSaved') : corrected ? t('cardSavedCorrected') : contextAdded ? t('cardSavedAgain') : context ? t('cardSavedSame') : t('glAlreadySaved');
      } catch (err) {
        status.textContent = errorText(err);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };

  const closeButton = (): HTMLButtonElement => {
    const b = el('button', undefined, t('cardClose'));
    b.type = 'button';
    b.addEventListener('click', () => cards.hide());
    return b;
  };

  async function openTerm(span: Element, focus: boolean): Promise<void> {
    const term = span.getAttribute(TERM_ATTR);
    if (!term) return;
    const matcher = await glossaryMatcher();
    const entry = matcher.entry(term);
    if (!entry) return;
    if (focus && span instanceof HTMLElement) returnFocus = span;
    openFor = span;
    const block = blockOf(span);
    const blockText = visibleTextNodes(block).map((n) => n.data).join('');
    const offset = blockText.indexOf(visibleTextNodes(span).map((n) => n.data).join(''));
    const sentence = sentenceAround(blockText, Math.max(0, offset));
    cards.show(span.getBoundingClientRect(), t('cardTermLabel', entry.simplified), (card) => {
      const head = el('div', 'head');
      head.append(el('span', 'word', entry.simplified));
      if (entry.traditional) head.append(el('span', 'trad', entry.traditional));
      head.append(el('span', 'pinyin', entry.pinyin));
      head.querySelector('.word')!.setAttribute('lang', 'zh-Hans');
      card.append(head, el('span', 'english', entry.english));
      if (entry.alternatives.length) card.append(el('span', 'alt', t('cardAlso', entry.alternatives.join('; '))));
      card.append(el('span', 'explain', entry.explanation), el('span', 'chip', entry.category));
      const where = el('div', 'section');
      where.append(el('span', 'muted', t('cardLoading')));
      const status = el('span', 'status');
      status.setAttribute('role', 'status');
      const actions = el('div', 'actions');
      actions.append(
        saveButton(t('cardSaveWord', entry.simplified), { simplified: entry.simplified, traditional: entry.traditional ?? entry.simplified, pinyin: entry.pinyin, english: [entry.english, ...entry.alternatives] }, 'glossary', sentence, status),
      );
      const speak = speakButton(entry.simplified);
      if (speak) actions.append(speak);
      actions.append(closeButton());
      card.append(where, actions, status);
      void sendToBackground('glossary/entry', { term: entry.simplified }).then(
        (detail) => {
          where.replaceChildren();
          const current = env.article().url;
          const cites = detail?.entry.citations ?? [];
          const saved = (detail?.savedArticles ?? []).filter((a) => a.url !== current);
          if (cites.length === 0 && saved.length === 0) where.append(el('span', 'muted', t('cardNone')));
          if (cites.length) {
            where.append(el('span', 'section-title', t('cardSources')));
            for (const c of cites.slice(0, 2)) {
              const cite = el('span', 'cite');
              cite.setAttribute('lang', 'zh-Hans');
              // A citation from the title itself needs no title line above it.
              if (c.sentence !== c.title) cite.append(el('span', 'cite-title', c.title));
              cite.append(highlighted(c.sentence, entry.simplified));
              where.append(cite);
            }
            if (cites.length > 2) where.append(el('span', 'muted', t('cardMore', String(cites.length - 2))));
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
    }, focus);
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
        saveButton(t('cardSaveWord', m.word), { simplified: keep.simplified, traditional: m.glossary ? (m.glossary.traditional ?? m.glossary.simplified) : keep.traditional, pinyin: m.glossary?.pinyin ?? keep.pinyin, english: english.slice(0, 20) }, m.glossary ? 'glossary' : 'dictionary', sentence, status),
      );
      const speak = speakButton(m.word);
      if (speak) actions.append(speak);
      box.append(actions);
      card.append(box);
    }
    const close = el('div', 'actions');
    close.append(closeButton());
    card.append(close, status);
  }

  async function lookupAt(x: number, y: number): Promise<boolean> {
    const caret = caretAt(x, y);
    if (!caret) return false;
    const found = textAtCaret(caret.node, caret.offset, LOOKUP_CHARS);
    if (!found) return false;
    const range = document.createRange();
    range.setStart(caret.node, Math.min(caret.offset, caret.node.data.length));
    const rect = range.getBoundingClientRect();
    const anchor = rect.width || rect.height ? rect : new DOMRect(x, y, 0, 16);
    const label = t('cardLookupLabel', found.text.slice(0, 4));
    const mine = ++lookups;
    cards.show(anchor, label, (card) => card.append(el('span', 'muted', t('cardLoading'))), false);
    try {
      const { matches } = await sendToBackground('dict/lookup', { text: found.text, context: found.context });
      // Closed, or another word asked for, while the dictionary answered: show nothing stale.
      if (mine !== lookups || !cards.open) return true;
      cards.show(anchor, t('cardLookupLabel', matches[0]?.word ?? found.text.slice(0, 1)), (card) => renderLookup(card, matches, found.sentence), false);
    } catch (err) {
      if (mine === lookups && cards.open) cards.show(anchor, label, (card) => card.append(el('span', 'muted', errorText(err))), false);
    }
    return true;
  }

  // Opening cards: hover, focus or tap on a term; Enter moves focus into the card; Escape closes it.
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('mouseover', (e) => {
    if (!e.isTrusted) return;
    const span = (e.target as Element | null)?.closest?.(`span.${TERM_CLASS}`);
    clearTimeout(hoverTimer);
    if (span && span !== openFor) hoverTimer = setTimeout(() => void openTerm(span, false), 250);
  });
  document.addEventListener('focusin', (e) => {
    if (!e.isTrusted) return;
    const span = (e.target as Element | null)?.closest?.(`span.${TERM_CLASS}`);
    if (span && span !== openFor && !restoring) void openTerm(span, false);
  });
  document.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && cards.open) {
      cards.hide();
      return;
    }
    const span = (e.target as Element | null)?.closest?.(`span.${TERM_CLASS}`);
    if (span && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      void openTerm(span, true);
    }
  });
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || cards.contains(e)) return;
      const target = e.target as Element | null;
      const span = target?.closest?.(`span.${TERM_CLASS}`);
      if (span) {
        void openTerm(span, false);
        return;
      }
      if (cards.open) cards.hide();
      if (settings().lookupTrigger !== 'click' || !isLookupClick(e)) return;
      void lookupAt(e.clientX, e.clientY);
    },
    true,
  );
  let lastHover = 0;
  document.addEventListener('mousemove', (e) => {
    if (!e.isTrusted || settings().lookupTrigger !== 'alt-hover' || !e.altKey || cards.contains(e)) return;
    const now = performance.now();
    if (now - lastHover < 150) return;
    lastHover = now;
    void lookupAt(e.clientX, e.clientY);
  });

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
      const handle = markTerms(root, (text) =>
        matcher.scan(text).filter((m) => {
          if (seen.has(m.term)) return false;
          seen.add(m.term);
          return true;
        }),
      );
      marks = handle;
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
  };
}
