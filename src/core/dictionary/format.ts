/**
 * The dictionary asset: CC-CEDICT as a sorted binary table that is searched where it lies.
 * Opening it is one read of the file and a few typed-array views over it: nothing is parsed,
 * split or sorted, so a service worker that the browser stopped answers its first look-up
 * after one fetch (the text format this replaces took 170–290 ms to parse at every start).
 *
 *   notice       UTF-8 text, "#" lines: CC-CEDICT's attribution and license, what Jiedu
 *                changed, and "#! key=value" lines (format, entries…); ended by a NUL byte.
 *                It comes first so that the file's own head credits its source.
 *   (zero bytes to a multiple of 4)
 *   header       HEADER_WORDS little-endian u32: BYTE_ORDER_MARK, entries, traditional
 *                forms, longest headword (code units), then each section's offset and
 *                byte length, in SECTIONS order.
 *   sections     each starting at a multiple of 4; the three "…Lengths" give each entry's
 *                length in the section after them, in entry order:
 *     simplifiedLengths (u8), simplifiedChars (u16): the headwords' UTF-16 code units,
 *                      entries sorted by headword as `<` compares strings (CC-CEDICT's order
 *                      kept among entries of one headword)
 *     traditionalLengths (u8), traditionalChars (u16): each entry's traditional form; an
 *                      empty one means "the same as the simplified form"
 *     traditionalOrder u32 × traditional forms: the entries whose traditional form differs,
 *                      sorted by that form, then by entry number: the index for traditional text
 *     bodyLengths (u16), body (UTF-8): pinyin (tone marks), a tab, then the glosses
 *                      separated by "/"; decoded only for the entries a look-up returns
 *
 * Lengths rather than offsets because they compress to a third in the package; turning them
 * into offsets at load is one pass of additions over typed arrays (about a millisecond).
 *
 * Not compressed: the extension's package (a zip) compresses it, and the browser reads it
 * back in one piece, while decompressing at load (gzip, as before) would cost the time saved.
 */

/** Where the asset lies in the extension's package. */
export const DICTIONARY_FILE = 'data/cedict.bin';

export const FORMAT_NAME = 'jiedu-cedict-table';
export const FORMAT_VERSION = 3;

/** Written as 0x01020304: read back otherwise, the file's byte order is not the machine's. */
export const BYTE_ORDER_MARK = 0x01020304;

export const SECTIONS = [
  'simplifiedLengths',
  'simplifiedChars',
  'traditionalLengths',
  'traditionalChars',
  'traditionalOrder',
  'bodyLengths',
  'body',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Byte order mark, entries, traditional forms, longest headword; then offset and length per section. */
export const HEADER_WORDS = 4 + 2 * SECTIONS.length;

/** Between the pinyin and the glosses of an entry's body. */
export const BODY_SEPARATOR = '\t';
export const GLOSS_SEPARATOR = '/';

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function align4(n: number): number {
  return (n + 3) & ~3;
}
