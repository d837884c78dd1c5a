/** Glossary scanning speed on seed 001 (about 5,600 characters) against every term, beside a naive indexOf loop. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { buildMatcher } from '../../src/core/glossary/matcher.ts';
import { GlossarySchema } from '../../src/core/glossary/schema.ts';
import { parseSeed } from '../../src/core/seeds.ts';
import type { NodeBenchSuite } from './types.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = '001_18db919ca564c70d.txt';

const entries = v.parse(GlossarySchema, JSON.parse(readFileSync(join(ROOT, 'assets/glossary.json'), 'utf8')));
const seed = parseSeed(SEED, readFileSync(join(ROOT, 'assets/seeds', SEED), 'utf8'));
const text = [seed.title, ...seed.paragraphs].join('\n');
// Built once, as the extension does when it loads the glossary.
const matcher = buildMatcher(entries);
const patterns = entries.flatMap((e) => (e.traditional ? [e.simplified, e.traditional] : [e.simplified]));

/**
 * The plain way: every occurrence of every term by indexOf, then the same
 * leftmost-longest selection, so both produce the same matches.
 */
function naive(): number {
  const hits: { start: number; end: number }[] = [];
  for (const p of patterns) {
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) hits.push({ start: i, end: i + p.length });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  let count = 0;
  let last = 0;
  for (const h of hits) {
    if (h.start < last) continue;
    count++;
    last = h.end;
  }
  return count;
}

export const suite: NodeBenchSuite = {
  suite: 'glossary',
  cases: [
    {
      name: `glossary: scan seed 001 (${text.length} chars) for ${entries.length} terms`,
      target: '≤ 1 ms',
      setup: () => {
        // Dash variants aside, both ways must agree, or the comparison means nothing.
        const a = matcher.scan(text).length;
        const b = naive();
        if (Math.abs(a - b) > 2) throw new Error(`matcher found ${a} terms, indexOf loop ${b}`);
      },
      fn: () => matcher.scan(text).length,
      baseline: { name: 'indexOf loop over every term', fn: naive },
      runs: 200,
    },
    {
      name: `glossary: build the matcher for ${entries.length} terms`,
      target: '≤ 5 ms',
      fn: () => buildMatcher(entries),
      runs: 50,
    },
  ],
};
