/**
 * Benchmarks in Chromium with the production build loaded, through the same
 * harness as the browser tests: what every page loads, and the content
 * script's detection and extraction time on each real page.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, DIST } from '../../scripts/build.ts';
import { evalInContentScript, launchWithExtension, servePages } from '../../scripts/browser.ts';
import { demoPages } from '../../scripts/demo-pages.ts';
import type { Row } from '../../scripts/bench.ts';

const RUNS = 30;
const NON_ARTICLE_URL = 'https://www.guancha.cn/';
// A stand-in home page built here (not a real page): only its URL matters to the measurement.
const NON_ARTICLE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>观察者网</title></head><body><ul><li><a href="/politics/2019_09_09_517162.shtml">新闻</a></li></ul></body></html>';

const kb = (file: string): number => statSync(join(DIST, 'chrome', file)).size / 1024;

/** Runs in the content script's world: median ms of detection + extraction, and of Readability on a clone. */
const MEASURE = (runs: number) => `(async () => {
  const b = globalThis.jieduBench;
  const r = await b.loadReader();
  const med = (xs) => { const s = [...xs].sort((a, c) => a - c); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  // Pages clamp performance.now() to 0.1 ms: time batches of calls so sub-millisecond work reads true.
  const time = (fn, batch) => { for (let i = 0; i < 5; i++) fn(); const t = []; for (let i = 0; i < ${runs}; i++) { const t0 = performance.now(); for (let k = 0; k < batch; k++) fn(); t.push((performance.now() - t0) / batch); } return med(t); };
  const ours = time(() => { const d = b.detectFromUrl(location.href); if (d.kind !== 'article') throw new Error('not detected'); const o = r.extractArticle(document, location.href); if (!o.ok) throw new Error(o.message); }, 10);
  const base = time(() => new r.Readability(document.cloneNode(true)).parse(), 1);
  return { ours, base };
})()`;

const MEASURE_NON_ARTICLE = (runs: number) => `(() => {
  const b = globalThis.jieduBench;
  const med = (xs) => { const s = [...xs].sort((a, c) => a - c); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const time = (fn) => { for (let i = 0; i < 50; i++) fn(); const t = []; for (let i = 0; i < ${runs}; i++) { const t0 = performance.now(); for (let k = 0; k < 100; k++) fn(); t.push((performance.now() - t0) / 100); } return med(t); };
  const ours = time(() => { if (b.detectFromUrl(location.href).kind !== 'none') throw new Error('detected'); });
  const base = time(() => new URL(location.href));
  return { ours, base };
})()`;

export async function chromiumRows(): Promise<Row[]> {
  await build({ production: true, quiet: true });
  const rows: Row[] = [];
  rows.push({
    suite: 'content script',
    name: 'size of what every page of the three sites loads (content.js, minified)',
    where: 'chromium',
    median: kb('content.js'),
    unit: 'KB',
    baselineName: 'the same script carrying the reader (content-full.js)',
    baseline: kb('content-full.js'),
    target: '≤ 50 KB',
    runs: 1,
  });
  const b = await launchWithExtension();
  try {
    const pages = demoPages();
    await servePages(b.context, pages, { [NON_ARTICLE_URL]: NON_ARTICLE_HTML });
    const page = await b.context.newPage();
    for (const p of pages.filter((x) => x.kind === 'real')) {
      await page.goto(p.url);
      await page.waitForTimeout(200);
      const m = await evalInContentScript<{ ours: number; base: number }>(page, MEASURE(RUNS));
      rows.push({
        suite: 'extraction',
        name: `detect + extract ${p.file.split('/').pop()}`,
        where: 'chromium',
        median: m.ours,
        unit: 'ms',
        baselineName: 'Readability on the same page',
        baseline: m.base,
        target: '< 5 ms',
        runs: RUNS,
      });
      process.stderr.write(`  chromium: ${p.file.split('/').pop()}: ${m.ours.toFixed(2)} ms\n`);
    }
    await page.goto(NON_ARTICLE_URL);
    await page.waitForTimeout(200);
    const m = await evalInContentScript<{ ours: number; base: number }>(page, MEASURE_NON_ARTICLE(RUNS));
    rows.push({
      suite: 'content script',
      name: 'cost on a non-article page (www.guancha.cn home): URL check',
      where: 'chromium',
      median: m.ours,
      unit: 'ms',
      baselineName: 'parsing the URL once (new URL)',
      baseline: m.base,
      target: '< 0.5 ms',
      runs: RUNS,
    });
  } finally {
    await b.close();
  }
  return rows;
}
