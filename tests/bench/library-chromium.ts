/**
 * The library page in Chromium with 1,000 articles and 10,000 words (generated here,
 * not real data): first render, a search keystroke to its results, and an export of
 * every word, each beside a plain baseline measured in the same run.
 */
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import type { Row } from '../../scripts/bench.ts';
import { runInDatabase } from '../support/extension-db.ts';

const RUNS = 15;

function med(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Writes the generated library inside the service worker. */
const SEED = `async (db) => {
  const base = Date.UTC(2025, 0, 1);
  const para = '外交部发言人表示，中方愿同各方加强沟通，共同维护地区和平稳定。'.repeat(3);
  const articles = Array.from({ length: 1000 }, (_, i) => {
    const stamp = new Date(base + i * 60000).toISOString();
    const paragraphs = Array.from({ length: 20 }, (_, k) => '第' + i + '篇第' + k + '段：' + para);
    return {
      url: 'https://www.guancha.cn/bench/2024_01_01_' + i + '_s.shtml', site: ['guancha', 'xinhua', 'zaobao'][i % 3], layout: 'bench',
      title: '生成的基准文章 ' + i, publishedAt: '2024-01-01T08:00:00+08:00', updatedAt: null, authors: [], source: '基准', editor: null, tags: [],
      paragraphs, bold: [], images: [], language: 'zh-Hans', charCount: paragraphs.join('').length, partial: null,
      extractedAt: stamp, extractor: 'bench', extractorVersion: '1', contentHash: 'bench' + i, firstSavedAt: stamp, lastSavedAt: stamp,
    };
  });
  const words = Array.from({ length: 10000 }, (_, i) => {
    const stamp = new Date(base + i * 1000).toISOString();
    return {
      simplified: '基准词' + i, traditional: '基準詞' + i, pinyin: 'jī zhǔn cí ' + i, english: ['benchmark word ' + i, 'generated'],
      contexts: [{ sentence: '这是基准词' + i + '的例句，用来测试导出。', articleUrl: articles[i % 1000].url, articleTitle: articles[i % 1000].title, savedAt: stamp }],
      tags: ['bench', 'tag' + (i % 20)], note: i % 5 ? '' : '笔记 ' + i, source: 'dictionary', createdAt: stamp, updatedAt: stamp,
    };
  });
  await db.articles.bulkPut(articles);
  await db.vocabulary.bulkPut(words);
  return { articles: await db.articles.count(), vocabulary: await db.vocabulary.count() };
}`;

const BASELINES = (runs: number) => `async (db) => {
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const toArray = []; const filter = []; const stringify = [];
  const all = await db.vocabulary.toArray();
  const queries = ['jizhunci 12', 'benchmark word 99', '基准词42', 'zhǔn', 'generated'];
  for (let r = 0; r < ${runs}; r++) {
    let t0 = performance.now();
    await db.vocabulary.toArray();
    toArray.push(performance.now() - t0);
    const q = queries[r % queries.length];
    t0 = performance.now();
    all.filter((w) => w.simplified.includes(q) || w.pinyin.includes(q) || w.english.some((e) => e.includes(q)));
    filter.push(performance.now() - t0);
    t0 = performance.now();
    JSON.stringify(await db.vocabulary.toArray());
    stringify.push(performance.now() - t0);
  }
  return { toArray: med(toArray), filter: med(filter), stringify: med(stringify) };
}`;

export async function libraryRows(b: ExtensionBrowser): Promise<Row[]> {
  // The extension's database, opened in its service worker as the extension opens it.
  const inDatabase = (source: string): Promise<unknown> => runInDatabase((expression) => b.worker.evaluate(expression), source);
  const seeded = (await inDatabase(SEED)) as { articles: number; vocabulary: number };
  process.stderr.write(`  library: ${seeded.articles} articles, ${seeded.vocabulary} words\n`);
  const base = (await inDatabase(BASELINES(RUNS))) as { toArray: number; filter: number; stringify: number };
  const page = await b.context.newPage();
  const url = `chrome-extension://${b.extensionId}/library.html`;
  const firstRender = async (): Promise<number> => {
    await page.goto(url);
    return page.evaluate(`(async () => {
      for (let i = 0; i < 500; i++) {
        const m = performance.getEntriesByName('jiedu-library-first-render')[0];
        if (m) return m.startTime;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the library never rendered');
    })()`) as Promise<number>;
  };
  // The first load after the worker starts reads every article once to build its summaries.
  const cold = await firstRender();
  const renders: number[] = [];
  for (let i = 0; i < RUNS; i++) renders.push(await firstRender());

  await page.getByRole('tab', { name: 'Vocabulary' }).click();
  await page.waitForSelector('[data-testid="vocab-row"]');
  // Strings, not functions: the TypeScript loader would add helpers the page does not have.
  const searches = (await page.evaluate(`(async () => {
    const input = document.querySelector('[data-testid="vocab-search"]');
    const panel = input.closest('.panel');
    const queries = ['jizhunci 12', 'benchmark word 99', '基准词42', 'zhǔn', 'generated', ''];
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const times = [];
    for (let r = 0; r < ${RUNS * 2}; r++) {
      const q = queries[r % queries.length];
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          // The attribute changes in the same render as the rows.
          if (panel.dataset.shownQuery === q) {
            obs.disconnect();
            resolve();
          }
        });
        obs.observe(panel, { attributes: true, childList: true, subtree: true });
      });
      setValue.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      times.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, 30));
    }
    return times;
  })()`)) as number[];

  const exports = (await page.evaluate(`(async () => {
    const times = [];
    let size = 0;
    for (let r = 0; r < ${RUNS}; r++) {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ jiedu: 1, name: 'export/vocabulary', params: { format: 'anki', keys: null, articleUrl: null } });
      if (!reply.ok || reply.result.count !== 10000) throw new Error('export failed: ' + JSON.stringify(reply).slice(0, 200));
      size = reply.result.text.length;
      times.push(performance.now() - t0);
    }
    return { times, size };
  })()`)) as { times: number[]; size: number };
  await page.close();

  // Leave the shared browser's library as it was for any later suite.
  await inDatabase(`async (db) => {
    await db.vocabulary.where('simplified').startsWith('基准词').delete();
    await db.articles.where('url').startsWith('https://www.guancha.cn/bench/').delete();
  }`);

  return [
    {
      suite: 'library page',
      name: 'first render with 1,000 articles and 10,000 words (navigation to first rows painted), warm worker',
      where: 'chromium',
      median: med(renders),
      unit: 'ms',
      baselineName: 'db.vocabulary.toArray() of the 10,000 words in the worker',
      baseline: base.toArray,
      target: '≤ 150 ms',
      runs: RUNS,
    },
    {
      suite: 'library page',
      name: 'first render, first load after the worker started (builds the summaries)',
      where: 'chromium',
      median: cold,
      unit: 'ms',
      baselineName: 'db.vocabulary.toArray()',
      baseline: base.toArray,
      runs: 1,
    },
    {
      suite: 'library page',
      name: 'vocabulary search: keystroke to results in the DOM (10,000 words)',
      where: 'chromium',
      median: med(searches),
      unit: 'ms',
      baselineName: 'plain Array.filter over all 10,000 words (in memory, no UI)',
      baseline: base.filter,
      target: '≤ 50 ms',
      runs: searches.length,
    },
    {
      suite: 'library page',
      name: `export of 10,000 words to Anki, message to file text in the page (${(exports.size / 1024 / 1024).toFixed(1)} M characters)`,
      where: 'chromium',
      median: med(exports.times),
      unit: 'ms',
      baselineName: 'db.vocabulary.toArray() + JSON.stringify in the worker',
      baseline: base.stringify,
      target: '≤ 300 ms',
      runs: RUNS,
    },
    {
      suite: 'library page',
      name: 'export of 10,000 words to Anki, the first since the background started (every sentence read for its pinyin; later exports reuse the readings)',
      where: 'chromium',
      median: exports.times[0]!,
      unit: 'ms',
      baselineName: 'db.vocabulary.toArray() + JSON.stringify in the worker',
      baseline: base.stringify,
      runs: 1,
    },
  ];
}
