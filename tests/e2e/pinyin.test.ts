/**
 * Pinyin in the page, in Chromium: switched on from the popup and by the
 * keyboard command's handler, right against the gold standard, live for new
 * content, Chinese-only when copied, and gone without a trace when switched off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { ROOT } from '../../scripts/build.ts';
import { annotate } from '../../src/core/pinyin/index.ts';
import { contextReadings } from '../../src/core/pinyin/context.ts';
import { loadCliContextSources } from '../../src/cli/polyphone-model.ts';
import { ARTIFACTS, findPage, openBrowser, openPopup, waitForStored } from './context.ts';
import { detectFromUrl } from '../../src/core/extract/detect.ts';
import { evalInContentScript } from '../../scripts/browser.ts';

interface Gold { text: string[]; readings: string[][] }
const gold = (seed: string) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/pinyin-gold', `${seed}.json`), 'utf8')) as Gold;
const HAN = /\p{Script=Han}/u;

/** The engine as the extension runs it: base readings with the background's context readings laid over. */
const contextSources = loadCliContextSources;
const syllables = (text: string, context?: ReadonlyMap<number, string>): string[] => annotate(text, { context }).flatMap((s) => (s.pinyin ? s.pinyin.split(' ') : []));

/** Every block under the article root: its text without pinyin, its Han characters with the reading shown, and Han characters left bare. */
async function readAnnotation(page: Page, rootSelector: string) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const han = /\p{Script=Han}/u;
    const blocks: { text: string; pairs: [string, string][]; bare: string[] }[] = [];
    for (const el of root.querySelectorAll('p, figcaption, h1, h2, h3, li')) {
      if (el.querySelector('p')) continue;
      const pairs: [string, string][] = [];
      const bare: string[] = [];
      let text = '';
      const walk = (n: Node): void => {
        if (n.nodeType === Node.TEXT_NODE) {
          const ruby = n.parentElement?.closest('span.jiedu-run > ruby');
          if (n.parentElement?.closest('rt')) return;
          const data = (n as Text).data;
          text += data;
          if (ruby) {
            // The reading after this base text: one per character, or the word's whole reading.
            let rt: Node | null = n.nextSibling;
            while (rt && rt.nodeName.toLowerCase() !== 'rt') rt = rt.nextSibling;
            const syl = (rt?.textContent ?? '').trim().split(/\s+/);
            [...data].filter((c) => han.test(c)).forEach((c, i) => pairs.push([c, syl[i] ?? '?']));
          } else for (const c of data) if (han.test(c)) bare.push(c);
          return;
        }
        for (const c of n.childNodes) walk(c);
      };
      walk(el);
      blocks.push({ text: text.replace(/\s+/g, ' ').trim(), pairs, bare });
    }
    return blocks;
  }, rootSelector);
}

async function rubyCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('span.jiedu-run > ruby').length);
}

async function switchFromPopup(b: ExtensionBrowser, page: Page, on: boolean): Promise<void> {
  const popup = await openPopup(b, page);
  const sw = popup.getByRole('switch', { name: /Pinyin over the/ });
  await expect.poll(() => sw.count()).toBe(1);
  if ((await sw.isChecked()) !== on) await sw.click();
  await expect.poll(() => sw.isChecked()).toBe(on);
  if (on) await expect.poll(() => popup.getByTestId('pinyin-words').textContent()).toMatch(/^\d+ words annotated$/);
  await popup.screenshot({ path: join(ARTIFACTS, `popup-pinyin-${on ? 'on' : 'off'}.png`) });
  await popup.close();
}

describe('pinyin over the article', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser();
    // Every glossary term marked, as these tests read pages with marks under the pinyin (the quiet default marks only terms of art).
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'all' } } }));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('puts the gold reading over every Han character of seed 001, and switching off restores the DOM exactly', async () => {
    const demo = findPage((p) => p.seed === '001' && p.layout === 'xinhua-2021', 'seed 001 in the Xinhua 2021 layout');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const d = detectFromUrl(demo.url);
    if (d.kind === 'article') await waitForStored(b, d.canonicalUrl);
    const root = '#detail';
    // Glossary terms are marked once the article is saved; take the page as the reader has it then.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('span.jiedu-term').length)).toBeGreaterThan(0);
    const before = await page.evaluate((sel) => document.querySelector(sel)!.innerHTML, root);
    await page.evaluate((sel) => {
      (window as unknown as { probe: Node }).probe = document.querySelector(sel)!.querySelector('p')!.firstChild!;
    }, root);
    // A reader who has never switched pinyin on: the page loads and reads nothing ahead by itself.
    expect(await b.worker.evaluate(() => chrome.storage.local.get('pinyinUsedAt').then((r) => r.pinyinUsedAt ?? null))).toBeNull();
    await page.waitForTimeout(1500);
    expect(await evalInContentScript<number>(page, 'globalThis.jieduBench.loadAnnotator().then((m) => m.keptTexts())')).toBe(0);

    await switchFromPopup(b, page, true);
    const blocks = await readAnnotation(page, root);
    const g = gold('001');
    let checked = 0;
    const wrong: string[] = [];
    for (let i = 1; i < g.text.length; i++) {
      const block = blocks.find((x) => x.text === g.text[i]!.replace(/\s+/g, ' ').trim());
      expect(block, `paragraph ${i} on the page`).toBeDefined();
      expect(block!.bare, `Han characters without pinyin in paragraph ${i}`).toEqual([]);
      const goldPairs = [...g.text[i]!].filter((c) => HAN.test(c)).map((c, k) => [c, g.readings[i]![k]]);
      expect(block!.pairs.map((p) => p[0])).toEqual(goldPairs.map((p) => p[0]));
      block!.pairs.forEach(([c, syl], k) => {
        checked++;
        if (syl !== goldPairs[k]![1]) wrong.push(`${c}: ${syl} ≠ ${goldPairs[k]![1]}`);
      });
    }
    expect(checked).toBe(g.readings.slice(1).reduce((n, r) => n + r.length, 0));
    // The bar of the issue: at least 99.8 % of syllables right in the page.
    expect(wrong.length / checked, wrong.slice(0, 20).join('; ')).toBeLessThanOrEqual(0.002);
    await page.screenshot({ path: join(ARTIFACTS, 'page-pinyin-seed001.png') });

    await switchFromPopup(b, page, false);
    expect(await rubyCount(page)).toBe(0);
    expect(await page.evaluate((sel) => document.querySelector(sel)!.innerHTML, root)).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { probe: Node }).probe.isConnected)).toBe(true);
    expect(await page.evaluate(() => document.getElementById('jiedu-pinyin-style'))).toBeNull();
    await page.close();
  });

  it('annotates a real Xinhua page, agrees with the annotator, and the keyboard command handler toggles it', async () => {
    const demo = findPage((p) => p.file.endsWith('xinhua-2.html'), 'xinhua-2');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await waitForStored(b, 'https://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm');
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('span.jiedu-term').length)).toBeGreaterThan(0);
    const before = await page.evaluate(() => document.querySelector('#p-detail')!.innerHTML);
    await b.worker.evaluate(() => (globalThis as unknown as { jieduCommands: Record<string, () => Promise<unknown>> }).jieduCommands['toggle-pinyin']!());
    await expect.poll(() => rubyCount(page)).toBeGreaterThan(100);
    const blocks = await readAnnotation(page, '#p-detail');
    const texts = blocks.filter((x) => x.pairs.length > 0);
    expect(texts.length).toBeGreaterThan(5);
    for (const block of texts) expect(block.bare).toEqual([]);
    // The readings context decides (the model and the dictionary, in the background) are
    // drawn over the first ones: the page ends with exactly what the engine gives.
    const sources = await contextSources();
    const final = texts.map((block) => syllables(block.text, contextReadings(block.text, sources)).join(' '));
    const first = texts.map((block) => syllables(block.text).join(' '));
    expect(final.filter((f, i) => f !== first[i]).length, 'paragraphs whose readings context changes').toBeGreaterThan(0);
    await expect
      .poll(async () => (await readAnnotation(page, '#p-detail')).filter((x) => x.pairs.length > 0).map((x) => x.pairs.map((p) => p[1]).join(' ')))
      .toEqual(final);
    await page.screenshot({ path: join(ARTIFACTS, 'page-pinyin-xinhua-2.png') });
    await b.worker.evaluate(() => (globalThis as unknown as { jieduCommands: Record<string, () => Promise<unknown>> }).jieduCommands['toggle-pinyin']!());
    await expect.poll(() => rubyCount(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('#p-detail')!.innerHTML)).toBe(before);
    await page.close();
  });

  it('annotates a paragraph added after switching on, copies Chinese only, and follows the tone setting', async () => {
    const demo = findPage((p) => p.seed === '000' && p.layout === 'guancha-www-s', 'seed 000 on www.guancha.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await waitForStored(b, demo.url);
    await switchFromPopup(b, page, true);

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = '双方同意加强战略沟通。';
      document.querySelector('.content.all-txt')!.appendChild(p);
    });
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('#late span.jiedu-run > ruby').length)).toBeGreaterThan(3);
    expect(await page.evaluate(() => [...document.querySelectorAll('#late rt')].map((r) => r.textContent).join(' '))).toBe(
      annotate('双方同意加强战略沟通。').flatMap((s) => (s.pinyin ? [s.pinyin] : [])).join(' '),
    );

    const copied = await page.evaluate(() => {
      const p = document.getElementById('late')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      const data = new DataTransfer();
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('双方同意加强战略沟通。');

    const popup = await openPopup(b, page);
    await popup.getByLabel('Tones').selectOption('number');
    await expect.poll(() => page.evaluate(() => [...document.querySelector('#late ruby')!.querySelectorAll('rt')].map((r) => r.textContent).join(' '))).toBe('shuang1 fang1');
    await popup.getByLabel('Tones').selectOption('mark');
    await popup.getByRole('switch', { name: /Pinyin over the/ }).click();
    await expect.poll(() => rubyCount(page)).toBe(0);
    await popup.close();

    // Citation tones instead of the neutral tone, chosen on the options page, apply at the next switch-on.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'light';
      p.textContent = '我认识他的朋友。';
      document.querySelector('.content.all-txt')!.appendChild(p);
    });
    const lightReadings = () => page.evaluate(() => [...document.querySelectorAll('#light rt')].map((r) => r.textContent).join(' '));
    await switchFromPopup(b, page, true);
    await expect.poll(lightReadings).toBe('wǒ rèn shi tā de péng you');
    await switchFromPopup(b, page, false);
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    const citation = options.getByLabel(/Citation tones instead of the neutral tone/);
    await citation.check();
    await expect.poll(() => b.worker.evaluate(() => chrome.storage.local.get('settings').then((item) => JSON.stringify(item)))).toContain('citation');
    await options.screenshot({ path: join(ARTIFACTS, 'options-citation-tones.png') });
    await page.bringToFront();
    await switchFromPopup(b, page, true);
    await expect.poll(lightReadings).toBe('wǒ rèn shí tā de péng yǒu');
    await switchFromPopup(b, page, false);
    await citation.uncheck();
    await options.close();
    await page.close();
  });

  it('reads the article ahead while the popup is open, and the switch then uses those readings', async () => {
    const demo = findPage((p) => p.seed === '002' && p.layout === 'zaobao-sg-2024', 'seed 002 on zaobao.com.sg');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await waitForStored(b, demo.url);
    const kept = () => evalInContentScript<number>(page, 'globalThis.jieduBench.loadAnnotator().then((m) => m.keptTexts())');
    const popup = await openPopup(b, page);
    await expect.poll(kept).toBeGreaterThan(3);
    const prepared = await kept();
    await popup.getByRole('switch', { name: /Pinyin over the/ }).click();
    await expect.poll(() => rubyCount(page)).toBeGreaterThan(500);
    // Every block's reading was found kept: switching on read no text of the article again.
    expect(await kept()).toBeLessThanOrEqual(prepared + 1);
    await popup.getByRole('switch', { name: /Pinyin over the/ }).click();
    await expect.poll(() => rubyCount(page)).toBe(0);
    await Promise.all([popup.close(), page.close()]);
  });

  it('on a new article, a reader who has used pinyin gets the annotator and the readings prepared in idle time', async () => {
    // Earlier tests in this browser switched pinyin on, which the page notes in extension storage.
    expect(await b.worker.evaluate(() => chrome.storage.local.get('pinyinUsedAt').then((r) => typeof r.pinyinUsedAt))).toBe('number');
    const demo = findPage((p) => p.seed === '003' && p.layout === 'xinhua-2021', 'seed 003 in the Xinhua 2021 layout');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const d = detectFromUrl(demo.url);
    if (d.kind === 'article') await waitForStored(b, d.canonicalUrl);
    // No popup opened: the page read its text ahead by itself.
    const kept = () => evalInContentScript<number>(page, 'globalThis.jieduBench.loadAnnotator().then((m) => m.keptTexts())');
    await expect.poll(kept).toBeGreaterThan(3);
    await page.bringToFront();
    await b.worker.evaluate(() => (globalThis as unknown as { jieduCommands: Record<string, () => Promise<unknown>> }).jieduCommands['toggle-pinyin']!());
    await expect.poll(() => rubyCount(page)).toBeGreaterThan(500);
    await b.worker.evaluate(() => (globalThis as unknown as { jieduCommands: Record<string, () => Promise<unknown>> }).jieduCommands['toggle-pinyin']!());
    await expect.poll(() => rubyCount(page)).toBe(0);
    await page.close();
  });

  it('switches pinyin on by itself on a site chosen in the options', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.getByRole('checkbox', { name: 'Zaobao 联合早报' }).check();
    await expect.poll(() => options.getByText('Saved.').count()).toBe(1);
    const demo = findPage((p) => p.file.endsWith('zaobao-1.html'), 'zaobao-1');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => rubyCount(page), { timeout: 10_000 }).toBeGreaterThan(100);
    const other = findPage((p) => p.file.endsWith('guancha-2.html'), 'guancha-2');
    const page2 = await b.context.newPage();
    await page2.goto(other.url);
    await page2.waitForTimeout(1500);
    expect(await rubyCount(page2)).toBe(0);
    await options.getByRole('checkbox', { name: 'Zaobao 联合早报' }).uncheck();
    await Promise.all([options.close(), page.close(), page2.close()]);
  });
});

/**
 * A long page, built here from the built seed-001 Xinhua page by repeating its article
 * body twelve times (about 68,000 characters): not a real page.
 */
const LONG_URL = 'https://www.news.cn/politics/20210717/18db919ca564c70d00000000000000aa/c.html';
function longPage(): string {
  const html = readFileSync(join(ROOT, 'tests/fixtures/built/xinhua-2021-seed001.html'), 'utf8');
  const open = html.indexOf('<div id="detail">');
  const close = html.indexOf('</div>', open);
  const body = html.slice(open + '<div id="detail">'.length, close);
  return html.slice(0, open) + '<div id="detail">' + body.repeat(12) + html.slice(close);
}

describe('pinyin on a long page', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser({ [LONG_URL]: longPage() });
    // Every glossary term marked, as these tests read pages with marks under the pinyin (the quiet default marks only terms of art).
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'all' } } }));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('annotates what is in view first, lets the page run between slices, finishes the rest, and comes off exactly', async () => {
    const page = await b.context.newPage();
    await page.goto(LONG_URL);
    await waitForStored(b, LONG_URL);
    // The glossary marks arrive on their own after the article is stored: the page as it was is the marked one.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('span.jiedu-term').length)).toBeGreaterThan(0);
    const before = await page.evaluate(() => document.querySelector('#detail')!.innerHTML);
    const progress = await evalInContentScript<{ blocks: number; atVisible: number; firstDone: boolean; ticksWhileWorking: number; atEnd: number }>(
      page,
      `(async () => {
        const blocks = [...document.querySelectorAll('#detail p')];
        const done = () => blocks.filter((p) => p.querySelector('span.jiedu-run')).length;
        // A task of the page's own that runs while part of the page is annotated and part is not.
        let ticksWhileWorking = 0;
        const timer = setInterval(() => { const n = done(); if (n > 0 && n < blocks.length) ticksWhileWorking++; }, 0);
        await globalThis.jieduBench.setPinyin(true, undefined, 'visible');
        const atVisible = done();
        const firstDone = !!blocks[0].querySelector('span.jiedu-run');
        while (done() < blocks.length) await new Promise((r) => setTimeout(r, 20));
        clearInterval(timer);
        return { blocks: blocks.length, atVisible, firstDone, ticksWhileWorking, atEnd: done() };
      })()`,
    );
    expect(progress.blocks).toBeGreaterThan(500);
    expect(progress.firstDone).toBe(true);
    expect(progress.atVisible).toBeLessThan(progress.blocks);
    expect(progress.ticksWhileWorking).toBeGreaterThan(0);
    expect(progress.atEnd).toBe(progress.blocks);
    await page.screenshot({ path: join(ARTIFACTS, 'page-pinyin-long.png') });
    await evalInContentScript(page, 'globalThis.jieduBench.setPinyin(false)');
    expect(await rubyCount(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('#detail')!.innerHTML)).toBe(before);
    await page.close();
  });
});

