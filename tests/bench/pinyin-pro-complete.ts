/**
 * Peer for the accuracy rows: pinyin-pro with its optional complete dictionary
 * (@pinyin-pro/data, complete.json), as a page that wants pinyin-pro's best would run it.
 * addDict changes pinyin-pro's dictionaries for the whole process, so this runs in a
 * process of its own (pinyin.bench.ts starts it) and prints, for each sentence file given,
 * the reading of each checked character as JSON (the files come as one JSON file, named first on the command line).
 */
import { readFileSync } from 'node:fs';
import { addDict, pinyin } from 'pinyin-pro';
import CompleteDict from '@pinyin-pro/data/complete';
import type { CppItem } from '../support/cpp.ts';

addDict(CompleteDict);
const sets = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, CppItem[]>;
const out: Record<string, string[]> = {};
for (const [name, items] of Object.entries(sets)) out[name] = items.map((it) => pinyin(it.text, { type: 'array', toneSandhi: false })[it.at] ?? '');
process.stdout.write(JSON.stringify(out));
