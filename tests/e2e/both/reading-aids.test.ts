/**
 * Glossary terms marked in the page, their cards by mouse and keyboard (immune to page
 * styles), and a word looked up with one click and saved with its sentence and article,
 * in Chromium and Firefox. The card lives in a closed shadow root: its text is read in
 * the extension's content-script world (the test build keeps the root there).
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { detectFromUrl } from '../../../src/core/extract/detect.ts';
import { countOf, forEachBrowser, openPopup, isChecked, waitForStored, type Tab } from '../harness/index.ts';
import { cardBox, clickForCard, pointAt, saveFromCardByKeyboard, vocabulary } from '../harness/page-words.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const termCount = (page: Tab) => countOf(page, 'span.jiedu-term');
/** Runs a function body against the card's closed shadow root (`root`), in the content script's world. */
const inCard = <T>(page: Tab, body: string) => page.evalInContentScript<T>(`(() => { const root = ${CARD_ROOT}; ${body} })()`);
/** The open card's text, or null when none is shown. */
const cardText = (page: Tab) => inCard<string | null>(page, `const host = root && root.host; if (!host || host.hidden) return null; return root.querySelector('.card')?.textContent ?? null;`);

// A channel page built here (not a real page): not an article, but Chinese text a reader may click.
const CHANNEL = 'https://www.guancha.cn/internation/';
const CHANNEL_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>国际</title></head><body><p id="intro" style="font-size:24px">外交动态每日更新。</p></body></html>';

forEachBrowser(
  'glossary marking, cards and look-up in the page',
  (h) => {
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
      await expect.poll(() => cardText(page)).toMatch(/全面战略伙伴/);
      expect(await cardText(page)).toMatch(/comprehensive strategic partner/i);
      await expect.poll(() => cardText(page)).toMatch(/In the seed articles/);
      await page.screenshot('page-term-card');
      await page.moveMouse(5, 5);
      await page.press('Escape');
      await expect.poll(() => cardBox(page)).toBeNull();

      // Keyboard: terms are in the tab order; Enter opens the card with focus on its Save button, Escape returns it.
      await page.focus('span.jiedu-term[data-jiedu-term="一带一路"]');
      await page.press('Enter');
      await expect.poll(() => cardBox(page)).not.toBeNull();
      await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
      await expect.poll(() => cardText(page)).toMatch(/Belt and Road/);
      expect(await inCard<string | null>(page, `return root.activeElement?.textContent ?? null;`)).toBe('Save to vocabulary');
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
      await clickForCard(page, point!);
      await expect.poll(() => cardText(page), { timeout: 10_000 }).toMatch(/罢工.*bà gōng.*strike/s);
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
      expect(await lib.evaluate((r) => document.querySelector(`${r} a`)?.textContent, row)).toBe(stored.title);
      expect(await lib.evaluate((r) => document.querySelector(`${r} .pinyin`)?.textContent, row)).toBe('bà gōng');
      await lib.screenshot('library-word-from-page');
      await lib.close();
      await page.close();
    });

    it('marks terms on a real page, and page styles do not reach the card', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-8-2020.html'))!;
      const page = await h().newTab(demo.url);
      await expect.poll(() => termCount(page)).toBeGreaterThan(0);
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '* { color: red !important; background: yellow !important; font-size: 30px !important; }';
        document.head.append(style);
      });
      // Opened from the keyboard: a click right after the page's styles change may land beside the word
      // while the page is laid out again, and open a look-up card instead of the term's.
      await page.focus('span.jiedu-term');
      await page.press('Enter');
      await expect.poll(() => inCard<boolean>(page, `return !!root.querySelector('.card .english');`)).toBe(true);
      const style = await inCard<{ color: string; bg: string; size: string }>(
        page,
        `const card = root.querySelector('.card');
       const english = card.querySelector('.english');
       return { color: getComputedStyle(english).color, bg: getComputedStyle(card).backgroundColor, size: getComputedStyle(english).fontSize };`,
      );
      expect(style).toEqual({ color: 'rgb(29, 35, 39)', bg: 'rgb(255, 255, 255)', size: '14px' });
      await page.screenshot('page-card-hostile-style');
      await page.close();
    });

    it('looks up a word on a page that is not an article', async () => {
      const page = await h().newTab(CHANNEL);
      const box = await page.evaluate(() => document.querySelector('#intro')!.getBoundingClientRect().toJSON() as DOMRect);
      await page.clickAt(box.x + 12, box.y + box.height / 2);
      await expect.poll(() => cardText(page)).toMatch(/外交.*wài jiāo/s);
      await page.close();
    });

    it('finds a traditional-character word', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('zaobao-1.html'))!;
      const page = await h().newTab(demo.url);
      // The page's script has read the article (it listens for the first look-up from then on).
      const detected = detectFromUrl(demo.url);
      await waitForStored(h(), detected.kind === 'article' ? detected.canonicalUrl : demo.url);
      const point = await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'trad';
        p.style.fontSize = '24px';
        p.textContent = '颱風登陸後交通中斷。';
        document.querySelector('#article-body')!.prepend(p);
        p.scrollIntoView();
        const r = document.createRange();
        r.setStart(p.firstChild!, 0);
        r.setEnd(p.firstChild!, 1);
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await clickForCard(page, point);
      await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/颱風/);
      const text = await cardText(page);
      expect(text, text ?? '').toMatch(/tái fēng/);
      expect(text).toMatch(/台风/);
      expect(text).toMatch(/typhoon/);
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
  },
  { extra: { [CHANNEL]: CHANNEL_HTML } },
);
