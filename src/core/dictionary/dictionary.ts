/**
 * CC-CEDICT read in place (format.ts): headwords are binary-searched as UTF-16 code units in
 * the index's own typed arrays, traditional forms through their sorted index, and an entry's
 * pinyin and glosses are decoded only when a look-up returns it. The glosses lie in parts
 * (format.ts) that `read` loads as the entries it touches need them; an entry whose part is
 * not loaded throws GlossesNotLoaded, which `read` answers by loading that part and running
 * again, so no caller has to know beforehand which parts a look-up touches.
 */
import { BYTE_ORDER_MARK, FORMAT_NAME, FORMAT_VERSION, GLOSS_FORMAT_NAME, GLOSS_HEADER_WORDS, GLOSS_SEPARATOR, HEADER_WORDS, SECTIONS, align4, type SectionName } from './format.ts';
import type { DictEntry, DictMatch } from './types.ts';

export class DictionaryFormatError extends Error {}

/** Entry `entry` was read before its gloss part (`part`) was loaded. */
export class GlossesNotLoaded extends Error {
  constructor(
    readonly part: number,
    entry: number,
  ) {
    super(`the glosses of entry ${entry} (part ${part}) are not loaded`);
  }
}

/** Reads gloss part `part`'s bytes (in the extension, a fetch of format.ts's glossFile). */
export type GlossPartSource = (part: number) => Promise<ArrayBuffer | Uint8Array>;

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
function offsetsOf(name: string, lengths: Uint8Array | Uint16Array, total: number): Uint32Array {
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

/** The notice and header of one of the asset's files, checked: its "#!" lines and its header words. */
function openFile(data: ArrayBuffer | Uint8Array, format: string, headerWords: number): { bytes: Uint8Array; notice: string; meta: Map<string, string>; header: Uint32Array; dataStart: number } {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // The views below need their offsets aligned as the file is: a misaligned slice is copied once.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const notice = readNotice(bytes);
  const meta = new Map<string, string>();
  for (const m of (notice?.text ?? '').matchAll(/^#! *([a-z-]+)=(.*)$/gm)) meta.set(m[1]!, m[2]!.trim());
  if (!notice || meta.get('format') !== format) throw new DictionaryFormatError(`not a ${format} file (no "#! format=${format}" line at its head)`);
  const headerAt = align4(notice.end + 1);
  if (bytes.length < headerAt + headerWords * 4) throw new DictionaryFormatError('the file is cut short in its header');
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset + headerAt, headerWords);
  if (header[0] !== BYTE_ORDER_MARK) throw new DictionaryFormatError('the table was written in another byte order, or is damaged');
  return { bytes, notice: notice.text, meta, header, dataStart: headerAt + headerWords * 4 };
}

/** A section of a file at `offset`, `length` bytes: checked to lie inside it, aligned, whole units. */
function sectionOf(bytes: Uint8Array, dataStart: number, name: string, offset: number, length: number, unit: 1 | 2 | 4, count?: number): { offset: number; length: number } {
  if (offset < dataStart || offset % 4 !== 0 || length % unit !== 0 || offset + length > bytes.length) {
    throw new DictionaryFormatError(`section ${name} lies outside the file (${bytes.length} bytes): the file is cut short or damaged`);
  }
  if (count !== undefined && length !== count * unit) throw new DictionaryFormatError(`section ${name} holds ${length / unit} values, expected ${count}`);
  return { offset: bytes.byteOffset + offset, length: length / unit };
}

/** One loaded gloss part: each of its entries' glosses, as offsets into its UTF-8 bytes. */
interface GlossPart {
  offsets: Uint32Array;
  bytes: Uint8Array;
}

export class Dictionary {
  /** The credit at the head of the asset: the CC-CEDICT attribution and license, for an About page. */
  readonly attribution: string;
  readonly size: number;
  /** Longest headword, in code units: no match can be longer. */
  readonly maxWordLength: number;
  /** How many gloss parts the asset has, and how many entries each holds (the last may hold fewer). */
  readonly glossParts: number;
  readonly entriesPerPart: number;

  private readonly simplifiedOffsets: Uint32Array;
  private readonly simplifiedChars: Uint16Array;
  private readonly traditionalOffsets: Uint32Array;
  private readonly traditionalChars: Uint16Array;
  /** Entries whose traditional form differs, sorted by that form. */
  private readonly traditionalOrder: Uint32Array;
  private readonly pinyinOffsets: Uint32Array;
  private readonly pinyin: Uint8Array;
  private readonly parts: (GlossPart | undefined)[];
  /** Parts being loaded by `read`, so that two look-ups fetch a part once. */
  private readonly loading = new Map<number, Promise<void>>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  private constructor(
    data: ArrayBuffer | Uint8Array,
    private readonly source: GlossPartSource | null,
  ) {
    const format = `${FORMAT_NAME} ${FORMAT_VERSION}`;
    const { bytes, notice, meta, header, dataStart } = openFile(data, format, HEADER_WORDS);
    this.attribution = attributionOf(notice);
    const entries = header[1]!;
    const traditionalForms = header[2]!;
    this.size = entries;
    this.maxWordLength = header[3]!;
    this.glossParts = header[4]!;
    this.entriesPerPart = header[5]!;
    if (String(entries) !== meta.get('entries')) throw new DictionaryFormatError(`the header counts ${entries} entries, the notice ${meta.get('entries') ?? 'none'}`);
    if (this.entriesPerPart === 0 || Math.ceil(entries / this.entriesPerPart) !== this.glossParts)
      throw new DictionaryFormatError(`${this.glossParts} gloss parts of ${this.entriesPerPart} entries cannot hold ${entries}`);
    this.parts = new Array<GlossPart | undefined>(this.glossParts);

    const section = (name: SectionName, unit: 1 | 2 | 4, count?: number) => {
      const i = SECTIONS.indexOf(name);
      return sectionOf(bytes, dataStart, name, header[6 + 2 * i]!, header[7 + 2 * i]!, unit, count);
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
    this.pinyin = u8('pinyin');
    // Offsets from lengths: one pass of additions, which also keeps every later read in range.
    this.simplifiedOffsets = offsetsOf('simplifiedLengths', u8('simplifiedLengths', entries), this.simplifiedChars.length);
    this.traditionalOffsets = offsetsOf('traditionalLengths', u8('traditionalLengths', entries), this.traditionalChars.length);
    this.pinyinOffsets = offsetsOf('pinyinLengths', u8('pinyinLengths', entries), this.pinyin.length);
    for (const i of this.traditionalOrder) if (i >= entries) throw new DictionaryFormatError(`section traditionalOrder names entry ${i} of ${entries}`);
  }

  /**
   * Opens the index written by scripts/build-dictionary.ts, in place (the views share `index`'s
   * memory), with the gloss parts given (all of them, in order, for tools that read every entry)
   * or read from `source` as look-ups need them.
   */
  static fromBytes(index: ArrayBuffer | Uint8Array, glosses: readonly (ArrayBuffer | Uint8Array)[] | GlossPartSource = []): Dictionary {
    const dict = new Dictionary(index, typeof glosses === 'function' ? glosses : null);
    if (typeof glosses !== 'function') glosses.forEach((g, part) => dict.addGlossPart(part, g));
    return dict;
  }

  /** Takes in gloss part `part`, checked against the index: a part of another build or a damaged one is refused. */
  addGlossPart(part: number, data: ArrayBuffer | Uint8Array): void {
    if (!Number.isInteger(part) || part < 0 || part >= this.glossParts) throw new RangeError(`no gloss part ${part}`);
    const { bytes, header, dataStart } = openFile(data, `${GLOSS_FORMAT_NAME} ${FORMAT_VERSION}`, GLOSS_HEADER_WORDS);
    const first = part * this.entriesPerPart;
    const count = Math.min(this.entriesPerPart, this.size - first);
    if (header[1] !== part || header[2] !== first || header[3] !== count) {
      throw new DictionaryFormatError(
        `gloss part ${part} should hold entries ${first}–${first + count - 1}, but is part ${header[1]} holding ${header[3]} from ${header[2]}: it belongs to another build`,
      );
    }
    const lengthsAt = sectionOf(bytes, dataStart, 'glossLengths', dataStart, count * 2, 2, count);
    const glossesAt = align4(dataStart + count * 2);
    const text = sectionOf(bytes, dataStart, 'glosses', glossesAt, header[4]!, 1);
    const glosses = new Uint8Array(bytes.buffer, text.offset, text.length);
    this.parts[part] = { offsets: offsetsOf(`glossLengths of part ${part}`, new Uint16Array(bytes.buffer, lengthsAt.offset, lengthsAt.length), glosses.length), bytes: glosses };
  }

  /** The gloss part that holds entry `i`. */
  partOf(i: number): number {
    return Math.floor(i / this.entriesPerPart);
  }

  /** Loads gloss parts from the source given at open (each once; a failed load is tried again next time). */
  loadGlossParts(parts: Iterable<number>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const part of new Set(parts)) {
      if (this.parts[part]) continue;
      let wait = this.loading.get(part);
      if (!wait) {
        const source = this.source;
        if (!source) throw new GlossesNotLoaded(part, part * this.entriesPerPart);
        wait = source(part)
          .then((bytes) => this.addGlossPart(part, bytes))
          .finally(() => this.loading.delete(part));
        this.loading.set(part, wait);
      }
      waits.push(wait);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /**
   * Loads every gloss part not loaded yet, one at a time, waiting for `pause` before each: after
   * a first answer, so that later look-ups wait for none. A part that fails is left for `read`.
   */
  async loadEveryGlossPart(pause: () => Promise<void>): Promise<void> {
    for (let part = 0; part < this.glossParts; part++) {
      if (this.parts[part]) continue;
      await pause();
      await this.loadGlossParts([part]).catch(() => undefined);
    }
  }

  /** The gloss parts of every entry a look-up of the words starting `text` returns: worth loading before it. */
  glossPartsAt(text: string): number[] {
    const parts = new Set<number>();
    for (const len of this.reachAt(text, 0)) for (const i of this.indicesOf(text.slice(0, len))) parts.add(this.partOf(i));
    return [...parts];
  }

  /**
   * Runs `fn`, which reads entries, loading whatever gloss parts it finds missing and running it
   * again: `fn` must have no effect but its result.
   */
  async read<T>(fn: () => T): Promise<T> {
    for (;;) {
      try {
        return fn();
      } catch (err) {
        if (!(err instanceof GlossesNotLoaded)) throw err;
        await this.loadGlossParts([err.part]);
      }
    }
  }

  private simplifiedAt(i: number): string {
    return stringAt(this.simplifiedChars, this.simplifiedOffsets[i]!, this.simplifiedOffsets[i + 1]!);
  }

  private headwordAt(i: number): Omit<DictEntry, 'english'> {
    const simplified = this.simplifiedAt(i);
    const t0 = this.traditionalOffsets[i]!;
    const t1 = this.traditionalOffsets[i + 1]!;
    return {
      simplified,
      traditional: t0 === t1 ? simplified : stringAt(this.traditionalChars, t0, t1),
      pinyin: this.decoder.decode(this.pinyin.subarray(this.pinyinOffsets[i]!, this.pinyinOffsets[i + 1]!)),
    };
  }

  /** Entry number `i` in headword order; throws GlossesNotLoaded when its gloss part is not loaded (see `read`). */
  entry(i: number): DictEntry {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new RangeError(`no entry ${i}`);
    const part = this.parts[this.partOf(i)];
    if (!part) throw new GlossesNotLoaded(this.partOf(i), i);
    const k = i - this.partOf(i) * this.entriesPerPart;
    const glosses = this.decoder.decode(part.bytes.subarray(part.offsets[k]!, part.offsets[k + 1]!));
    return { ...this.headwordAt(i), english: glosses.split(GLOSS_SEPARATOR) };
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

  /** lookup without the glosses, which the index alone answers: the forms and readings of a word. */
  readings(word: string): Omit<DictEntry, 'english'>[] {
    return this.indicesOf(word).map((i) => this.headwordAt(i));
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
    for (const len of this.reachAt(text, index)) {
      const word = text.slice(index, index + len);
      const found = this.indicesOf(word);
      if (found.length > 0) out.push({ word, length: len, entries: found.map((i) => this.entry(i)) });
    }
    return out;
  }

  /** The lengths a headword starting at `index` may have there, longest first (whole characters only). */
  private reachAt(text: string, index: number): number[] {
    if (index < 0 || index >= text.length) return [];
    const limit = Math.min(this.maxWordLength, text.length - index);
    // Find how far any headword reaches before trying each length, so a sentence costs few searches.
    let reach = 0;
    for (let len = 1; len <= limit; len++) {
      if (isSplitPair(text, index + len)) continue;
      if (!this.hasPrefix(text.slice(index, index + len))) break;
      reach = len;
    }
    const lengths: number[] = [];
    for (let len = reach; len >= 1; len--) if (!isSplitPair(text, index + len)) lengths.push(len);
    return lengths;
  }
}

/** True when position `at` falls between the two halves of a surrogate pair. */
function isSplitPair(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  const d = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}
