/**
 * Builds the glossary the extension ships: assets/glossary.json validated,
 * checked against the seed articles and given citations from them.
 *
 *   npx tsx scripts/build-glossary.ts [out.json]   (stdout without a path)
 *
 * The extension build imports buildGlossary() instead of running this file.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as v from 'valibot';
import { addCitations } from '../src/core/glossary/citations.ts';
import { foldText } from '../src/core/glossary/matcher.ts';
import { GlossarySchema, describeIssues } from '../src/core/glossary/schema.ts';
import { CATEGORIES } from '../src/core/glossary/types.ts';
import type { BuiltGlossary } from '../src/core/glossary/types.ts';
import { parseSeed } from '../src/core/seeds.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildGlossaryOptions {
  glossaryPath?: string;
  seedsDir?: string;
}

export class GlossaryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`glossary build failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'GlossaryBuildError';
  }
}

const KNOWN = new Set<string>(CATEGORIES);

/** Category problems are reported by name before the schema runs, so that the message says what the valid names are. */
function categoryProblems(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const problems: string[] = [];
  raw.forEach((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) return;
    const rec = item as Record<string, unknown>;
    const cat = rec.category;
    if (typeof cat === 'string' && !KNOWN.has(cat)) {
      problems.push(`${String(rec.simplified ?? `#${i}`)}: unknown category "${cat}" (known: ${CATEGORIES.join(', ')})`);
    }
  });
  return problems;
}

export async function buildGlossary(options: BuildGlossaryOptions = {}): Promise<BuiltGlossary> {
  const glossaryPath = options.glossaryPath ?? join(ROOT, 'assets', 'glossary.json');
  const seedsDir = options.seedsDir ?? join(ROOT, 'assets', 'seeds');

  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(glossaryPath, 'utf8'));
  } catch (e) {
    throw new GlossaryBuildError([`${glossaryPath}: ${e instanceof Error ? e.message : String(e)}`]);
  }

  const problems = categoryProblems(raw);
  const parsed = v.safeParse(GlossarySchema, raw);
  if (!parsed.success) {
    const label = (i: number): string => {
      const item: unknown = Array.isArray(raw) ? raw[i] : undefined;
      const name = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).simplified : undefined;
      return typeof name === 'string' ? name : `#${i}`;
    };
    // Category issues were already described with the list of valid names.
    const issues = parsed.issues.filter((issue) => issue.path?.[1]?.key !== 'category' || problems.length === 0);
    throw new GlossaryBuildError([...problems, ...describeIssues(issues, label)]);
  }
  const entries = parsed.output;

  // A surface form claimed twice would make the matcher's choice arbitrary.
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const form of new Set([e.simplified, e.traditional].filter((f): f is string => !!f))) {
      const key = foldText(form);
      const prev = owner.get(key);
      if (prev === undefined) owner.set(key, e.simplified);
      else problems.push(prev === e.simplified ? `${e.simplified}: duplicate entry` : `${e.simplified}: form "${form}" is already used by ${prev}`);
    }
    if (e.traditional !== undefined && e.traditional === e.simplified) {
      problems.push(`${e.simplified}: traditional is the same as simplified; leave it out`);
    }
  }

  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  if (files.length === 0) problems.push(`${seedsDir}: no seed files`);
  const seeds = await Promise.all(files.map(async (file) => parseSeed(file, await readFile(join(seedsDir, file), 'utf8'))));

  const built = addCitations(entries, seeds);
  for (const e of built) {
    if (!e.related && e.citations.length === 0) problems.push(`${e.simplified}: found in no seed (mark it "related": true if that is intended)`);
    if (e.related && e.citations.length > 0) problems.push(`${e.simplified}: marked related but occurs in ${e.citations[0]?.seed}`);
  }
  if (problems.length > 0) throw new GlossaryBuildError(problems);

  return { version: 1, seeds: seeds.map((s) => ({ file: s.file, title: s.title })), entries: built };
}

async function main(argv: string[]): Promise<void> {
  const out = argv[0];
  const built = await buildGlossary();
  const json = `${JSON.stringify(built, null, 2)}\n`;
  if (out) {
    await writeFile(out, json);
    process.stderr.write(`wrote ${built.entries.length} entries to ${out}\n`);
  } else process.stdout.write(json);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
