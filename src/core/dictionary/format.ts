/**
 * The dictionary asset: CC-CEDICT as a sorted binary table that is searched where it lies, in
 * two parts. The index (DICTIONARY_FILE) holds what finding a word and reading it needs:
 * headwords and pinyin. The glosses, three fifths of the whole, lie in parts of
 * ENTRIES_PER_GLOSS_PART entries each (glossFile), and a look-up reads only the parts of the
 * entries it shows: a service worker that the browser stopped answers its first look-up after
 * one read of the index and of a part or two. Opening either is one read of the file and a
 * few typed-array views over it: nothing is parsed, split or sorted.
 *
 * Both kinds of file start with
 *   notice       UTF-8 text, "#" lines: CC-CEDICT's attribution and license, what Jiedu
 *                changed, and "#! key=value" lines (format, entries…); ended by a NUL byte.
 *                It comes first so that every file's own head credits its source.
 *   (zero bytes to a multiple of 4)
 *
 * The index then holds
 *   header       HEADER_WORDS little-endian u32: BYTE_ORDER_MARK, entries, traditional
 *                forms, longest headword (code units), gloss parts, entries per part, then
 *                each section's offset and byte length, in SECTIONS order.
 *   sections     each starting at a multiple of 4; the "…Lengths" give each entry's length
 *                in the section after them, in entry order:
 *     simplifiedLengths (u8), simplifiedChars (u16): the headwords' UTF-16 code units,
 *                      entries sorted by headword as `<` compares strings (CC-CEDICT's order
 *                      kept among entries of one headword)
 *     traditionalLengths (u8), traditionalChars (u16): each entry's traditional form; an
 *                      empty one means "the same as the simplified form"
 *     traditionalOrder u32 × traditional forms: the entries whose traditional form differs,
 *                      sorted by that form, then by entry number: the index for traditional text
 *     pinyinLengths (u8), pinyin (UTF-8): tone marks; the polyphone model reads words'
 *                      readings across the whole dictionary, so they stay in the index
 *
 * A gloss part then holds
 *   header       GLOSS_HEADER_WORDS little-endian u32: BYTE_ORDER_MARK, the part's number,
 *                its first entry, its entries, the byte length of its glosses
 *   glossLengths u16 × entries (then zero bytes to a multiple of 4)
 *   glosses      UTF-8, each entry's glosses separated by "/"
 *
 * Lengths rather than offsets because they compress to a third in the package; turning them
 * into offsets at load is one pass of additions over typed arrays.
 *
 * Not compressed: the extension's package (a zip) compresses it, and the browser reads it
 * back in one piece, while decompressing at load would cost the time saved.
 */

/** Where the index lies in the extension's package. */
export const DICTIONARY_FILE = 'data/cedict.bin';

/** Where gloss part `part` lies in the extension's package. */
export function glossFile(part: number): string {
  return `data/cedict-glosses/${part}.bin`;
}

export const FORMAT_NAME = 'jiedu-cedict-table';
export const GLOSS_FORMAT_NAME = 'jiedu-cedict-glosses';
export const FORMAT_VERSION = 4;

/** About 180 KB of glosses a part: one fetch of a part costs little more than a message. */
export const ENTRIES_PER_GLOSS_PART = 4096;

/** Written as 0x01020304: read back otherwise, the file's byte order is not the machine's. */
export const BYTE_ORDER_MARK = 0x01020304;

export const SECTIONS = ['simplifiedLengths', 'simplifiedChars', 'traditionalLengths', 'traditionalChars', 'traditionalOrder', 'pinyinLengths', 'pinyin'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Byte order mark, entries, traditional forms, longest headword, gloss parts, entries per part; then offset and length per section. */
export const HEADER_WORDS = 6 + 2 * SECTIONS.length;
/** Byte order mark, part number, first entry, entries, glosses' byte length. */
export const GLOSS_HEADER_WORDS = 5;

export const GLOSS_SEPARATOR = '/';

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function align4(n: number): number {
  return (n + 3) & ~3;
}
