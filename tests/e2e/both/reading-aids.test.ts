/**
 * Glossary terms marked in the page, their cards by mouse and keyboard, and a word
 * looked up with one click and saved with its sentence and article, in Chromium and
 * Firefox. The card lives in a closed shadow root: its text is readable only from the
 * extension's content-script world, which only Chromium's driver reaches (CDP). In
 * both browsers the card is checked by what the reader gets from it: it shows by the
 * word, takes keyboard focus, and saves the right word with its sentence.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evalInContentScript } from '../../../scripts/browser.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { countOf, forEachBrowser, openPopup, isChecked, waitForStored, type Tab } from '../harness/index.ts';
import { cardBox, pointAt, saveFromCardByKeyboard, vocabulary } from '../harness/page-words.ts';

const termCount = (page: Tab) => countOf(page, 'span.jiedu-term');

/** The card's text, read in the content script's world (Chromium only, see above). */
function cardText(page: Tab): Promise<string | null> {
  return evalInContentScript<string | null>(
    (page as unknown as { page: Page }).page,
    `(() => { const root = globalThis.jieduCardRoot; const host = root && root.host; if (!host || host.hidden) return null; return root.querySelector('.card')?.textContent ?? null; })()`,
  );
}

forEachBrowser('glossary marking, cards and look-up in the page', (h, browser) => {
  it('marks terms on a seed page; a card opens by mouse, and by keyboard with focus inside, and saves the term', async () => {
    const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
    const page = await h().newTab(demo.url);
    await waitForStored(h(), demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(20);
    const marked = await page.evaluate(() => [...document.querySelectorAll('span.jiedu-term')].map((s) => s.getAttribute('data-jiedu-term')));
    expect(marked).toContain('一带一路');
    expect(marked).toContain('全面战略伙伴');
    // Quiet by default: the terms of art only, not everyday news words (see src/core/glossary/salience.ts).
    expect(marked).not.toContain('会谈');
    expect(marked.length).toBeLessThan(60);
    expect(new Set(marked).size).toBe(marked.length); // first occurrence only

    const term = 'span.jiedu-term[data-jiedu-term="全面战略伙伴"]';
    await page.hover(term);
    await expect.poll(() => cardBox(page)).not.toBeNull();
    // Beside the word: just below it, or just above when there is no room below.
    const word = await page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect, term);
    const card = (await cardBox(page))!;
    expect(Math.max(card.top - word.bottom, word.top - card.bottom)).toBeLessThan(20);
    if (browser === 'chromium') {
      await expect.poll(() => cardText(page)).toMatch(/全面战略伙伴/);
      expect(await cardText(page)).toMatch(/comprehensive strategic partner/i);
    }
    await page.screenshot('page-term-card');
    await page.moveMouse(5, 5);
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();

    // Keyboard: terms are in the tab order; Enter opens the card with focus on its Save button, Escape returns it.
    await page.focus('span.jiedu-term[data-jiedu-term="一带一路"]');
    await page.press('Enter');
    await expect.poll(() => cardBox(page)).not.toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
    if (browser === 'chromium') expect(await cardText(page)).toMatch(/Belt and Road/);
    // The page's own scripts cannot open the card's shadow root.
    expect(await page.evaluate(() => document.querySelector('jiedu-card')!.shadowRoot)).toBeNull();
    await page.press('Enter');
    await page.screenshot('page-term-card-saved');
    await expect.poll(async () => (await vocabulary(h(), '一带一路'))?.source).toBe('glossary');
    const saved = await vocabulary(h(), '一带一路');
    expect(saved?.contexts[0]).toMatchObject({ articleUrl: demo.url });
    expect(saved?.contexts[0]?.sentence).toContain('一带一路');
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-jiedu-term'))).toBe('一带一路');
    await page.close();
  });

  it('switches marking off cleanly from the popup, and back on', async () => {
    const demo = demoPages().find((p) => p.seed === '002' && p.layout === 'xinhua-2021')!;
    const page = await h().newTab(demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(5);
    const marked = await page.evaluate(() => document.querySelector('#detail')!.innerHTML);
    const popup = await openPopup(h(), page);
    const sw = '#panel-page > section:nth-of-type(3) input[role="switch"]';
    await expect.poll(() => isChecked(popup, sw)).toBe(true);
    await popup.click(sw);
    await expect.poll(() => termCount(page)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('#detail')!.innerHTML)).not.toContain('jiedu');
    await popup.click(sw);
    await expect.poll(() => termCount(page)).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.querySelector('#detail')!.innerHTML)).toBe(marked);
    await popup.close();
    await page.close();
  });

  it('looks up a clicked word on a real page, and saves it from the keyboard with its sentence and article', async () => {
    const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
    const page = await h().newTab(demo.url);
    const stored = await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
    const point = await pointAt(page, '#p-detail p', '罢工');
    expect(point).not.toBeNull();
    await page.clickAt(point!.x, point!.y);
    await expect.poll(() => cardBox(page), { timeout: 10_000 }).not.toBeNull();
    if (browser === 'chromium') await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/罢工.*bà gōng.*strike/s);
    await page.screenshot('page-lookup-card');
    // The dictionary's answer replaces "Loading…": wait for it before moving in.
    await expect.poll(async () => (await page.evaluate(() => document.querySelector('jiedu-card')?.getBoundingClientRect().height ?? 0)) > 80).toBe(true);
    await saveFromCardByKeyboard(h(), page, '罢工');
    expect((await vocabulary(h(), '罢工'))?.source).toBe('dictionary');
    const word = await vocabulary(h(), '罢工');
    expect(word?.pinyin).toBe('bà gōng');
    expect(word?.contexts[0]).toMatchObject({ articleUrl: stored.url, articleTitle: stored.title });
    expect(word?.contexts[0]?.sentence).toMatch(/罢工/);
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();

    // The word is in the library, with its sentence and a link to its article.
    const lib = await h().openExtensionPage('library.html');
    await lib.click('#tab-vocabulary');
    await lib.fill('[data-testid="vocab-search"]', '罢工');
    const row = '[data-testid="vocab-row"][data-word="罢工"]';
    await expect.poll(() => countOf(lib, row)).toBe(1);
    expect(await lib.evaluate((r) => document.querySelector(`${r} .sentence`)?.textContent, row)).toBe(word!.contexts[0]!.sentence);
    expect(await lib.evaluate((r) => document.querySelector(`${r} a`)?.getAttribute('href'), row)).toBe(stored.url);
    await lib.screenshot('library-word-from-page');
    await lib.close();
    await page.close();
  });

  it('opens nothing for events the page fires itself', async () => {
    const demo = demoPages().find((p) => p.seed === '003' && p.layout === 'xinhua-2021')!;
    const page = await h().newTab(demo.url);
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
    await new Promise((r) => setTimeout(r, 800));
    expect(await cardBox(page)).toBeNull();
    // A real click on the same paragraph does open one: the check above could fail.
    const p = await pointAt(page, '#detail p', '外');
    await page.clickAt(p!.x, p!.y);
    await expect.poll(() => cardBox(page), { timeout: 10_000 }).not.toBeNull();
    await page.close();
  });
});
