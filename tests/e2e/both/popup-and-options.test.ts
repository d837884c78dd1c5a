/**
 * The popup and the options page in Chromium and Firefox, in English and in Chinese:
 * what the popup says of an article, of a site Jiedu does not read by itself, and
 * saving by hand once automatic saving is switched off in the options.
 */
import { expect, it } from 'vitest';
import { builtPages, demoPages } from '../../../scripts/demo-pages.ts';
import { detectFromUrl } from '../../../src/core/extract/detect.ts';
import { countOf, forEachBrowser, isChecked, openPopup, storedArticle, storedSettings, tabIdOf, textOf, waitForStored, type Tab } from '../harness/index.ts';

const built = builtPages();
function canonical(url: string): string {
  const d = detectFromUrl(url);
  if (d.kind !== 'article') throw new Error(`${url} is not an article URL`);
  return d.canonicalUrl;
}

// A page of a site Jiedu does not read by itself (built here, not a real page).
const OTHER = 'https://news.example.org/world/2021/story.html';
const OTHER_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Elsewhere</title></head><body><h1>外交新闻</h1><p>双方同意加强战略沟通。</p></body></html>';

const AUTO_SAVE = 'section[aria-labelledby="opt-library"] input[type="checkbox"]';
const MENU_OPTION = '.option-extra input[type="checkbox"]';
const buttonTexts = (tab: Tab) => tab.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? ''));

forEachBrowser(
  'popup and options',
  (h, browser) => {
    it('describes a zaobao article in the popup: title, site, saved, tabs and buttons', async () => {
      const demo = demoPages().find((p) => p.seed === '004' && p.layout === 'zaobao-sg-2024')!;
      const page = await h().newTab(demo.url);
      await waitForStored(h(), canonical(demo.url));
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '[data-testid="save-status"]')).toBe('Saved to your library');
      expect(await textOf(popup, '[data-testid="article-site"]')).toBe('Zaobao 联合早报');
      expect(await popup.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent))).toEqual(['This page', 'Glossary']);
      expect(await buttonTexts(popup)).toEqual(expect.arrayContaining(['Save this page', 'Open library', 'Options']));
      await popup.screenshot('popup-en');
      await popup.close();
      await page.close();
    });

    it('on a site Jiedu does not read by itself, says so; asking a tab with no content script leaves no error', async () => {
      const page = await h().newTab(OTHER);
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '#panel-page section p')).toBe('Jiedu reads Guancha, Zaobao and Xinhua by itself. On other sites, save a page by hand.');
      expect(await buttonTexts(popup)).toEqual(expect.arrayContaining(['Open library', 'Options']));
      await popup.close();
      await page.close();
    });

    it('with automatic saving off in the options, saves only when the user asks in the popup', async () => {
      const options = await h().openExtensionPage('options.html');
      await expect.poll(() => isChecked(options, AUTO_SAVE)).toBe(true);
      await options.focus(AUTO_SAVE);
      await options.press('Space'); // by keyboard
      await expect.poll(() => textOf(options, 'p.ok[role="status"]')).toBe('Saved.');
      expect(await isChecked(options, AUTO_SAVE)).toBe(false);
      await options.screenshot('options', { fullPage: true });

      const entry = built.find((x) => x.layout === 'xinhua-2021' && x.seed === '003')!;
      const page = await h().newTab(entry.url);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await storedArticle(h(), canonical(entry.url))).toBeNull();
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '[data-testid="save-status"]')).toBe('Not saved: automatic saving is off');
      await popup.click('footer button.primary');
      await expect.poll(() => textOf(popup, '[data-testid="save-status"]')).toBe('Saved to your library');
      expect((await storedArticle(h(), canonical(entry.url)))?.title).toBe(entry.expect.title);

      await options.focus(AUTO_SAVE);
      await options.press('Space');
      await expect.poll(() => isChecked(options, AUTO_SAVE)).toBe(true);
      await expect.poll(async () => (await storedSettings(h())).autoSave ?? true).toBe(true);
      await popup.close();
      await page.close();
      await options.close();
    });

    it('asks for the right-click menu permission only when turned on, then saves the selected word with its sentence (Chromium); Firefox is not offered it', async () => {
      const options = await h().openExtensionPage('options.html');
      await expect.poll(() => countOf(options, AUTO_SAVE)).toBe(1);
      if (browser === 'firefox') {
        // Firefox does not grant the context-menu permission on request, so the build does not offer it.
        expect(await countOf(options, MENU_OPTION)).toBe(0);
        expect(await options.evaluate(() => document.body.textContent)).not.toMatch(/right-click menu/);
        await options.close();
        return;
      }
      const has = () => h().background(() => chrome.permissions.contains({ permissions: ['contextMenus'] }));
      expect(await has()).toBe(false);
      // The option is drawn once the page has asked whether the permission is held: wait for it.
      await expect.poll(() => options.evaluate((s) => document.querySelector(s)?.closest('label')?.textContent ?? '', MENU_OPTION)).toMatch(/right-click menu/);
      await expect.poll(() => isChecked(options, MENU_OPTION)).toBe(false);
      await options.click(MENU_OPTION);
      await expect.poll(() => has()).toBe(true);
      await options.screenshot('options-full', { fullPage: true });

      const demo = demoPages().find((p) => p.seed === '002' && p.layout === 'guancha-www-s')!;
      const page = await h().newTab(demo.url);
      const stored = await waitForStored(h(), demo.url);
      // Term marking rewrites text nodes once the article is saved: select after it, as a reader would.
      await expect.poll(() => countOf(page, 'span.jiedu-term')).toBeGreaterThan(0);
      await page.evaluate(() => {
        const p = [...document.querySelectorAll('.content.all-txt p')].find((x) => x.textContent!.includes('战略伙伴'))!;
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const i = n.data.indexOf('战略伙伴');
          if (i >= 0) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 4);
            getSelection()!.removeAllRanges();
            getSelection()!.addRange(r);
            return;
          }
        }
      });
      const tabId = await tabIdOf(h(), page.url());
      // The menu item's handler, as a click on it runs it (a driver cannot open the browser's context menu).
      const saved = (await h().background((g, id) => g.jieduContextMenu.onClicked({ menuItemId: 'jiedu-save-selection', selectionText: '战略伙伴' }, id), tabId)) as {
        record: { simplified: string; pinyin: string; contexts: { sentence: string; articleUrl: string }[] };
      };
      expect(saved.record.simplified).toBe('战略伙伴');
      expect(saved.record.pinyin).toBe('zhàn lüè huǒ bàn');
      expect(saved.record.contexts[0]?.articleUrl).toBe(stored.url);
      expect(saved.record.contexts[0]?.sentence).toBe('王毅表示，中方视土方为真正可靠的战略伙伴。');

      await options.click(MENU_OPTION);
      await expect.poll(() => has()).toBe(false);
      await page.close();
      await options.close();
    });
  },
  { extra: { [OTHER]: OTHER_HTML } },
);

forEachBrowser(
  'the interface in Chinese',
  (h) => {
    it('shows the popup and the options in Chinese', async () => {
      const demo = demoPages().find((p) => p.seed === '004' && p.layout === 'zaobao-sg-2024')!;
      const page = await h().newTab(demo.url);
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, '[data-testid="save-status"]')).toBe('已存入文章库');
      expect(await popup.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent))).toEqual(['本页', '术语表']);
      expect(await buttonTexts(popup)).toContain('保存本页');
      expect(await textOf(popup, '[data-testid="article-site"]')).toBe('联合早报');
      await popup.screenshot('popup-zh');
      const options = await h().openExtensionPage('options.html');
      await expect.poll(() => textOf(options, 'h1')).toBe('解读 · 设置');
      await expect.poll(() => countOf(options, AUTO_SAVE)).toBe(1); // the settings arrive after the heading
      await options.screenshot('options-zh', { fullPage: true });
      await popup.close();
      await page.close();
      await options.close();
    });

    it('says in Chinese why a backup was refused, detail included', async () => {
      const lib = await h().openExtensionPage('library.html');
      await lib.setInputFile('[data-testid="backup-file"]', { name: 'broken.json', content: '{"format":"jiedu-backup","version":1,"articles":[' });
      await expect.poll(() => textOf(lib, '[data-testid="backup-error"]')).toBe('未导入任何内容：该文件不是有效的 JSON，可能不完整或已损坏');
      const bad = JSON.stringify({ format: 'jiedu-backup', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', articles: [], vocabulary: [{ simplified: '' }], settings: {} });
      await lib.setInputFile('[data-testid="backup-file"]', { name: 'bad.json', content: bad });
      await expect.poll(() => textOf(lib, '[data-testid="backup-error"]')).toMatch(/^未导入任何内容：备份中有解读无法读取的记录：vocabulary\[0\]/);
      await lib.close();
    });
  },
  { locale: 'zh-CN' },
);
