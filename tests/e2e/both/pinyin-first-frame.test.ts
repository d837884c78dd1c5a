/**
 * The first frame after the pinyin command, in Chromium and Firefox: it already shows
 * pinyin over every line of the article in the window (the part in view is drawn before
 * the browser paints), and the rest of the article follows in idle time after it.
 */
import { beforeAll, expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { detectFromUrl } from '../../../src/core/extract/detect.ts';
import { countOf, forEachBrowser, waitForStored } from '../harness/index.ts';

interface FrameLook {
  /** Han text nodes of the article in the window without pinyin, at the first frame that has any. */
  bareInView: string[];
  /** Article paragraphs with pinyin at that frame, and all of them. */
  annotatedBlocks: number;
  blocks: number;
}

forEachBrowser('the first frame with pinyin', (h, browser) => {
  beforeAll(async () => {
    await h().background(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'none' } } }));
  });

  it('shows pinyin over all the article text in the window, and the rest of a long article follows', async () => {
    const demo = demoPages().find((p) => p.seed === '001' && p.layout === 'xinhua-2021')!;
    const page = await h().newTab(demo.url);
    const detected = detectFromUrl(demo.url);
    if (detected.kind !== 'article') throw new Error(`${demo.url} is not an article URL`);
    await waitForStored(h(), detected.canonicalUrl);
    await page.bringToFront();
    // Somewhere in the middle of the article: text above the window, in it and below it.
    await page.evaluate(() => {
      scrollTo(0, document.documentElement.scrollHeight * 0.4);
      // Look at every frame until the first that has pinyin in it, before the browser paints it.
      const root = document.querySelector('#detail')!;
      const w = window as unknown as { firstFrame?: FrameLook };
      const look = (): void => {
        if (!document.querySelector('span.jiedu-run')) {
          requestAnimationFrame(look);
          return;
        }
        const bareInView: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (!/\p{Script=Han}/u.test(n.data) || n.parentElement?.closest('span.jiedu-run')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          if ([...range.getClientRects()].some((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight)) bareInView.push(n.data.slice(0, 20));
        }
        const blocks = [...root.querySelectorAll('p')];
        w.firstFrame = { bareInView, annotatedBlocks: blocks.filter((p) => p.querySelector('span.jiedu-run')).length, blocks: blocks.length };
      };
      requestAnimationFrame(look);
    });
    if (browser === 'firefox') await h().pressBrowserKeys!(['Alt', 'Shift', 'P']);
    else await h().background((g) => g.jieduCommands['toggle-pinyin']!());

    const first = await (async () => {
      await expect.poll(() => page.evaluate(() => (window as unknown as { firstFrame?: FrameLook }).firstFrame !== undefined), { timeout: 30_000 }).toBe(true);
      return page.evaluate(() => (window as unknown as { firstFrame: FrameLook }).firstFrame);
    })();
    expect(first.bareInView).toEqual([]);
    expect(first.annotatedBlocks).toBeGreaterThan(0);
    // The rest follows: every paragraph of the article gets its pinyin.
    await expect.poll(() => countOf(page, '#detail p:not(:has(span.jiedu-run))'), { timeout: 30_000 }).toBe(0);
    expect(await countOf(page, '#detail p')).toBe(first.blocks);
    await page.close();
  });
});
