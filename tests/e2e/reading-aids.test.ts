/**
 * Glossary terms marked in the page, their cards (mouse and keyboard, immune
 * to page styles), and looking up any word with one click and saving it with
 * its sentence and article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { ARTIFACTS, findPage, openBrowser, openPopup, waitForStored } from './context.ts';
import { evalInContentScript } from '../../scripts/browser.ts';

const termCount = (page: Page) => page.evaluate(() => document.querySelectorAll('span.jiedu-term').length);
/** Runs an expression against the card's closed shadow root, from the extension's own world. */
const inCard = <T>(page: Page, body: string) => evalInContentScript<T>(page, `(() => { const root = globalThis.jieduCardRoot; ${body} })()`);

/** Text of the open card, or null when none is shown on screen. */
const cardText = (page: Page) =>
  inCard<string | null>(
    page,
    `const host = root && root.host;
     if (!host || host.hidden) return null;
     const r = host.getBoundingClientRect();
     if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) return null;
     return root.querySelector('.card')?.textContent ?? null;`,
  );

async function vocabulary(b: ExtensionBrowser, simplified: string) {
  return b.worker.evaluate(async (w) => {
    const db = (globalThis as unknown as { jieduDb: { vocabulary: { get(k: string): Promise<unknown> } } }).jieduDb;
    return (await db.vocabulary.get(w)) as { simplified: string; contexts: { sentence: string; articleUrl: string; articleTitle: string }[]; source: string } | undefined;
  }, simplified);
}

// A channel page built here (not a real page): not an article, but Chinese text a reader may click.
const CHANNEL = 'https://www.guancha.cn/internation/';
const CHANNEL_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>国际</title></head><body><p id="intro" style="font-size:24px">外交动态每日更新。</p></body></html>';

describe('glossary marking, cards and look-up in the page', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await openBrowser({ [CHANNEL]: CHANNEL_HTML });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('marks terms on a seed page; a card opens by mouse and by keyboard with the right entry', async () => {
    const demo = findPage((p) => p.seed === '000' && p.layout === 'guancha-www-s', 'seed 000 on www.guancha.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await waitForStored(b, demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(20);
    const marked = await page.evaluate(() => [...document.querySelectorAll('span.jiedu-term')].map((s) => s.getAttribute('data-jiedu-term')));
    expect(marked).toContain('一带一路');
    expect(marked).toContain('全面战略伙伴');
    expect(new Set(marked).size).toBe(marked.length); // first occurrence only

    const term = page.locator('span.jiedu-term[data-jiedu-term="全面战略伙伴"]');
    await term.hover();
    await expect.poll(() => cardText(page)).toMatch(/全面战略伙伴/);
    expect(await cardText(page)).toMatch(/comprehensive strategic partner/i);
    await expect.poll(() => cardText(page)).toMatch(/In the seed articles/);
    await page.screenshot({ path: join(ARTIFACTS, 'page-term-card.png') });

    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();

    // Keyboard: terms are in the tab order; Enter opens the card with focus inside, Escape returns it.
    await page.locator('span.jiedu-term[data-jiedu-term="一带一路"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).toMatch(/Belt and Road/);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
    expect(await inCard<string | null>(page, `return root.activeElement?.textContent ?? null;`)).toBe('Save to vocabulary');
    // The page's own scripts cannot open the card's shadow root.
    expect(await page.evaluate(() => document.querySelector('jiedu-card')!.shadowRoot)).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-jiedu-term'))).toBe('一带一路');
    await page.close();
  });

  it('marks terms on a real page, and page styles do not reach the card', async () => {
    const demo = findPage((p) => p.file.endsWith('xinhua-8-2020.html'), 'xinhua-8');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(0);
    await page.addStyleTag({ content: '* { color: red !important; background: yellow !important; font-size: 30px !important; }' });
    // Opened from the keyboard: a click right after the page's styles change may land beside the word
    // while the page is laid out again, and open a look-up card instead of the term's.
    await page.locator('span.jiedu-term').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => inCard<boolean>(page, `return !!root.querySelector('.card .english');`)).toBe(true);
    const style = await inCard<{ color: string; bg: string; size: string }>(
      page,
      `const card = root.querySelector('.card');
       const english = card.querySelector('.english');
       return { color: getComputedStyle(english).color, bg: getComputedStyle(card).backgroundColor, size: getComputedStyle(english).fontSize };`,
    );
    expect(style).toEqual({ color: 'rgb(29, 35, 39)', bg: 'rgb(255, 255, 255)', size: '14px' });
    await page.screenshot({ path: join(ARTIFACTS, 'page-card-hostile-style.png') });
    await page.close();
  });

  it('switches marking off cleanly from the popup, and back on', async () => {
    const demo = findPage((p) => p.seed === '002' && p.layout === 'xinhua-2021', 'seed 002 on news.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(5);
    const marked = await page.evaluate(() => document.querySelector('#detail')!.innerHTML);
    const popup = await openPopup(b, page);
    const sw = popup.getByRole('switch', { name: 'Mark diplomatic terms' });
    await expect.poll(() => sw.isChecked()).toBe(true);
    await sw.click();
    await expect.poll(() => termCount(page)).toBe(0);
    const clean = await page.evaluate(() => document.querySelector('#detail')!.innerHTML);
    expect(clean).not.toContain('jiedu');
    await sw.click();
    await expect.poll(() => termCount(page)).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.querySelector('#detail')!.innerHTML)).toBe(marked);
    await popup.close();
    await page.close();
  });

  it('looks up a clicked word on a real page, saves it with its sentence and article', async () => {
    const demo = findPage((p) => p.file.endsWith('xinhua-1.html'), 'xinhua-1');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const stored = await waitForStored(b, 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
    // Click on the first character of 罢工 ("strike") in the first paragraph.
    const box = await page.evaluate(() => {
      const p = document.querySelector('#p-detail p')!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf('罢工');
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = r.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x, box!.y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/罢工.*bà gōng.*strike/s);
    await page.screenshot({ path: join(ARTIFACTS, 'page-lookup-card.png') });
    await inCard(page, `root.querySelector('button[aria-label="Save 罢工"]').click();`);
    await expect.poll(() => cardText(page)).toMatch(/Saved to your vocabulary\./);
    const word = await vocabulary(b, '罢工');
    expect(word?.source).toBe('dictionary');
    expect(word?.contexts[0]).toMatchObject({ articleUrl: stored.url, articleTitle: stored.title });
    expect(word?.contexts[0]?.sentence).toMatch(/罢工/);
    expect(stored.paragraphs.join('')).toContain(word!.contexts[0]!.sentence.replace(/^.*?(?=法国)/, '').slice(0, 10));
    await page.keyboard.press('Escape');

    // The word is in the library, with its sentence and a link to its article.
    const lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
    await lib.getByRole('tab', { name: 'Vocabulary' }).click();
    await lib.getByTestId('vocab-search').fill('罢工');
    const row = lib.locator('[data-testid="vocab-row"][data-word="罢工"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.sentence').first().textContent()).toBe(word!.contexts[0]!.sentence);
    expect(await row.getByRole('link', { name: stored.title }).getAttribute('href')).toBe(stored.url);
    expect(await row.locator('.pinyin').textContent()).toBe('bà gōng');
    await lib.screenshot({ path: join(ARTIFACTS, 'library-word-from-page.png') });
    await lib.close();
    await page.close();
  });

  it('looks up a word on a page that is not an article', async () => {
    const page = await b.context.newPage();
    await page.goto(CHANNEL);
    const box = await page.locator('#intro').boundingBox();
    await page.mouse.click(box!.x + 12, box!.y + box!.height / 2);
    await expect.poll(() => cardText(page)).toMatch(/外交.*wài jiāo/s);
    await page.close();
  });

  it('finds a traditional-character word', async () => {
    const demo = findPage((p) => p.file.endsWith('zaobao-1.html'), 'zaobao-1');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const point = await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'trad';
      p.style.fontSize = '24px';
      p.textContent = '颱風登陸後交通中斷。';
      document.querySelector('#article-body')!.prepend(p);
      const r = document.createRange();
      r.setStart(p.firstChild!, 0);
      r.setEnd(p.firstChild!, 1);
      const rect = r.getBoundingClientRect();
      p.scrollIntoView();
      const again = r.getBoundingClientRect();
      return { x: again.left + rect.width / 2, y: again.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/颱風/);
    const text = await cardText(page);
    expect(text, text ?? '').toMatch(/tái fēng/);
    expect(text).toMatch(/台风/);
    expect(text).toMatch(/typhoon/);
    await page.close();
  });

  it('opens nothing for events the page fires itself', async () => {
    const demo = findPage((p) => p.seed === '003' && p.layout === 'xinhua-2021', 'seed 003 on news.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(0);
    await page.evaluate(() => {
      const span = document.querySelector('span.jiedu-term') as HTMLElement;
      span.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      span.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      span.click();
      const p = document.querySelector('#detail p')!;
      const r = p.getBoundingClientRect();
      p.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + 40, clientY: r.top + 10 }));
    });
    await page.waitForTimeout(800);
    expect(await cardText(page)).toBeNull();
    await page.close();
  });
});
