/**
 * Benchmarks in Chromium with the production build loaded, through the same
 * harness as the browser tests: what every page loads, and the content
 * script's detection and extraction time on each real page.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { build, DIST } from '../../scripts/build.ts';
import { evalInContentScript, launchWithExtension, servePages } from '../../scripts/browser.ts';
import { demoPages, pageHtml, realNotArticles } from '../../scripts/demo-pages.ts';
import type { Row } from '../../scripts/bench.ts';
import * as esbuild from 'esbuild';
import { ROOT } from '../../scripts/build.ts';
import { DEFAULT_SETTINGS, pinyinLook } from '../../src/core/settings.ts';
import { DICTIONARY_FILE } from '../../src/core/dictionary/format.ts';
import { lookupRows } from './lookup-chromium.ts';

/** The drawing settings of a fresh profile, which is what the bench runs in. */
const DEFAULT_LOOK = pinyinLook(DEFAULT_SETTINGS);

const RUNS = 30;
// A real page of the three sites that is not an article (tests/fixtures/real-pages/index.json, notArticles).
const NON_ARTICLE = realNotArticles()[0]!;

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

/**
 * Runs in the content script's world of a seed-001 page: pinyin on and off, beside raw
 * pinyin-pro and a naive restore. Each switch-on is given the drawing settings, as the
 * popup's switch and the keyboard command send them with the command.
 */
export const MEASURE_PINYIN = (runs: number) => `(async () => {
  const b = globalThis.jieduBench;
  const med = (xs) => { const s = [...xs].sort((a, c) => a - c); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const root = document.querySelector('#detail');
  const look = ${JSON.stringify(DEFAULT_LOOK)};
  const t0 = performance.now();
  await b.setPinyin(true, look, 'visible');
  const cold = performance.now() - t0;
  await b.setPinyin(false);
  await b.setPinyin(true, look);
  const words = document.querySelectorAll('span.jiedu-run > ruby').length;
  const rts = () => [...document.querySelectorAll('span.jiedu-run > ruby > rt')].map((r) => r.textContent);
  const first = rts();
  // Layout shifts while the readings context decides come in and are drawn over the first ones
  // (from the frame after the first readings were drawn: pinyin going on moves text by design).
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  let shift = 0;
  const shifts = new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value; });
  shifts.observe({ type: 'layout-shift', buffered: false });
  // The context readings come from the background (model and dictionary loaded there on the first request).
  await new Promise((r) => setTimeout(r, 3000));
  const corrected = rts().filter((x, i) => x !== first[i]).length;
  shifts.disconnect();
  await b.setPinyin(false);
  const m = await b.loadAnnotator();
  const fresh = [], again = [], off = [], whole = [], oneGo = [], asking = [], offUnlaid = [], prepared = [], painted = [];
  // A task posted from the last frame callback runs once that frame is painted; at the highest
  // priority it runs before any task the page queued earlier (the annotator goes on with the rest
  // of a long article in tasks of its own right after the frame).
  const paintedFrame = () => new Promise((r) => requestAnimationFrame(() => scheduler.postTask(r, { priority: 'user-blocking' })));
  // A reader switches on or off a page that is already laid out: let a frame pass between the two,
  // so that neither measurement pays for the other's layout.
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const layout = [];
  // The rest of the article follows the part in view in tasks of its own: wait for every paragraph.
  const wholeArticle = async () => { for (let k = 0; k < 300 && root.querySelector('p:not(:has(span.jiedu-run))'); k++) await frame(); };
  const time = async (list, fn) => { await frame(); const a = performance.now(); await fn(); list.push(performance.now() - a); };
  for (let i = 0; i < ${runs}; i++) {
    // The text read for the first time (as on a new article): nothing kept from earlier runs.
    m.forgetReadings();
    await time(fresh, () => b.setPinyin(true, look, 'visible'));
    const a = performance.now();
    document.body.offsetHeight;
    layout.push(performance.now() - a);
    // Switching off is timed on the whole article annotated and laid out, as a reader meets it.
    await wholeArticle();
    await time(off, () => b.setPinyin(false));
    // On again: the article's readings are kept, only the DOM is built.
    await time(again, () => b.setPinyin(true, look, 'visible'));
    await b.setPinyin(false);
    // The DOM work of switching off alone: the same markup taken off before the browser laid it out,
    // so no layout is torn down (the annotator itself would measure the view first, which lays it out).
    await frame();
    { const h = m.annotateDom(root, {}); const a = performance.now(); h.remove(); offUnlaid.push(performance.now() - a); }
    // The whole article: the part in view, the first frame, then the rest in idle time.
    m.forgetReadings();
    await time(whole, () => b.setPinyin(true, look));
    await b.setPinyin(false);
    // The DOM work of the whole article done in one go (readings and markup, no frame, no layout).
    await frame();
    m.forgetReadings();
    { const a = performance.now(); const h = m.annotateDom(root, { tone: look.pinyinTone, toneColors: look.pinyinToneColors !== 'off' }); oneGo.push(performance.now() - a); h.remove(); }
    // The popup opened first and the page read its text ahead in idle time (not timed); then the switch.
    m.forgetReadings();
    await b.preparePinyin(look);
    await time(prepared, () => b.setPinyin(true, look, 'visible'));
    await b.setPinyin(false);
    // To the first frame painted with pinyin over the text in view, the text read for the first time.
    m.forgetReadings();
    await time(painted, async () => { await b.setPinyin(true, look, 'visible'); await paintedFrame(); });
    await b.setPinyin(false);
    // A command that does not carry the settings: the page asks the background for them.
    m.forgetReadings();
    await time(asking, () => b.setPinyin(true, undefined, 'visible'));
    await b.setPinyin(false);
  }
  const text = root.textContent;
  const raw = [];
  for (let i = 0; i < ${runs}; i++) { const a = performance.now(); m.rawPinyin(text, { type: 'array' }); raw.push(performance.now() - a); }
  // The naive way to undo: put back a saved copy of the body's HTML (it loses the page's nodes and their
  // listeners), over the same annotated and laid-out article, so that it too tears the layout down.
  const saved = root.innerHTML;
  const naive = [];
  for (let i = 0; i < ${runs}; i++) {
    await b.setPinyin(true, look);
    await frame();
    const a = performance.now(); root.innerHTML = saved; naive.push(performance.now() - a);
    await b.setPinyin(false);
  }
  // What doing the work in the background would add: a round trip carrying the article's text.
  const trip = [];
  for (let i = 0; i < ${runs}; i++) { const a = performance.now(); await chrome.runtime.sendMessage({ jiedu: 1, name: 'article/get', params: { url: location.href } }); trip.push(performance.now() - a); }
  // What a frame that repaints the same view costs without pinyin (the article's text colour changed):
  // the share of the first painted frame that is the browser's painting, whoever changed the page.
  const repaint = [];
  const tint = document.createElement('style');
  document.head.appendChild(tint);
  for (let i = 0; i < ${runs}; i++) { await frame(); const a = performance.now(); tint.textContent = '#detail { color: ' + (i % 2 ? '#101010' : '#202020') + ' }'; await paintedFrame(); repaint.push(performance.now() - a); }
  tint.remove();
  // Context readings for the article's paragraphs: the background's model over every polyphone, model loaded.
  const texts = [...root.querySelectorAll('p')].map((p) => p.textContent);
  const context = [];
  for (let i = 0; i < ${runs}; i++) { const a = performance.now(); const r = await chrome.runtime.sendMessage({ jiedu: 1, name: 'pinyin/context', params: { texts } }); if (!r.ok) throw new Error(r.error); context.push(performance.now() - a); }
  return { shift, corrected, painted: med(painted), repaint: med(repaint), context: med(context), cold, fresh: med(fresh), again: med(again), asking: med(asking), whole: med(whole), oneGo: med(oneGo), off: med(off), offUnlaid: med(offUnlaid), prepared: med(prepared), layout: med(layout), raw: med(raw), naive: med(naive), trip: med(trip), words, chars: text.length };
})()`;

const MEASURE_DICTIONARY = (runs: number) => `(async () => {
  const med = (xs) => { const s = [...xs].sort((a, c) => a - c); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const url = chrome.runtime.getURL(${JSON.stringify(DICTIONARY_FILE)});
  const load = [], fetchOnly = [];
  let dict;
  for (let i = 0; i < ${runs}; i++) {
    // A real load happens once per worker: collect the previous iteration's garbage first, so it is not charged to this one.
    dict = undefined;
    globalThis.gc?.();
    const a = performance.now();
    dict = await globalThis.jieduBench.loadDictionary();
    load.push(performance.now() - a);
    globalThis.gc?.();
    const b = performance.now();
    await (await fetch(url)).arrayBuffer();
    fetchOnly.push(performance.now() - b);
  }
  const text = '国务委员兼外长王毅在杜尚别同塔吉克斯坦外长穆赫里丁举行会谈，双方就阿富汗局势深入交换了意见。上海合作组织成员国外长理事会会议在杜尚别举行。';
  const positions = [...text].length;
  const lookups = [], scans = [];
  const heads = [];
  // Every gloss part, outside the timings: the look-ups below read entries all over the dictionary.
  await dict.loadGlossParts(Array.from({ length: dict.glossParts }, (_, i) => i));
  for (let i = 0; i < dict.size; i++) heads.push(dict.entry(i).simplified);
  for (let r = 0; r < ${runs}; r++) {
    const a = performance.now();
    for (let k = 0; k < 20; k++) for (let i = 0; i < text.length; i++) dict.longestMatchAt(text, i);
    lookups.push((performance.now() - a) / (20 * text.length));
    const b = performance.now();
    for (let i = 0; i < 5; i++) { const w = text.slice(i, i + 2); heads.indexOf(w); }
    scans.push((performance.now() - b) / 5);
  }
  return { load: med(load), fetchOnly: med(fetchOnly), lookup: med(lookups), scan: med(scans), size: dict.size, positions };
})()`;

/** pinyin-pro alone, minified, as esbuild bundles it: the yardstick for what the content script loads. */
async function rawPinyinProKb(): Promise<number> {
  const out = await esbuild.build({ stdin: { contents: "export { pinyin } from 'pinyin-pro';", resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false });
  return out.outputFiles[0]!.contents.byteLength / 1024;
}

/**
 * `only`: run that page's suite alone (`npm run bench -- review`); 'extraction' stops after the real pages'
 * detection and extraction and the non-article URL check (`npm run bench -- extraction`); 'lookup' runs
 * the look-up card's rows alone (`npm run bench -- lookup`).
 */
export async function chromiumRows(only?: 'review' | 'library' | 'extraction' | 'lookup'): Promise<Row[]> {
  // Production code, with the hooks the bench measures through.
  await build({ production: true, quiet: true, testHooks: true });
  const rows: Row[] = [];
  if (only === 'lookup') {
    const b = await launchWithExtension();
    try {
      await servePages(b.context, demoPages());
      return await lookupRows(b);
    } finally {
      await b.close();
    }
  }
  if (only === 'review' || only === 'library') {
    const b = await launchWithExtension();
    try {
      const run = only === 'review' ? (await import('./review-chromium.ts')).reviewRows : (await import('./library-chromium.ts')).libraryRows;
      return await run(b);
    } finally {
      await b.close();
    }
  }
  rows.push({
    suite: 'content script',
    name: 'size of what every page of the three sites loads (content.js, minified)',
    where: 'chromium',
    median: kb('content.js'),
    unit: 'KB',
    baselineName: 'pinyin-pro alone, minified',
    baseline: await rawPinyinProKb(),
    target: '≤ 50 KB',
    runs: 1,
  });
  rows.push({
    suite: 'content script',
    name: 'loaded on demand: reader / pinyin annotator / page UI (minified)',
    where: 'chromium',
    median: kb('lazy/annotator.js'),
    unit: 'KB',
    baselineName: `reader ${kb('lazy/reader.js').toFixed(0)} KB, page UI ${kb('lazy/page-ui.js').toFixed(0)} KB; shown: pinyin-pro alone`,
    baseline: await rawPinyinProKb(),
    runs: 1,
  });
  // --expose-gc lets the dictionary bench start each load from a clean heap.
  const b = await launchWithExtension({ args: ['--js-flags=--expose-gc'] });
  try {
    const pages = demoPages();
    await servePages(b.context, pages, { [NON_ARTICLE.url]: pageHtml(NON_ARTICLE) });
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
    await page.goto(NON_ARTICLE.url);
    await page.waitForTimeout(200);
    const m = await evalInContentScript<{ ours: number; base: number }>(page, MEASURE_NON_ARTICLE(RUNS));
    rows.push({
      suite: 'content script',
      name: `cost on a non-article page (${NON_ARTICLE.url}): URL check`,
      where: 'chromium',
      median: m.ours,
      unit: 'ms',
      baselineName: 'parsing the URL once (new URL)',
      baseline: m.base,
      target: '< 0.5 ms',
      runs: RUNS,
    });
    if (only === 'extraction') return rows;
    // Pinyin on seed 001 rendered into a Xinhua 2021 page.
    const seedPage = pages.find((p) => p.seed === '001' && p.layout === 'xinhua-2021')!;
    await page.goto(seedPage.url);
    await page.waitForTimeout(500);
    const py = await evalInContentScript<{
      shift: number;
      corrected: number;
      painted: number;
      repaint: number;
      context: number;
      cold: number;
      fresh: number;
      again: number;
      asking: number;
      whole: number;
      oneGo: number;
      off: number;
      offUnlaid: number;
      prepared: number;
      layout: number;
      raw: number;
      naive: number;
      trip: number;
      words: number;
      chars: number;
    }>(page, MEASURE_PINYIN(15));
    const rawName = "raw pinyin-pro pinyin(text, { type: 'array' }) on the same text (no DOM)";
    rows.push(
      {
        suite: 'pinyin',
        name: `command to annotated DOM, the part in view: seed 001 (${py.chars} characters, ${py.words} words), text read for the first time`,
        where: 'chromium',
        median: py.fresh,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        target: '≤ 40 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'command to annotated DOM, the part in view, switched on again (the readings kept, only the DOM built)',
        where: 'chromium',
        median: py.again,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        target: '≤ 40 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'command to annotated DOM, the part in view, after the popup opened (the page read its text ahead while the popup was open)',
        where: 'chromium',
        median: py.prepared,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        target: '≤ 40 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'DOM work for the whole article in one go (readings and markup, no frame or layout), text read for the first time',
        where: 'chromium',
        median: py.oneGo,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        target: '≤ 40 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'command to the whole article annotated: the part in view, its frame painted, the rest in idle time after it',
        where: 'chromium',
        median: py.whole,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'command without its settings (the page reads them from extension storage once, then keeps them current), first reading',
        where: 'chromium',
        median: py.asking,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'command to annotated DOM, first time on the page for a reader who never switched pinyin on (loads the annotator)',
        where: 'chromium',
        median: py.cold,
        unit: 'ms',
        baselineName: rawName,
        baseline: py.raw,
        runs: 1,
      },
      {
        suite: 'pinyin',
        name: 'command to the first frame painted with pinyin over the text in view, text read for the first time',
        where: 'chromium',
        median: py.painted,
        unit: 'ms',
        baselineName: 'a frame repainting the same view without pinyin (text colour changed)',
        baseline: py.repaint,
        target: '≤ 60 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: `context readings for the article's paragraphs: message to the background's model and back, model loaded (${py.corrected} words redrawn the first time)`,
        where: 'chromium',
        median: py.context,
        unit: 'ms',
        baselineName: 'in-page annotation, first reading',
        baseline: py.fresh,
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'layout shift while context readings are drawn over the first ones (CLS units, first switch-on)',
        where: 'chromium',
        median: py.shift,
        unit: 'score',
        target: '< 0.1 (good)',
        runs: 1,
      },
      { suite: 'pinyin', name: "the browser's own layout of what the command drew (not part of the DOM work)", where: 'chromium', median: py.layout, unit: 'ms', runs: 15 },
      {
        suite: 'pinyin',
        name: 'switch off: every original node back',
        where: 'chromium',
        median: py.off,
        unit: 'ms',
        baselineName: "restoring a saved innerHTML over the same laid-out article (loses the page's nodes)",
        baseline: py.naive,
        target: '≤ 15 ms',
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'the DOM work of switching off alone: the same markup removed before it was laid out (the rest is the layout torn down)',
        where: 'chromium',
        median: py.offUnlaid,
        unit: 'ms',
        baselineName: 'switch off after layout',
        baseline: py.off,
        runs: 15,
      },
      {
        suite: 'pinyin',
        name: 'cost the background alternative would add: one message round trip with the article',
        where: 'chromium',
        median: py.trip,
        unit: 'ms',
        baselineName: 'in-page annotation, first reading',
        baseline: py.fresh,
        runs: 15,
      },
    );
    // A reader who has used pinyin opens another article: the page prepares the annotator in idle time.
    const nextPage = pages.find((p) => p.seed === '003' && p.layout === 'xinhua-2021')!;
    await page.goto(nextPage.url);
    const habit = await evalInContentScript<{ first: number; prepared: boolean }>(
      page,
      `(async () => {
      const b = globalThis.jieduBench;
      const until = performance.now() + 15000;
      // Waits for the page to have read its text by itself (the check loads nothing new once it has).
      while (performance.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        if ((await b.loadAnnotator()).keptTexts() > 0) break;
      }
      const prepared = (await b.loadAnnotator()).keptTexts() > 0;
      const look = ${JSON.stringify(DEFAULT_LOOK)};
      const t0 = performance.now();
      await b.setPinyin(true, look, 'visible');
      return { first: performance.now() - t0, prepared };
    })()`,
    );
    if (!habit.prepared) throw new Error('the second article was not prepared in idle time');
    rows.push({
      suite: 'pinyin',
      name: 'first switch-on on a new article page for a reader who has used pinyin (annotator and readings prepared in idle time), seed 003',
      where: 'chromium',
      median: habit.first,
      unit: 'ms',
      baselineName: 'first switch-on for a reader who never has (loads the annotator), seed 001',
      baseline: py.cold,
      target: '≤ 150 ms',
      runs: 1,
    });
    await page.evaluate(() => undefined);
    const dict = (await b.worker.evaluate(MEASURE_DICTIONARY(5))) as { load: number; fetchOnly: number; lookup: number; scan: number; size: number };
    rows.push(
      {
        suite: 'dictionary',
        name: `CC-CEDICT load in the service worker (${dict.size} entries: fetch, open the index in place; the glosses are read by part as look-ups show them)`,
        where: 'chromium',
        median: dict.load,
        unit: 'ms',
        baselineName: 'fetch of the index only',
        baseline: dict.fetchOnly,
        target: '≤ 50 ms',
        runs: 5,
      },
      {
        suite: 'dictionary',
        name: 'look-up: all words at one point of a sentence',
        where: 'chromium',
        median: dict.lookup,
        unit: 'ms',
        baselineName: 'Array.indexOf over all headwords',
        baseline: dict.scan,
        target: '≤ 0.2 ms',
        runs: 5,
      },
    );
    const { libraryRows } = await import('./library-chromium.ts').catch(() => ({ libraryRows: null }));
    if (libraryRows) rows.push(...(await libraryRows(b)));
    const { reviewRows } = await import('./review-chromium.ts').catch(() => ({ reviewRows: null }));
    if (reviewRows) rows.push(...(await reviewRows(b)));
    // Last: it stops the service worker, and with it the handle the rows above use.
    rows.push(...(await lookupRows(b)));
  } finally {
    await b.close();
  }
  return rows;
}
