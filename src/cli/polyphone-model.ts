/** The polyphone model for Node tools (CLI, benchmarks, tests), read from assets/. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolyphoneModel, type PolyphoneModelMeta } from '../core/pinyin/polyphone-model.ts';
import { dictionaryWordReadings, type ContextSources } from '../core/pinyin/context.ts';
import { loadCliDictionary } from './commands/lookup.ts';

const DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'assets/polyphone-model');

let loaded: PolyphoneModel | null = null;

export function loadCliPolyphoneModel(): PolyphoneModel {
  if (!loaded) {
    const meta = JSON.parse(readFileSync(join(DIR, 'model.json'), 'utf8')) as PolyphoneModelMeta;
    const bin = readFileSync(join(DIR, 'model.bin'));
    loaded = new PolyphoneModel(meta, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  }
  return loaded;
}

/** The model and CC-CEDICT's word readings, as the background holds them, for Node tools. */
export async function loadCliContextSources(): Promise<ContextSources> {
  return { model: loadCliPolyphoneModel(), wordReadings: dictionaryWordReadings(await loadCliDictionary()) };
}
