/**
 * The plain word list classic pop-up dictionaries export, which many tools already read:
 * simplified, traditional, pinyin, definition, notes; tab-separated, no header.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, oneLine } from './common.ts';

export function toTsv(words: readonly VocabularyRecord[]): string {
  return words
    .map((w) => [w.simplified, w.traditional || w.simplified, w.pinyin, definitionOf(w), w.note].map(oneLine).join('\t') + '\n')
    .join('');
}
