/**
 * A saved sentence's pinyin for a card: each Han word's syllables in the reader's tone
 * style, punctuation and Latin text kept where they stand.
 */
import { annotate } from '../pinyin/annotate.ts';
import type { AnnotateOptions } from '../pinyin/types.ts';

/**
 * Readings already made, by style and sentence: an export reads every saved word's sentence
 * (10,000 words: about 0.4 s, most of it the word segmenter), and the next export, or a sync
 * to Anki, reads the same sentences again. Keyed by the sentence itself, whose hash the engine
 * keeps with the string, so a hit costs no new key. Bounded per style; the oldest go first.
 */
const known = new Map<string, Map<string, string>>();
const KEEP = 20_000;

export function sentencePinyin(sentence: string, opts: Pick<AnnotateOptions, 'tone' | 'neutral'> = {}): string {
  const style = `${opts.tone ?? ''}|${opts.neutral ?? ''}`;
  let readings = known.get(style);
  if (!readings) known.set(style, (readings = new Map()));
  const hit = readings.get(sentence);
  if (hit !== undefined) return hit;
  const out = readSentence(sentence, opts);
  if (readings.size >= KEEP) readings.delete(readings.keys().next().value!);
  readings.set(sentence, out);
  return out;
}

function readSentence(sentence: string, opts: Pick<AnnotateOptions, 'tone' | 'neutral'>): string {
  return annotate(sentence, opts)
    .map((s) => (s.pinyin !== '' ? ` ${s.pinyin} ` : s.text))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ ([，。、；：！？）」』》,.;:!?)])/g, '$1')
    .trim();
}
