/**
 * The plain word list classic pop-up dictionaries export, which many tools already read:
 * simplified, traditional, pinyin, definition, notes; tab-separated, no header.
 * A field that starts with a quote or "#" is quoted (quotes doubled), as spreadsheets write
 * TSV: Anki and spreadsheets read a leading quote as the start of a quoted field, which
 * unclosed runs on to the end of the file, and Anki drops a line starting with "#".
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, oneLine } from './common.ts';

function tsvField(text: string): string {
  const one = oneLine(text);
  return /^["#]/.test(one) ? `"${one.replace(/"/g, '""')}"` : one;
}

export function toTsv(words: readonly VocabularyRecord[]): string {
  return words.map((w) => [w.simplified, w.traditional || w.simplified, w.pinyin, definitionOf(w), w.note].map(tsvField).join('\t') + '\n').join('');
}
