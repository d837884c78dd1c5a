/**
 * Text → words with pinyin, decided in context.
 *
 * Pipeline: split the text into Han runs and everything else; cut each run into words
 * (segmenter + lexicon, segment.ts); read the words the lexicon did not decide with
 * pinyin-pro, one word at a time so that its dictionary cannot match across a word
 * boundary (举|行会|谈 → jǔ háng huì); let the rule layer (rules.ts) revise characters
 * whose reading depends on the clause; optionally apply 一/不 sandhi; format.
 *
 * pinyin-pro is only called with options, never configured: no customPinyin, no
 * addDict. Its global dictionaries stay as they are, so code that uses raw pinyin-pro
 * in the same page or process gets the same results as without this module.
 */
import { pinyin } from 'pinyin-pro';
import { isHanUnit } from './han.ts';
import { applyRules, hasRulesAt } from './rules.ts';
import { applySandhi } from './sandhi.ts';
import { WORDS } from './lexicon.ts';
import { segmentRun, textBoundaries, type Word } from './segment.ts';
import { formatSyllable, stripTone, toneOf } from './syllable.ts';
import type { AnnotateOptions, Segment } from './types.ts';

/** Where a character's reading came from. */
type ReadingSource = 'lexicon' | 'base' | 'context' | `rule:${string}`;

export interface AnalysedWord {
  text: string;
  han: boolean;
  /** Offset of the word in the input (UTF-16 units). */
  start: number;
  /** Tone-marked, dictionary tones (no sandhi); empty for non-Han text. */
  syllables: string[];
  sources: ReadingSource[];
}

interface Run {
  text: string;
  start: number;
  han: boolean;
}

function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && isHanUnit(text.charCodeAt(i)) === isHanUnit(text.charCodeAt(start))) continue;
    runs.push({ text: text.slice(start, i), start, han: isHanUnit(text.charCodeAt(start)) });
    start = i;
  }
  return runs;
}

/**
 * pinyin-pro's reading of each word on its own. A word reads the same wherever it
 * stands (the rules revise it afterwards), so readings are kept: an article repeats
 * its words (seed 001: 2,859 words, 1,004 different), and switching pinyin on again
 * reads nothing twice. Bounded, so a long session's memory stays small.
 */
export class WordReadings {
  private readonly known = new Map<string, string[]>();
  constructor(private readonly max = 50_000) {}

  /** Each word's reading: kept ones, and the rest read now. */
  of(words: string[]): string[][] {
    const fresh = [...new Set(words.filter((w) => !this.known.has(w)))];
    const now = new Map(readFresh(fresh).map((r, i) => [fresh[i] ?? '', r]));
    const out = words.map((w) => this.known.get(w) ?? now.get(w) ?? []);
    // Dropped only once this call has its answer, so no word of it goes unread.
    if (this.known.size + now.size > this.max) this.known.clear();
    for (const [w, r] of now) this.known.set(w, r);
    return out;
  }

  get size(): number {
    return this.known.size;
  }

  forget(): void {
    this.known.clear();
  }
}

const kept = new WordReadings();

export function forgetWordReadings(): void {
  kept.forget();
}

/**
 * Each word read alone: pinyin-pro reads a long string of space-joined words a little
 * differently from the words themselves (增长 zēng cháng among a thousand others), so
 * joining them would make a word's reading depend on what else the page holds.
 */
function readFresh(words: string[]): string[][] {
  return words.map((w) => pinyin(w, { type: 'array', toneSandhi: false }));
}

/** Words with their readings and where each reading came from (dictionary tones). */
export function analyse(text: string, opts: Pick<AnnotateOptions, 'segmenter' | 'context'> = {}): AnalysedWord[] {
  return read(text, opts, false);
}

const NO_SOURCES: ReadingSource[] = [];

/**
 * The lexicon's two-character words with a neutral-tone syllable (时候 shí hou), by
 * text. A segmenter often keeps them inside a longer word (什么|时候 as 什么时候, 小时候,
 * 大部分), which pinyin-pro then reads with citation tones; as the end of a longer
 * word they keep the lexicon's neutral tone. Only at the end: at the start the longer
 * word may mean something else (东西方 dōng xī fāng).
 */
const NEUTRAL_ENDINGS = new Map(
  Object.entries(WORDS)
    .filter(([word, reading]) => word.length === 2 && reading.split(' ').some((s) => toneOf(s) === 5))
    .map(([word, reading]) => [word, reading.split(' ')] as const),
);

/** The syllables of `word` with a neutral-tone ending laid over them, or null when none applies. */
function neutralEnding(word: string, syllables: readonly string[]): string[] | null {
  if (word.length < 3) return null;
  const ending = NEUTRAL_ENDINGS.get(word.slice(-2));
  if (!ending) return null;
  const at = word.length - 2;
  // The same letters only: a longer word read otherwise by the dictionary is left alone.
  if (ending.some((s, k) => stripTone(s) !== stripTone(syllables[at + k] ?? ''))) return null;
  const out = [...syllables];
  ending.forEach((s, k) => {
    out[at + k] = s;
  });
  return out;
}

/**
 * `lean`: for annotate, which needs neither the sources nor arrays of its own: the
 * readings kept for a word are shared until a rule changes one of them, which saves
 * thousands of small arrays per article.
 */
function read(text: string, opts: Pick<AnnotateOptions, 'segmenter' | 'context'>, lean: boolean): AnalysedWord[] {
  const context = opts.context && opts.context.size > 0 ? opts.context : null;
  const choice = opts.segmenter ?? 'auto';
  const all = textBoundaries(text, choice);
  let p = 0;
  const cutsOf = (run: Run): Set<number> | undefined => {
    if (!all) return undefined;
    const end = run.start + run.text.length;
    const cuts = new Set<number>([0, run.text.length]);
    while (p < all.length && (all[p] ?? 0) <= run.start) p++;
    for (; p < all.length && (all[p] ?? 0) < end; p++) cuts.add((all[p] ?? 0) - run.start);
    return cuts;
  };
  const runs = splitRuns(text).map((run) => ({ ...run, words: run.han ? segmentRun(run.text, choice, cutsOf(run)) : [] }));
  // One reading of every word the lexicon did not decide, for the whole text at once.
  const unread = runs.flatMap((run) => run.words.filter((w) => !w.lexicon).map((w) => w.text));
  const base = kept.of(unread);
  let next = 0;
  const out: AnalysedWord[] = [];
  for (const run of runs) {
    if (!run.han) {
      out.push({ text: run.text, han: false, start: run.start, syllables: [], sources: lean ? NO_SOURCES : [] });
      continue;
    }
    const words = run.words;
    let at = run.start;
    for (let wi = 0; wi < words.length; wi++) {
      const w = words[wi] as Word;
      const kept = w.lexicon ?? base[next++] ?? [];
      let syllables = lean ? kept : [...kept];
      const sources: ReadingSource[] = lean ? NO_SOURCES : syllables.map(() => (w.lexicon ? 'lexicon' : 'base'));
      if (!w.lexicon) {
        const ended = neutralEnding(w.text, kept);
        if (ended) {
          syllables = ended;
          if (!lean) sources.fill('lexicon', w.text.length - 2);
        }
        for (let i = 0; i < w.text.length; i++) {
          const decided = context?.get(at + i);
          if (decided !== undefined) {
            if (syllables === kept) syllables = [...kept];
            syllables[i] = decided;
            if (!lean) sources[i] = 'context';
            continue;
          }
          if (!hasRulesAt(w.text, i)) continue;
          const hit = applyRules({
            text,
            at: at + i,
            char: w.text[i] ?? '',
            word: w.text,
            indexInWord: i,
            prevWord: words[wi - 1]?.text ?? '',
            nextWord: words[wi + 1]?.text ?? '',
          });
          if (!hit) continue;
          if (syllables === kept) syllables = [...kept];
          syllables[i] = hit.reading;
          if (!lean) sources[i] = `rule:${hit.rule}`;
        }
      }
      out.push({ text: w.text, han: true, start: at, syllables, sources });
      at += w.text.length;
    }
  }
  return out;
}

/**
 * Annotate text: Han words with one syllable per character, other text with `''`.
 * The segments' texts concatenate back to the input exactly.
 */
export function annotate(text: string, opts: AnnotateOptions = {}): Segment[] {
  const citation = opts.neutral === 'citation';
  // Sandhi and citation tones rewrite syllables in place, so they work on arrays of their own.
  const words = read(text, opts, !opts.sandhi && !citation);
  if (citation) citationInPlace(words);
  if (opts.sandhi) sandhiInPlace(text, words);
  const style = opts.tone ?? 'mark';
  return words.map((w) => ({ text: w.text, pinyin: !w.han ? '' : style === 'mark' ? w.syllables.join(' ') : w.syllables.map((s) => formatSyllable(s, style)).join(' ') }));
}

const citations = new Map<string, string>();
/** Suffixes and particles that have no tone of their own in this use, in any style (孩子们 háizimen, 石头, 走着). */
const ALWAYS_NEUTRAL = new Set([...'们子头么的了着过吧呢啊吗呀哇哪得地巴']);

/**
 * The tone a neutral-tone syllable has when its character is read on its own (认识
 * rènshi → rènshí, 朋友 péngyou → péngyǒu): the one toned reading of the character with
 * the same letters. Suffixes and particles (们, 子, 的, 了 …), and a character with no
 * such reading or several (吗 má/mǎ), keep the neutral tone.
 */
function citationTone(char: string, syllable: string): string {
  if (ALWAYS_NEUTRAL.has(char)) return syllable;
  const key = `${char}${syllable}`;
  let out = citations.get(key);
  if (out === undefined) {
    const letters = stripTone(syllable);
    const toned = new Set(pinyin(char, { multiple: true, type: 'array', toneSandhi: false }).filter((r) => stripTone(r) === letters && toneOf(r) !== 5));
    out = toned.size === 1 ? ([...toned][0] ?? syllable) : syllable;
    citations.set(key, out);
  }
  return out;
}

function citationInPlace(words: AnalysedWord[]): void {
  for (const w of words) {
    if (!w.han) continue;
    w.syllables.forEach((syl, i) => {
      if (toneOf(syl) === 5) w.syllables[i] = citationTone(w.text[i] ?? '', syl);
    });
  }
}

function sandhiInPlace(text: string, words: AnalysedWord[]): void {
  const chars: { char: string; syllable: string; prev: string; next: string; nextSyllable: string | null; w: AnalysedWord; i: number }[] = [];
  for (const w of words) {
    if (!w.han) continue;
    for (let i = 0; i < w.text.length; i++) {
      const at = w.start + i;
      // A word that starts here (一切, 一些) is not a numeral compound with what precedes it (同|一切).
      const prev = i === 0 && w.text.length > 1 ? '' : (text[at - 1] ?? '');
      chars.push({ char: w.text[i] ?? '', syllable: w.syllables[i] ?? '', prev, next: text[at + 1] ?? '', nextSyllable: null, w, i });
    }
  }
  chars.forEach((c, k) => {
    const n = chars[k + 1];
    // Sandhi works inside a phrase: the next syllable must follow directly.
    if (n && n.w.start + n.i === c.w.start + c.i + 1) c.nextSyllable = n.syllable;
  });
  const changed = applySandhi(chars);
  chars.forEach((c, k) => {
    c.w.syllables[c.i] = changed[k] ?? c.syllable;
  });
}
