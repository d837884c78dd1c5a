/** Extraction speed on the real pages, beside Readability on the same parsed document. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectFromUrl, extractArticle } from '../../src/core/extract/index.ts';
import type { NodeBenchCase, NodeBenchSuite } from './types.ts';

const PAGES = join(import.meta.dirname, '../fixtures/real-pages');
const REAL: Array<[file: string, url: string]> = [
  ['guancha-1.html', 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml'],
  ['guancha-2.html', 'https://www.guancha.cn/industry-science/2019_09_07_516923.shtml'],
  ['guancha-3.html', 'https://www.guancha.cn/politics/2019_09_09_517162.shtml'],
  ['xinhua-1.html', 'http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm'],
  ['xinhua-2.html', 'http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm'],
  ['xinhua-3-fragment-2022.html', 'http://www.news.cn/2022-09/29/c_1129041895.htm'],
  ['zaobao-1.html', 'https://www.zaobao.com/realtime/world/story20211118-1214802'],
];

function pageCase(file: string, url: string): NodeBenchCase {
  // Parsed once, outside the timed function: the content script gets a live document for free.
  let doc: Document | null = null;
  const load = (): Document => (doc ??= parseHTML(readFileSync(join(PAGES, file), 'utf8')).document as unknown as Document);
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
  ],
};
