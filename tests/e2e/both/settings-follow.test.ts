/**
 * Settings live in extension storage and every context watches them: a change made on
 * the options page reaches a tab that is already open, without a reload, in Chromium and
 * Firefox. Checked by what the reader sees: the term marks go and come back, and a click
 * on a word opens a card or not as the look-up setting says.
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { countOf, forEachBrowser, sleep, waitForStored, type Tab } from '../harness/index.ts';

const MARKING = 'section[aria-labelledby="opt-reading"] label.field:nth-of-type(1) select';
const LOOKUP = 'section[aria-labelledby="opt-reading"] label.field:nth-of-type(2) select';
const valueOf = (tab: Tab, selector: string) => tab.evaluate((s) => (document.querySelector(s) as HTMLSelectElement | null)?.value ?? null, selector);
const termCount = (page: Tab) => countOf(page, 'span.jiedu-term');
const cardShown = (page: Tab) =>
  page.evaluate(() => {
    const host = document.querySelector('jiedu-card') as HTMLElement | null;
    return host !== null && !host.hidden && host.getBoundingClientRect().width > 0;
  });

/** The middle of the first character of `word` in the article's first paragraph that has it. */
function pointAt(page: Tab, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((w) => {
    for (const p of document.querySelectorAll('#detail p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(w);
        if (i < 0 || n.parentElement?.closest('.jiedu-term')) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error(`${w} not found`);
  }, word);
}

forEachBrowser('settings changed on the options page reach an open article', (h) => {
  it('takes the marks off, puts every term back, and follows the look-up gesture, without a reload', async () => {
    const demo = demoPages().find((p) => p.seed === '002' && p.layout === 'xinhua-2021')!;
    const page = await h().newTab(demo.url);
    await waitForStored(h(), demo.url);
    await expect.poll(() => termCount(page)).toBeGreaterThan(0);
    const important = await termCount(page);

    const options = await h().openExtensionPage('options.html');
    await expect.poll(() => valueOf(options, MARKING)).toBe('important');
    await options.select(MARKING, 'none');
    await expect.poll(() => termCount(page)).toBe(0);
    // Every term, not only the terms of art: more marks than before, in the same open page.
    await options.select(MARKING, 'all');
    await expect.poll(() => termCount(page)).toBeGreaterThan(important);

    // Look-up off: a real click on a word opens nothing …
    await options.select(LOOKUP, 'off');
    await expect.poll(() => valueOf(options, LOOKUP)).toBe('off');
    await page.bringToFront();
    await sleep(300); // the storage change travels to the page on its own
    let point = await pointAt(page, '会');
    await page.clickAt(point.x, point.y);
    await sleep(1500);
    expect(await cardShown(page)).toBe(false);

    // … and back to a click, the same click opens the card: the check above could fail.
    await options.bringToFront();
    await options.select(LOOKUP, 'click');
    await page.bringToFront();
    await expect
      .poll(
        async () => {
          point = await pointAt(page, '会');
          await page.clickAt(point.x, point.y);
          return cardShown(page);
        },
        { timeout: 10_000, interval: 1000 },
      )
      .toBe(true);
    await options.close();
    await page.close();
  });
});
