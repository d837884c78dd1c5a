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
  let h1 = 0xdeadbeef ^ 0x6a6964;
  let h2 = 0x41c6ce57 ^ 0x6a6964;
  for (let i = 0; i < simplified.length; i++) {
    const c = simplified.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 'jiedu-' + (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
