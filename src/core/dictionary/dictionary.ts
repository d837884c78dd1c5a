/**
 * CC-CEDICT read in place (format.ts): headwords are binary-searched as UTF-16 code units in
 * the file's own typed arrays, traditional forms through their sorted index, and an entry's
 * pinyin and glosses are decoded only when a look-up returns it. Opening costs one read of the
 * file, which is what a service worker that the browser stopped pays again on its next look-up.
 */
import { BODY_SEPARATOR, BYTE_ORDER_MARK, FORMAT_NAME, FORMAT_VERSION, GLOSS_SEPARATOR, HEADER_WORDS, SECTIONS, align4, type SectionName } from './format.ts';
import type { DictEntry, DictMatch } from './types.ts';

export class DictionaryFormatError extends Error {}

/** The notice is a few kilobytes; a file with no NUL this far in is not one of ours. */
const NOTICE_LIMIT = 64 * 1024;

/** The notice at the head of the asset, as text (its "#" lines), and where the binary part starts. */
export function readNotice(bytes: Uint8Array): { text: string; end: number } | null {
  const end = bytes.subarray(0, NOTICE_LIMIT).indexOf(0);
  if (end < 0) return null;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end)), end };
  } catch {
    return null;
  }
}

/** The notice's credit lines for people ("#" stripped), without the "#!" lines meant for the reader. */
export function attributionOf(notice: string): string {
  return notice
    .split('\n')
    .filter((l) => l.startsWith('#') && !l.startsWith('#!'))
    .map((l) => l.replace(/^# ?/, ''))
    .join('\n')
    .trim();
}

/** Sign of `key` against the code units chars[start, end), as `<` compares strings. */
function compareAt(key: string, chars: Uint16Array, start: number, end: number): number {
  const length = end - start;
  const n = key.length < length ? key.length : length;
  for (let i = 0; i < n; i++) {
    const d = key.charCodeAt(i) - chars[start + i]!;
    if (d !== 0) return d;
  }
  return key.length - length;
}

function startsWithAt(prefix: string, chars: Uint16Array, start: number, end: number): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) !== chars[start + i]) return false;
  return true;
}

function stringAt(chars: Uint16Array, start: number, end: number): string {
  return String.fromCharCode(...chars.subarray(start, end));
}

/** Where each entry's part starts (and, last, where the final one ends), from the parts' lengths. */
function offsetsOf(name: SectionName, lengths: Uint8Array | Uint16Array, total: number): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    offsets[i] = at;
    at += lengths[i]!;
  }
  offsets[lengths.length] = at;
  if (at !== total) throw new DictionaryFormatError(`section ${name} adds up to ${at}, not to the ${total} its data holds`);
  return offsets;
}

export class Dictionary {
  /** The credit at the head of the asset: the CC-CEDICT attribution and license, for an About page. */
  readonly attribution: string;
  readonly size: number;
  /** Longest headword, in code units: no match can be longer. */
  readonly maxWordLength: number;

  private readonly simplifiedOffsets: Uint32Array;
  private readonly simplifiedChars: Uint16Array;
  private readonly traditionalOffsets: Uint32Array;
  private readonly traditionalChars: Uint16Array;
  /** Entries whose traditional form differs, sorted by that form. */
  private readonly traditionalOrder: Uint32Array;
  private readonly bodyOffsets: Uint32Array;
  private readonly body: Uint8Array;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  private constructor(data: ArrayBuffer | Uint8Array) {
    let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // The views below need their offsets aligned as the file is: a misaligned slice is copied once.
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    const notice = readNotice(bytes);
    const meta = new Map<string, string>();
    for (const m of (notice?.text ?? '').matchAll(/^#! *([a-z]+)=(.*)$/gm)) meta.set(m[1]!, m[2]!.trim());
    const format = `${FORMAT_NAME} ${FORMAT_VERSION}`;
    if (!notice || meta.get('format') !== format) throw new DictionaryFormatError(`not a ${format} dictionary (no "#! format=${format}" line at its head)`);
    this.attribution = attributionOf(notice.text);

    const headerAt = align4(notice.end + 1);
    if (bytes.length < headerAt + HEADER_WORDS * 4) throw new DictionaryFormatError('the file is cut short in its header');
    const header = new Uint32Array(bytes.buffer, bytes.byteOffset + headerAt, HEADER_WORDS);
    if (header[0] !== BYTE_ORDER_MARK) throw new DictionaryFormatError('the table was written in another byte order, or is damaged');
    const entries = header[1]!;
    const traditionalForms = header[2]!;
    this.size = entries;
    this.maxWordLength = header[3]!;
    if (String(entries) !== meta.get('entries')) throw new DictionaryFormatError(`the header counts ${entries} entries, the notice ${meta.get('entries') ?? 'none'}`);

    const dataStart = headerAt + HEADER_WORDS * 4;
    const section = (name: SectionName, unit: 1 | 2 | 4, count?: number): { offset: number; length: number } => {
      const i = SECTIONS.indexOf(name);
      const offset = header[4 + 2 * i]!;
      const length = header[5 + 2 * i]!;
      if (offset < dataStart || offset % 4 !== 0 || length % unit !== 0 || offset + length > bytes.length) {
        throw new DictionaryFormatError(`section ${name} lies outside the file (${bytes.length} bytes): the file is cut short or damaged`);
      }
      if (count !== undefined && length !== count * unit) throw new DictionaryFormatError(`section ${name} holds ${length / unit} values, expected ${count}`);
      return { offset: bytes.byteOffset + offset, length: length / unit };
    };
    const u8 = (name: SectionName, count?: number) => {
      const s = section(name, 1, count);
      return new Uint8Array(bytes.buffer, s.offset, s.length);
    };
    const u16 = (name: SectionName, count?: number) => {
      const s = section(name, 2, count);
      return new Uint16Array(bytes.buffer, s.offset, s.length);
    };
    this.simplifiedChars = u16('simplifiedChars');
    this.traditionalChars = u16('traditionalChars');
    const order = section('traditionalOrder', 4, traditionalForms);
    this.traditionalOrder = new Uint32Array(bytes.buffer, order.offset, order.length);
    this.body = u8('body');
    // Offsets from lengths: one pass of additions, which also keeps every later read in range.
    this.simplifiedOffsets = offsetsOf('simplifiedLengths', u8('simplifiedLengths', entries), this.simplifiedChars.length);
    this.traditionalOffsets = offsetsOf('traditionalLengths', u8('traditionalLengths', entries), this.traditionalChars.length);
    this.bodyOffsets = offsetsOf('bodyLengths', u16('bodyLengths', entries), this.body.length);
    for (const i of this.traditionalOrder) if (i >= entries) throw new DictionaryFormatError(`section traditionalOrder names entry ${i} of ${entries}`);
  }

  /** Opens the asset written by scripts/build-dictionary.ts, in place: the views share `data`'s memory. */
  static fromBytes(data: ArrayBuffer | Uint8Array): Dictionary {
    return new Dictionary(data);
  }

  private simplifiedAt(i: number): string {
    return stringAt(this.simplifiedChars, this.simplifiedOffsets[i]!, this.simplifiedOffsets[i + 1]!);
  }

  /** Entry number `i` in headword order. */
  entry(i: number): DictEntry {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new RangeError(`no entry ${i}`);
    const simplified = this.simplifiedAt(i);
    const t0 = this.traditionalOffsets[i]!;
    const t1 = this.traditionalOffsets[i + 1]!;
    const body = this.decoder.decode(this.body.subarray(this.bodyOffsets[i]!, this.bodyOffsets[i + 1]!));
    const tab = body.indexOf(BODY_SEPARATOR);
    return {
      simplified,
      traditional: t0 === t1 ? simplified : stringAt(this.traditionalChars, t0, t1),
      pinyin: tab < 0 ? body : body.slice(0, tab),
      english: tab < 0 ? [] : body.slice(tab + 1).split(GLOSS_SEPARATOR),
    };
  }

  /** The first entry whose simplified headword is not below `key`. */
  private lowerSimplified(key: string): number {
    const offsets = this.simplifiedOffsets;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAt(key, this.simplifiedChars, offsets[mid]!, offsets[mid + 1]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first place in the traditional index whose form is not below `key`. */
  private lowerTraditional(key: string): number {
    const order = this.traditionalOrder;
    const offsets = this.traditionalOffsets;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const i = order[mid]!;
      if (compareAt(key, this.traditionalChars, offsets[i]!, offsets[i + 1]!) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private simplifiedIs(i: number, word: string): boolean {
    return compareAt(word, this.simplifiedChars, this.simplifiedOffsets[i]!, this.simplifiedOffsets[i + 1]!) === 0;
  }

  private traditionalAtIs(k: number, word: string): boolean {
    const i = this.traditionalOrder[k]!;
    return compareAt(word, this.traditionalChars, this.traditionalOffsets[i]!, this.traditionalOffsets[i + 1]!) === 0;
  }

  /** Entry numbers for an exact headword, simplified first, then traditional, each in file order. */
  private indicesOf(word: string): number[] {
    const out: number[] = [];
    if (word === '' || word.length > this.maxWordLength) return out;
    for (let i = this.lowerSimplified(word); i < this.size && this.simplifiedIs(i, word); i++) out.push(i);
    for (let k = this.lowerTraditional(word); k < this.traditionalOrder.length && this.traditionalAtIs(k, word); k++) {
      const i = this.traditionalOrder[k]!;
      if (!out.includes(i)) out.push(i);
    }
    return out;
  }

  /** Exact lookup by simplified or traditional headword. */
  lookup(word: string): DictEntry[] {
    return this.indicesOf(word).map((i) => this.entry(i));
  }

  /**
   * How many headwords begin with `form` in their traditional spelling (据: 據 begins 27 words,
   * 㨿 one): how common a traditional form is, for ranking a character's entries.
   */
  traditionalWordsStartingWith(form: string): number {
    if (form === '') return 0;
    let n = 0;
    const s = this.simplifiedOffsets;
    const t = this.traditionalOffsets;
    for (let i = this.lowerSimplified(form); i < this.size && startsWithAt(form, this.simplifiedChars, s[i]!, s[i + 1]!); i++) {
      if (t[i] === t[i + 1]) n++;
    }
    const order = this.traditionalOrder;
    for (let k = this.lowerTraditional(form); k < order.length && startsWithAt(form, this.traditionalChars, t[order[k]!]!, t[order[k]! + 1]!); k++) n++;
    return n;
  }

  /** Whether some headword starts with `prefix`: lets a caller stop extending a match early. */
  hasPrefix(prefix: string): boolean {
    const i = this.lowerSimplified(prefix);
    if (i < this.size && startsWithAt(prefix, this.simplifiedChars, this.simplifiedOffsets[i]!, this.simplifiedOffsets[i + 1]!)) return true;
    const k = this.lowerTraditional(prefix);
    if (k >= this.traditionalOrder.length) return false;
    const j = this.traditionalOrder[k]!;
    return startsWithAt(prefix, this.traditionalChars, this.traditionalOffsets[j]!, this.traditionalOffsets[j + 1]!);
  }

  /**
   * Every word that starts at `index` in `text`, longest first (外交部长, then 外交部, 外交, 外),
   * as pop-up dictionaries list them. Matches simplified and traditional headwords.
   */
  longestMatchAt(text: string, index: number): DictMatch[] {
    const out: DictMatch[] = [];
    if (index < 0 || index >= text.length) return out;
    const limit = Math.min(this.maxWordLength, text.length - index);
    // Find how far any headword reaches before trying each length, so a sentence costs few searches.
    let reach = 0;
    for (let len = 1; len <= limit; len++) {
      if (isSplitPair(text, index + len)) continue;
      if (!this.hasPrefix(text.slice(index, index + len))) break;
      reach = len;
    }
    for (let len = reach; len >= 1; len--) {
      if (isSplitPair(text, index + len)) continue;
      const word = text.slice(index, index + len);
      const found = this.indicesOf(word);
      if (found.length > 0) out.push({ word, length: len, entries: found.map((i) => this.entry(i)) });
    }
    return out;
  }
}

/** True when position `at` falls between the two halves of a surrogate pair. */
function isSplitPair(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  const d = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}
