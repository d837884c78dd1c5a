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
import { toneOf } from './syllable.ts';
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
 * on the character's reading (部长 zhǎng, 银行 háng, 句子 zi, 为什么 wèi). On the even
 * lines of CPP's dev split accuracy is flat from 0.999 to 0.99999 (97.84 → 97.78 %, the
 * odd lines 97.80 % at both); the model is trained on encyclopaedia text and can be sure
 * and wrong on everyday words (为什么 wéi at 0.9998), so the strict end is taken.
 */
const MODEL_TRUST = 0.99999;

/** A dictionary's readings of a word, as ContextSources wants them: each entry whose simplified form is the word. */
export function dictionaryWordReadings(dictionary: { readings(word: string): readonly { simplified: string; pinyin: string }[] }): (word: string) => string[] {
  return (word) =>
    dictionary
      .readings(word)
      .filter((e) => e.simplified === word)
      .map((e) => e.pinyin);
}

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
 * A word the segmenter did not cut out: the longest dictionary word of 2–4 characters
 * covering the offset whose entries agree on it (失业|率 → 失业率 lǜ), and that does not
 * cut through a word the segmenter found (山水|相连 is not 水相).
 */
function coveringReading(text: string, offset: number, inside: ReadonlySet<number>, sources: ContextSources): string | null {
  for (let len = 4; len >= 2; len--) {
    for (let start = Math.max(0, offset - len + 1); start <= offset; start++) {
      if (start + len > text.length) break;
      if (inside.has(start) || inside.has(start + len)) continue;
      const found = dictionaryReading(text.slice(start, start + len), offset - start, sources);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The characters of `words` whose reading the model may change: polyphones it covers that
 * neither the domain lexicon nor a rule that outranks it decided.
 */
function targetsOf(words: readonly AnalysedWord[], covers: (char: string) => boolean): Target[] {
  const targets: Target[] = [];
  for (const word of words) {
    if (!word.han) continue;
    for (let i = 0; i < word.text.length; i++) {
      if (STANDING.has(word.sources[i] ?? '')) continue;
      if (covers(word.text[i] ?? '')) targets.push({ offset: word.start + i, word, index: i });
    }
  }
  return targets;
}

/**
 * Whether the model may read any character in the spans [start, end) of the text `words`
 * were analysed from: when it may not, the base readings there are the final ones.
 * `covers` needs only the model's description (which characters it reads), not its weights.
 */
export function contextMayChange(words: readonly AnalysedWord[], covers: (char: string) => boolean, spans: readonly (readonly [number, number])[]): boolean {
  return targetsOf(words, covers).some((t) => spans.some(([start, end]) => t.offset >= start && t.offset < end));
}

/**
 * The readings context changes in `text`, against the base engine (`analyse`). Words
 * the domain lexicon decided keep their reading (it holds names and terms checked by
 * hand), and so do characters a rule decided, unless the rule is one the model beats.
 * `words`: analyse(text), when the caller has it already.
 */
export function contextReadings(text: string, sources: ContextSources, words: readonly AnalysedWord[] = analyse(text)): Map<number, string> {
  const targets = targetsOf(words, (char) => sources.model.covers(char));
  /** Offsets strictly inside a word of the segmenter's. */
  const inside = new Set<number>();
  for (const word of words) {
    if (!word.han) continue;
    for (let i = 1; i < word.text.length; i++) inside.add(word.start + i);
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
    for (let i = start; i < end;) {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      // U+0000 joins a page's text nodes for one reading (ruby.ts): the model reads on as if it were not there.
      if (cp === 0) continue;
      indexAt.set(i - ch.length, chars.length);
      chars.push(ch);
    }
    const predictions = sources.model.predict(
      chars,
      here.map((x) => indexAt.get(x.offset) ?? -1),
    );
    here.forEach((x, k) => {
      const p = predictions[k];
      if (!p) return;
      const base = x.word.syllables[x.index] ?? '';
      const word = dictionaryReading(x.word.text, x.index, sources);
      // A word both dictionaries give the same toned reading keeps it: the model, trained on
      // encyclopaedia text, is sure and wrong on such words often enough (着眼 zhuó, 处分 fèn,
      // 调侃 tiáo), and CPP's dev split loses one sentence in ten thousand by it. Neutral tones
      // are left to the model, as CPP writes citation tones where dictionaries write them light.
      if (word !== null && word === base && toneOf(base) !== 5) return;
      let reading = syllableToToneMarks(p.reading.replace('v', 'u:'));
      if (p.p < MODEL_TRUST) reading = word ?? coveringReading(text, x.offset, inside, sources) ?? reading;
      if (reading !== base) out.set(x.offset, reading);
    });
  }
  return out;
}
