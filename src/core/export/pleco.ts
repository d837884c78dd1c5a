/**
 * Pleco flashcard import: a "//Category" line, then one card a line,
 * `simplified[traditional]<TAB>pinyin<TAB>definition` (the bracket only when the forms differ).
 * A card cannot hold a tab or line break, so those become spaces.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, oneLine } from './common.ts';

export interface PlecoOptions {
  /** "Jiedu" by default; "/" nests ("Jiedu/Diplomacy"). An empty string writes no category line. */
  category?: string;
}

export function toPleco(words: readonly VocabularyRecord[], opts: PlecoOptions = {}): string {
  const category = oneLine(opts.category ?? 'Jiedu').replace(/^\/+/, '');
  const lines: string[] = category ? [`//${category}`] : [];
  for (const w of words) {
    const simp = oneLine(w.simplified);
    const trad = oneLine(w.traditional);
    const head = trad && trad !== simp ? `${simp}[${trad}]` : simp;
    lines.push([head, oneLine(w.pinyin), oneLine(definitionOf(w))].join('\t'));
  }
  return lines.join('\n') + '\n';
}
