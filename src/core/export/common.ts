import { cyrb53Hex } from '../hash.ts';
import type { VocabularyRecord } from '../vocabulary.ts';

/** The definition as one line: the glosses joined as dictionaries print them. */
export function definitionOf(word: Pick<VocabularyRecord, 'english'>): string {
  let out = '';
  for (const gloss of word.english) {
    const g = gloss.trim();
    if (g !== '') out = out === '' ? g : `${out}; ${g}`;
  }
  return out;
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

/**
 * Characters that NFC leaves as they are and that nothing before or after them combines with
 * (NFC_QC=Yes, combining class 0): ASCII, Latin with its tone-marked vowels, IPA and modifier
 * letters; the dashes, quotes and ellipsis of general punctuation; CJK punctuation, kana and
 * ideographs, less the combining marks 〪–〯 and the voiced-sound marks; fullwidth forms.
 * Checked against the engine's own normalize() code point by code point in tests/unit/core/export/nfc.test.ts.
 */
// eslint-disable-next-line no-control-regex -- every character from U+0000 up
const NFC_STABLE = /^[\u0000-\u02ff\u2010-\u2027\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uff01-\uff5e]*$/;

/**
 * Text in Unicode NFC, as Anki stores it. Text made only of the characters above (nearly all
 * Chinese text and pinyin) is NFC already and comes back as it is, without the copy through
 * ICU that normalize() makes of every string, which was the largest single cost of an export.
 */
export function nfc(text: string): string {
  return NFC_STABLE.test(text) ? text : text.normalize('NFC');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most fields (Chinese text, pinyin) hold none of these: a test is cheaper than a replace that copies.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text;
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
