/**
 * CC-CEDICT in memory: headwords in a sorted array searched by binary search (the layout
 * classic pop-up dictionaries use), pinyin and English kept as two long strings with line
 * offsets and sliced only when an entry is returned. That keeps load time and memory low in a
 * service worker, where the dictionary may be parsed again after every restart.
 */
import {
  FORMAT_NAME,
  GLOSS_SEPARATOR,
  SECTIONS,
  compareCodeUnits,
  decodeHeadword,
  decodeTraditional,
  sectionMarker,
  type SectionName,
} from './format.ts';
import type { DictEntry, DictMatch } from './types.ts';

export class DictionaryFormatError extends Error {}

interface Section {
  start: number;
  end: number;
}

/** `text.slice(start, end)` is the section's lines, each ended by "\n". */
function sectionLines(text: string, section: Section, count: number, name: string): string[] {
  const lines = section.end === section.start ? [] : text.slice(section.start, section.end - 1).split('\n');
  if (lines.length !== count) throw new DictionaryFormatError(`section @${name} has ${lines.length} lines, expected ${count}`);
  return lines;
}

/** Where each line starts, plus a sentinel one past the last line's "\n". */
function lineOffsets(text: string, section: Section, count: number, name: string): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  let pos = section.start;
  for (let i = 0; i < count; i++) {
    offsets[i] = pos;
    const nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= section.end) throw new DictionaryFormatError(`section @${name} has ${i} lines, expected ${count}`);
    pos = nl + 1;
  }
  if (pos !== section.end) throw new DictionaryFormatError(`section @${name} has more than ${count} lines`);
  offsets[count] = pos;
  return offsets;
}

export class Dictionary {
  /** The comment lines at the top of the asset: the CC-CEDICT attribution and license, for an About page. */
  readonly attribution: string;
  readonly size: number;
  /** Longest headword, in code units: no match can be longer. */
  readonly maxWordLength: number;

  private readonly text: string;
  private readonly simplified: string[];
  private readonly traditionalLines: string[];
  private readonly pinyinOffsets: Uint32Array;
  private readonly englishOffsets: Uint32Array;
  /** Entries whose traditional form differs, sorted by that form. */
  private readonly tradOrder: Uint32Array;
  private readonly tradKeys: string[];

  private constructor(text: string) {
    this.text = text;
    const headerLines: string[] = [];
    let pos = 0;
    let entries = -1;
    let format = '';
    while (pos < text.length && text.charCodeAt(pos) === 0x23 /* # */) {
      const nl = text.indexOf('\n', pos);
      const line = text.slice(pos, nl < 0 ? text.length : nl);
      const meta = /^#! *([a-z]+)=(.*)$/.exec(line);
      if (meta) {
        if (meta[1] === 'entries') entries = Number(meta[2]);
        if (meta[1] === 'format') format = meta[2]!.trim();
      }
      headerLines.push(line);
      pos = nl < 0 ? text.length : nl + 1;
    }
    if (!format.startsWith(FORMAT_NAME)) throw new DictionaryFormatError(`not a ${FORMAT_NAME} dictionary (no "#! format=${FORMAT_NAME}" line)`);
    if (!Number.isInteger(entries) || entries < 0) throw new DictionaryFormatError('the header has no valid "#! entries=" line');
    this.attribution = headerLines.filter((l) => !l.startsWith('#!')).map((l) => l.replace(/^# ?/, '')).join('\n').trim();
    this.size = entries;

    const sections = new Map<SectionName, Section>();
    for (let i = 0; i < SECTIONS.length; i++) {
      const name = SECTIONS[i]!;
      const marker = sectionMarker(name) + '\n';
      if (!text.startsWith(marker, pos)) throw new DictionaryFormatError(`expected section @${name} at offset ${pos}`);
      const start = pos + marker.length;
      const next = SECTIONS[i + 1];
      let end = text.length;
      if (next) {
        const at = text.indexOf('\n' + sectionMarker(next) + '\n', start - 1);
        if (at < 0) throw new DictionaryFormatError(`section @${next} is missing`);
        end = at + 1;
      } else if (end > start && !text.endsWith('\n')) {
        throw new DictionaryFormatError('the text is cut short (no final newline)');
      }
      sections.set(name, { start, end });
      pos = end;
    }
    const section = (name: SectionName): Section => sections.get(name)!;

    const simpLines = sectionLines(text, section('simplified'), entries, 'simplified');
    const simplified = new Array<string>(entries);
    let prev = '';
    let maxLen = 0;
    for (let i = 0; i < entries; i++) {
      prev = decodeHeadword(prev, simpLines[i]!);
      simplified[i] = prev;
      if (prev.length > maxLen) maxLen = prev.length;
    }
    this.simplified = simplified;

    const tradLines = sectionLines(text, section('traditional'), entries, 'traditional');
    this.traditionalLines = tradLines;
    const traditionalOf = new Array<string | undefined>(entries);
    let differing = 0;
    for (let i = 0; i < entries; i++) {
      const line = tradLines[i]!;
      if (line === '') continue;
      const t = decodeTraditional(simplified[i]!, line);
      traditionalOf[i] = t;
      differing++;
      if (t.length > maxLen) maxLen = t.length;
    }
    // The build wrote the traditional index already sorted: read it rather than sort 76,000 keys here.
    const orderSection = section('tradorder');
    const orderLines = orderSection.end === orderSection.start ? [] : text.slice(orderSection.start, orderSection.end - 1).split('\n');
    if (orderLines.length !== differing) throw new DictionaryFormatError(`section @tradorder has ${orderLines.length} lines, expected ${differing}`);
    const tradOrder = new Uint32Array(differing);
    const tradKeys = new Array<string>(differing);
    for (let k = 0; k < differing; k++) {
      const i = Number(orderLines[k]);
      const key = Number.isInteger(i) ? traditionalOf[i] : undefined;
      if (key === undefined) throw new DictionaryFormatError(`section @tradorder line ${k + 1} names no entry with a traditional form`);
      if (k > 0 && compareCodeUnits(tradKeys[k - 1]!, key) > 0) throw new DictionaryFormatError(`section @tradorder is not sorted at line ${k + 1}`);
      tradOrder[k] = i;
      tradKeys[k] = key;
    }
    this.tradOrder = tradOrder;
    this.tradKeys = tradKeys;
    this.maxWordLength = maxLen;

    this.pinyinOffsets = lineOffsets(text, section('pinyin'), entries, 'pinyin');
    this.englishOffsets = lineOffsets(text, section('english'), entries, 'english');
  }

  /** Parses the asset written by scripts/build-dictionary.ts (the text, after any decompression). */
  static fromText(text: string): Dictionary {
    return new Dictionary(text);
  }

  /** Entry number `i` in headword order. */
  entry(i: number): DictEntry {
    const simplified = this.simplified[i];
    if (simplified === undefined) throw new RangeError(`no entry ${i}`);
    const py0 = this.pinyinOffsets[i]!;
    const py1 = this.pinyinOffsets[i + 1]! - 1;
    const en0 = this.englishOffsets[i]!;
    const en1 = this.englishOffsets[i + 1]! - 1;
    return {
      simplified,
      traditional: decodeTraditional(simplified, this.traditionalLines[i]!),
      pinyin: this.text.slice(py0, py1),
      english: this.text.slice(en0, en1).split(GLOSS_SEPARATOR),
    };
  }

  /** Entry numbers for an exact headword, simplified first, then traditional, each in file order. */
  private indicesOf(word: string): number[] {
    const out: number[] = [];
    if (word === '' || word.length > this.maxWordLength) return out;
    for (let i = lowerBound(this.simplified, word); i < this.simplified.length && this.simplified[i] === word; i++) out.push(i);
    const from = lowerBound(this.tradKeys, word);
    for (let k = from; k < this.tradKeys.length && this.tradKeys[k] === word; k++) {
      const i = this.tradOrder[k]!;
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
    for (let i = lowerBound(this.simplified, form); i < this.simplified.length && this.simplified[i]!.startsWith(form); i++) {
      if (this.traditionalLines[i] === '') n++;
    }
    for (let k = lowerBound(this.tradKeys, form); k < this.tradKeys.length && this.tradKeys[k]!.startsWith(form); k++) n++;
    return n;
  }

  /** Whether some headword starts with `prefix`: lets a caller stop extending a match early. */
  hasPrefix(prefix: string): boolean {
    const s = this.simplified[lowerBound(this.simplified, prefix)];
    if (s !== undefined && s.startsWith(prefix)) return true;
    const t = this.tradKeys[lowerBound(this.tradKeys, prefix)];
    return t !== undefined && t.startsWith(prefix);
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

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
