/** Extraction speed on the real pages, beside Readability on the same parsed document. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../../src/core/extract/charset.ts';
import { detectFromUrl, extractArticle } from '../../src/core/extract/index.ts';
import type { NodeBenchCase, NodeBenchSuite } from './types.ts';

const PAGES = join(import.meta.dirname, '../fixtures/real-pages');
/** Every real page, at the address it was served at (tests/fixtures/real-pages/index.json). */
const REAL: Array<[file: string, url: string]> = (JSON.parse(readFileSync(join(PAGES, 'index.json'), 'utf8')) as { pages: Array<{ file: string; url: string }> }).pages.map((p) => [p.file, p.url]);

/** An address a page could make as long as it likes: detection must not take more than linear time in it. */
const LONG_URL = `https://www.zaobao.com/${'a-'.repeat(2000)}/story`;

function pageCase(file: string, url: string): NodeBenchCase {
  // Parsed once, outside the timed function: the content script gets a live document for free.
  let doc: Document | null = null;
  const load = (): Document => (doc ??= parseHTML(decodeHtml(readFileSync(join(PAGES, file)))).document as unknown as Document);
  return {
    name: `extract: detect + extract ${file}`,
    target: '≤ 20 ms',
    setup: load,
    fn: () => {
      const d = detectFromUrl(url);
      if (d.kind !== 'article') throw new Error(`${file}: not detected`);
      const out = extractArticle(load(), url);
      if (!out.ok) throw new Error(`${file}: ${out.message}`);
      return out.article.charCount;
    },
    baseline: {
      name: `Readability on a clone of ${file}`,
      fn: () => {
        try {
          return new Readability(load().cloneNode(true) as Document).parse()?.length ?? 0;
        } catch {
          return 0; // Readability throws on the bodiless xinhua-3 fragment
        }
      },
    },
    runs: 20,
  };
}

export const suite: NodeBenchSuite = {
  suite: 'extract',
  cases: [
    ...REAL.map(([file, url]) => pageCase(file, url)),
    {
      name: 'extract: detectFromUrl on a non-article URL',
      target: '≤ 0.01 ms',
      fn: () => detectFromUrl('https://www.example.org/some/long/path/that/is/not/news/index.html?q=1#x'),
      baseline: { name: 'new URL() of the same address', fn: () => new URL('https://www.example.org/some/long/path/that/is/not/news/index.html?q=1#x').host },
      runs: 1000,
    },
    {
      name: 'extract: detectFromUrl on a URL of 4,000 characters',
      target: '≤ 2 ms',
      fn: () => detectFromUrl(LONG_URL),
      baseline: { name: 'new URL() of the same address', fn: () => new URL(LONG_URL).host },
      runs: 200,
    },
  ],
};
