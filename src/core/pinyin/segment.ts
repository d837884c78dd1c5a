/**
 * Word segmentation of one Han run: a segmenter (Intl.Segmenter where the runtime has
 * it, pinyin-pro's otherwise) with the domain lexicon laid over it.
 */
import { segment as ppSegment, OutputFormat } from 'pinyin-pro';
import { NAMES, WORDS } from './lexicon.ts';

export interface Word {
  text: string;
  /** Tone-marked syllables when the lexicon decided the reading. */
  lexicon?: string[];
}

type SegmenterChoice = 'auto' | 'intl' | 'pinyin-pro';

/**
 * Entry lengths by the UTF-16 code of the first character, longest first: most positions
 * start no entry at all, and a code needs no one-character string to look it up.
 */
function index(dict: Readonly<Record<string, string>>): Map<number, number[]> {
  const byFirst = new Map<number, number[]>();
  for (const w of Object.keys(dict)) {
    const list = byFirst.get(w.charCodeAt(0)) ?? [];
    if (!list.includes(w.length)) list.push(w.length);
    byFirst.set(w.charCodeAt(0), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b - a);
  return byFirst;
}
const NAME_LENGTHS = index(NAMES);
const WORD_LENGTHS = index(WORDS);

/** The longest entry of `dict` starting at `at` (and ending on a cut, when `cuts` is given). */
function longest(run: string, at: number, dict: Readonly<Record<string, string>>, lengths: Map<number, number[]>, cuts?: Set<number>): string {
  const list = lengths.get(run.charCodeAt(at));
  if (!list) return '';
  for (const len of list) {
    if (at + len > run.length || (cuts && !cuts.has(at + len))) continue;
    const cand = run.slice(at, at + len);
    if (dict[cand] !== undefined) return cand;
  }
  return '';
}

let intl: Intl.Segmenter | null | undefined;
function intlSegmenter(): Intl.Segmenter | null {
  if (intl === undefined) {
    intl = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return intl;
}

/**
 * Word boundaries of a whole text, ascending, when Intl.Segmenter is the segmenter; null
 * otherwise. One pass over the text instead of one per Han run costs half as much: most
 * of the segmenter's time goes to the objects it makes per call and per piece. Boundaries
 * inside a Han run are the same either way, as the segmenter's dictionary works on runs
 * of CJK characters only and punctuation always breaks (checked on the seeds and pages).
 */
export function textBoundaries(text: string, choice: SegmenterChoice = 'auto'): number[] | null {
  const seg = choice === 'pinyin-pro' ? null : intlSegmenter();
  if (!seg) {
    if (choice === 'intl') throw new Error('Intl.Segmenter is not available in this runtime');
    return null;
  }
  const out: number[] = [];
  for (const piece of seg.segment(text)) out.push(piece.index);
  return out;
}

/** Offsets (in UTF-16 units; runs hold BMP characters only) where the segmenter puts word boundaries. */
function boundaries(run: string, choice: SegmenterChoice): { cuts: Set<number>; weak: boolean } {
  const cuts = new Set<number>([0, run.length]);
  const seg = choice === 'pinyin-pro' ? null : intlSegmenter();
  if (seg) {
    for (const piece of seg.segment(run)) cuts.add(piece.index);
    return { cuts, weak: false };
  }
  if (choice === 'intl') throw new Error('Intl.Segmenter is not available in this runtime');
  let at = 0;
  for (const piece of ppSegment(run, { format: OutputFormat.ZhSegment, toneSandhi: false })) {
    at += piece.length;
    cuts.add(at);
  }
  return { cuts, weak: true };
}

function syllables(reading: string): string[] {
  return reading.split(' ');
}

/**
 * Split a run of Han characters into words. `given`: the segmenter's cuts inside the run
 * (offsets from its start, with 0 and its length), taken from textBoundaries.
 */
export function segmentRun(run: string, choice: SegmenterChoice = 'auto', given?: Set<number>): Word[] {
  const { cuts, weak } = given ? { cuts: given, weak: false } : boundaries(run, choice);
  const words: Word[] = [];
  let i = 0;
  while (i < run.length) {
    // Names may cut through segmenter words; the longest one starting here wins.
    const name = longest(run, i, NAMES, NAME_LENGTHS);
    if (name) {
      words.push({ text: name, lexicon: syllables(NAMES[name] ?? '') });
      i += name.length;
      cuts.add(i);
      continue;
    }
    // pinyin-pro's segmenter mostly gives single characters and sometimes a wrong pair
    // (举|行会|谈), so under it the lexicon may cut; under Intl.Segmenter it may not.
    const strict = !weak;
    if (!strict || cuts.has(i)) {
      const word = longest(run, i, WORDS, WORD_LENGTHS, strict ? cuts : undefined);
      if (word) {
        words.push({ text: word, lexicon: syllables(WORDS[word] ?? '') });
        i += word.length;
        continue;
      }
    }
    // One segmenter word, stopping early where a name begins inside it.
    let next = i + 1;
    while (next < run.length && !cuts.has(next)) next++;
    for (let k = i + 1; k < next; k++) {
      if (longest(run, k, NAMES, NAME_LENGTHS)) {
        next = k;
        break;
      }
    }
    words.push({ text: run.slice(i, next) });
    cuts.add(next);
    i = next;
  }
  return words;
}
