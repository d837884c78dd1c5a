/**
 * Readings decided by context: the polyphone model (polyphone-model.ts) reads every
 * polyphone in the sentence it stands in, and the dictionary's word readings settle the
 * cases where the model is unsure.
 *
 * This runs where the model's weights and the dictionary are (the background, the CLI,
 * the bench); what it returns is small and plain: the offsets whose reading differs from
 * the base engine's, with the reading to use. `annotate(text, { context })` lays them
 * over the base readings, so the page can draw the base readings at once and correct
 * the few that differ when the answer comes.
 */
import { syllableToToneMarks } from '../dictionary/pinyin-format.ts';
import { analyse, type AnalysedWord } from './annotate.ts';
import type { PolyphoneModel } from './polyphone-model.ts';
import { RULES } from './rules.ts';

/** Sources whose reading the model does not overrule: the lexicon, and rules that outrank it. */
const STANDING = new Set<string>(['lexicon', ...RULES.filter((r) => r.outranksModel).map((r) => `rule:${r.id}`)]);

export interface ContextSources {
  model: PolyphoneModel;
  /**
   * The dictionary's readings of a word (tone-marked, one syllable per character,
   * space-separated), one per entry; none for a word it does not hold.
   */
  wordReadings?: (word: string) => readonly string[];
}

/**
 * Below this probability the model gives way to a word whose dictionary entries agree
 * on the character's reading (部长 zhǎng, 银行 háng, 句子 zi). Chosen on the even lines
 * of CPP's dev split and checked on the odd ones (README, "Pinyin accuracy").
 */
export const MODEL_TRUST = 0.999;

/** Sentence ends: the model reads one sentence at a time, as it was trained. */
const SENTENCE_END = /[。！？!?；;\n]/;
/** Longer sentences are read in pieces of about this many characters, cut at a comma. */
const MAX_SPAN = 200;

/** Offset → tone-marked reading, for each Han character whose reading the context changes. */
export type ContextReadings = ReadonlyMap<number, string>;

interface Target {
  offset: number;
  word: AnalysedWord;
  index: number;
}

/** Sentence spans [start, end) of `text`, long ones cut at commas near MAX_SPAN. */
function spans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let comma = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '，' || ch === ',') comma = i;
    const end = SENTENCE_END.test(ch);
    if (end || i - start >= MAX_SPAN) {
      const cut = end || comma <= start ? i + 1 : comma + 1;
      out.push([start, cut]);
      start = cut;
      comma = -1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** The one reading the dictionary's entries agree on for character `index` of `word`. */
function dictionaryReading(word: string, index: number, sources: ContextSources): string | null {
  if (word.length < 2 || !sources.wordReadings) return null;
  let found: string | null = null;
  for (const entry of sources.wordReadings(word)) {
    const syllables = entry.split(' ');
    if (syllables.length !== word.length) continue;
    const s = (syllables[index] ?? '').toLowerCase();
    if (found !== null && found !== s) return null;
    found = s;
  }
  return found;
}

/**
 * The readings context changes in `text`, against the base engine (`analyse`). Words
 * the domain lexicon decided keep their reading (it holds names and terms checked by
 * hand), and so do characters a rule decided, unless the rule is one the model beats.
 */
export function contextReadings(text: string, sources: ContextSources): Map<number, string> {
  const words = analyse(text);
  const targets: Target[] = [];
  for (const word of words) {
    if (!word.han) continue;
    for (let i = 0; i < word.text.length; i++) {
      if (STANDING.has(word.sources[i] ?? '')) continue;
      if (sources.model.covers(word.text[i] ?? '')) targets.push({ offset: word.start + i, word, index: i });
    }
  }
  const out = new Map<number, string>();
  let t = 0;
  for (const [start, end] of spans(text)) {
    const here: Target[] = [];
    while (t < targets.length && (targets[t]?.offset ?? 0) < end) here.push(targets[t++] as Target);
    if (here.length === 0) continue;
    // One entry per code point; Han characters are all in the BMP, so offsets map one to one
    // except after a character beyond it.
    const chars: string[] = [];
    const indexAt = new Map<number, number>();
    for (let i = start; i < end; ) {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      indexAt.set(i, chars.length);
      chars.push(ch);
      i += ch.length;
    }
    const predictions = sources.model.predict(
      chars,
      here.map((x) => indexAt.get(x.offset) ?? -1),
    );
    here.forEach((x, k) => {
      const p = predictions[k];
      if (!p) return;
      let reading = syllableToToneMarks(p.reading.replace('v', 'u:'));
      if (p.p < MODEL_TRUST) reading = dictionaryReading(x.word.text, x.index, sources) ?? reading;
      if (reading !== x.word.syllables[x.index]) out.set(x.offset, reading);
    });
  }
  return out;
}
