/**
 * Every layout adapter is exercised by a page: a real one (tests/fixtures/real-pages) or, for a
 * layout no real page has yet, a built one (tests/fixtures/built). An adapter added without
 * either fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../src/cli/html.ts';
import { ADAPTER_IDS, extractArticle } from '../../../../src/core/extract/index.ts';
import { GENERIC_LAYOUT } from '../../../../src/core/extract/generic.ts';
import type { BuiltFixture } from '../../../../scripts/build-fixtures.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const real = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/real-pages/index.json'), 'utf8')) as { pages: { file: string; url: string }[] };
const built = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/built/index.json'), 'utf8')) as BuiltFixture[];

/** The adapters that read the pages' bodies. */
function readers(pages: { doc: Document; url: string }[]): Set<string> {
  const out = new Set<string>();
  for (const { doc, url } of pages) {
    const o = extractArticle(doc, url);
    if (o.ok) out.add(o.adapter);
  }
  return out;
}

describe('layout adapters', () => {
  const fromReal = readers(real.pages.map((p) => ({ doc: parsePage(readFileSync(join(ROOT, 'tests/fixtures/real-pages', p.file))), url: p.url })));
  const fromBuilt = readers(built.map((e) => ({ doc: parseHTML(readFileSync(join(ROOT, 'tests/fixtures/built', e.file), 'utf8')).document, url: e.url })));

  it('each reads at least one real or built page', () => {
    const unread = ADAPTER_IDS.filter((id) => !fromReal.has(id) && !fromBuilt.has(id));
    expect(unread).toEqual([]);
    expect(ADAPTER_IDS.length).toBeGreaterThan(10);
  });

  it('names only adapters that exist', () => {
    expect([...fromReal, ...fromBuilt].filter((id) => id !== GENERIC_LAYOUT && !ADAPTER_IDS.includes(id))).toEqual([]);
  });
});
