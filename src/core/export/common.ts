import { cyrb53Hex } from '../hash.ts';
import type { VocabularyRecord } from '../vocabulary.ts';

/** The definition as one line: the glosses joined as dictionaries print them. */
export function definitionOf(word: Pick<VocabularyRecord, 'english'>): string {
  return word.english.map((g) => g.trim()).filter((g) => g !== '').join('; ');
}

/** For formats with no way to hold a tab or line break inside a field: each run of them becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * A stable note id from the headword, so importing the list again updates the notes instead of
 * adding copies. cyrb53 (64 bits, as hex) frozen here on purpose: changing it would orphan every
 * note already imported. Hashes UTF-16 code units, the same in every JavaScript engine.
 */
export function stableGuid(simplified: string): string {
  return 'jiedu-' + cyrb53Hex([simplified], { seed: 0x6a6964 });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
