/** The polyphone model for Node tools (CLI, benchmarks, tests), read from assets/. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolyphoneModel, type PolyphoneModelMeta } from '../core/pinyin/polyphone-model.ts';

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
