/**
 * The dictionary asset: CC-CEDICT in a compact, column-wise text.
 *
 *   # …attribution, license and what was changed (comment lines)…
 *   #! entries=122674
 *   @simplified      one line per entry, sorted by UTF-16 code units (what `<` compares),
 *                    front-coded: the first character says how many code units are shared
 *                    with the headword above ('0' + n), the rest is the new tail
 *   @traditional     empty when the traditional form equals the simplified one; otherwise
 *                    the traditional form with '-' where a character equals the simplified one
 *   @pinyin          tone-marked, one syllable per character, space-separated
 *   @english         glosses separated by '/'
 *   @tradorder       the entries whose traditional form differs, as entry numbers sorted by
 *                    that form: the look-up index for traditional text, built once at build
 *                    time instead of sorted at every start of the service worker
 *
 * Columns instead of rows because each column then compresses on its own terms (3.2 MB gzip
 * against 3.7 MB for the same data row by row), and because the parser can keep the pinyin
 * and English columns as one string each and slice a line only when it is looked up.
 */

export const FORMAT_NAME = 'jiedu-cedict';
export const FORMAT_VERSION = 2;
export const SECTIONS = ['simplified', 'traditional', 'pinyin', 'english', 'tradorder'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Stands for "same character as the simplified form"; CC-CEDICT headwords never contain it (checked at build time). */
export const SAME_CHAR = '-';
export const GLOSS_SEPARATOR = '/';
const PREFIX_BASE = 0x30;
/** Prefix lengths are one character; headwords are at most 19 code units, so this is ample. */
export const MAX_PREFIX = 60;

export function sectionMarker(name: SectionName): string {
  return `@${name}`;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Front coding: shared prefix length with the previous headword, never splitting a surrogate pair. */
export function encodeHeadword(previous: string, word: string): string {
  let k = 0;
  const max = Math.min(previous.length, word.length, MAX_PREFIX);
  while (k < max && previous.charCodeAt(k) === word.charCodeAt(k)) k++;
  // A lone low surrogate in the tail could not be written as UTF-8.
  if (k > 0 && k < word.length) {
    const c = word.charCodeAt(k - 1);
    if (c >= 0xd800 && c <= 0xdbff) k--;
  }
  return String.fromCharCode(PREFIX_BASE + k) + word.slice(k);
}

export function decodeHeadword(previous: string, line: string): string {
  const k = line.charCodeAt(0) - PREFIX_BASE;
  return k === 0 ? line.slice(1) : previous.slice(0, k) + line.slice(1);
}

export function encodeTraditional(simplified: string, traditional: string): string {
  if (simplified === traditional) return '';
  const s = Array.from(simplified);
  const t = Array.from(traditional);
  // Different lengths never occur in CC-CEDICT today; write the form out in full if one ever does.
  if (s.length !== t.length) return traditional;
  return t.map((c, i) => (c === s[i] ? SAME_CHAR : c)).join('');
}

export function decodeTraditional(simplified: string, line: string): string {
  if (line === '') return simplified;
  if (!line.includes(SAME_CHAR)) return line;
  const s = Array.from(simplified);
  const t = Array.from(line);
  if (s.length !== t.length) return line;
  let out = '';
  for (let i = 0; i < t.length; i++) out += t[i] === SAME_CHAR ? s[i] : t[i];
  return out;
}
