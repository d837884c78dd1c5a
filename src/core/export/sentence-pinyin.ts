/**
 * A saved sentence's pinyin for a card: each Han word's syllables in the reader's tone
 * style, punctuation and Latin text kept where they stand.
 */
import { annotate } from '../pinyin/annotate.ts';
import type { AnnotateOptions } from '../pinyin/types.ts';

export function sentencePinyin(sentence: string, opts: Pick<AnnotateOptions, 'tone' | 'neutral'> = {}): string {
  return annotate(sentence, opts)
    .map((s) => (s.pinyin !== '' ? ` ${s.pinyin} ` : s.text))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/ ([，。、；：！？）」』》,.;:!?)])/g, '$1')
    .trim();
}
