/**
 * Glossary terms marked in the article: each term underlined where it first appears (as the
 * reader chose which to mark), a page that adds text later marked as it comes, and the terms
 * one stop in the Tab order that the arrow keys move between (a roving tabindex).
 */
import browser from 'webextension-polyfill';
import { buildMatcher, type GlossaryMatcher } from '../../core/glossary/matcher.ts';
import { markTerms, TERM_ATTR, TERM_CLASS, type MarkHandle } from '../../core/glossary/mark.ts';
import type { GlossaryEntry } from '../../core/glossary/types.ts';
import { isMarked } from '../../core/glossary/salience.ts';
import type { Settings } from '../../core/settings.ts';

const MARK_STYLE_ID = 'jiedu-terms-style';
// light-dark() follows the color-scheme of the text's own page: a site that declares none gets the light shades.
const MARK_CSS = `
span.${TERM_CLASS} { text-decoration: underline dotted light-dark(#b3261e, #f28b82) 1.5px; text-underline-offset: 0.12em; cursor: help; border-radius: 2px; }
span.${TERM_CLASS}:hover, span.${TERM_CLASS}:focus-visible { background: light-dark(rgba(179, 38, 30, 0.08), rgba(242, 139, 130, 0.16)); outline: none; }
span.${TERM_CLASS}:focus-visible { box-shadow: 0 0 0 2px light-dark(#1b5e9f, #8ab4f8); }
`;

/** The selector of a marked term. */
export const TERM_SELECTOR = `span.${TERM_CLASS}`;

let matcherLoad: Promise<GlossaryMatcher> | null = null;
/** The glossary's terms (without their citations), read once from the extension's files. */
function glossaryMatcher(): Promise<GlossaryMatcher> {
  matcherLoad ??= fetch(browser.runtime.getURL('data/glossary-terms.json'))
    .then((r) => r.json() as Promise<GlossaryEntry[]>)
    .then((entries) => buildMatcher(entries));
  return matcherLoad;
}

/** The glossary entry a marked term stands for. */
export async function entryOfMark(span: Element): Promise<GlossaryEntry | null> {
  const term = span.getAttribute(TERM_ATTR);
  if (!term) return null;
  return (await glossaryMatcher()).entry(term) ?? null;
}

export interface TermMarks {
  /** Marks the terms under `root` (null: takes every mark away); resolves to how many were marked. */
  setMarking(root: Element | null): Promise<number>;
  /**
   * Runs `work` (pinyin going on or off) with the marks' observer paused: the
   * thousands of nodes it moves are not new page content, and re-scanning them
   * cost more than the annotation itself.
   */
  whileMarksPaused<T>(work: () => Promise<T>): Promise<T>;
  readonly marked: number;
  /** The element whose terms are marked, while they are. */
  readonly root: Element | null;
}

export function createTermMarks(settings: () => Settings): TermMarks {
  let marks: MarkHandle | null = null;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  /** Counts calls to setMarking, so that an older call finishing late changes nothing. */
  let markings = 0;
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
      root.querySelector<HTMLElement>(TERM_SELECTOR)?.setAttribute('tabindex', '0');
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
    get root() {
      return observed;
    },
  };
}

/** Keys that move focus between marked terms: by one, or to the first and last. */
const ROVING_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };

/**
 * Moves focus from the term `from` to the next, previous, first or last term under `within`
 * when `key` is one of the arrow keys, Home or End (the terms' one Tab stop goes with it);
 * true when it did.
 */
export function roveFrom(from: Element, key: string, within: ParentNode): boolean {
  const step = ROVING_KEYS[key];
  if (step === undefined) return false;
  const all = [...within.querySelectorAll<HTMLElement>(TERM_SELECTOR)];
  const at = all.indexOf(from as HTMLElement);
  const next = step === -Infinity ? all[0] : step === Infinity ? all.at(-1) : all[at + step];
  if (!next) return false;
  for (const t of document.querySelectorAll<HTMLElement>(`${TERM_SELECTOR}[tabindex="0"]`)) t.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
  return true;
}
