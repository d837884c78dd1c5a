import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { GlossarySchema } from '../../../../src/core/glossary/schema.ts';
import type { GlossaryEntry } from '../../../../src/core/glossary/types.ts';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function loadEntries(): GlossaryEntry[] {
  const raw: unknown = JSON.parse(readFileSync(`${ROOT}assets/glossary.json`, 'utf8'));
  return v.parse(GlossarySchema, raw);
}

/** A small hand-made glossary for matcher and search tests, independent of the data file. */
export function entry(simplified: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return { simplified, pinyin: 'x', english: simplified, alternatives: [], explanation: 'test', category: 'slogan', ...extra };
}
