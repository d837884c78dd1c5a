/**
 * Article recognition in Chromium and Firefox: every built layout at its real URL lands
 * in the library; a paginated page, single-page navigation, late bodies, non-articles,
 * hostile and unreadable pages behave as a reader expects. (Every real page, with its
 * golden, is in skeleton.test.ts; automatic saving switched off, in popup-and-options.test.ts.)
 */
import { expect, it } from 'vitest';
import { builtPages, demoPages, pageHtml } from '../../../scripts/demo-pages.ts';
import { detectFromUrl } from '../../../src/core/extract/detect.ts';
import { articleCount, countOf, forEachBrowser, openPopup, sleep, storedArticle, textOf, waitForStored } from '../harness/index.ts';

const built = builtPages();

function canonical(url: string): string {
  const d = detectFromUrl(url);
  if (d.kind !== 'article') throw new Error(`${url} is not an article URL`);
  return d.canonicalUrl;
}

// Pages built here for these tests (not real pages): only their URLs and markup shapes matter.
const HOME = 'https://www.guancha.cn/';
const HOME_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>观察者网-中国关怀 全球视野</title></head><body><ul class="content-headline"><li><a href="/politics/2019_09_09_517162.shtml">头条</a></li></ul></body></html>';
const HOSTILE = 'https://www.guancha.cn/politics/2021_07_14_999001.shtml';
const HOSTILE_TITLE = '<img src=x onerror="alert(1)">王毅会见外宾';
const HOSTILE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>
<ul><li class="left-main"><h3>&lt;img src=x onerror="alert(1)"&gt;王毅会见外宾</h3>
<div class="time fix"><span>2021-07-14 10:00:00</span><span>字号</span><span>来源：观察者网</span></div>
<div class="content all-txt"><p>第一段<script>window.parent && alert(2)</script>正文。</p><p><a href="javascript:alert(3)">点这里</a>第二段。</p><p>&lt;script&gt;alert(4)&lt;/script&gt;第三段。</p></div></li></ul></body></html>`;
const UNREADABLE = 'https://www.guancha.cn/politics/2021_07_14_999002.shtml';
const UNREADABLE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>观察者网</title></head><body><div id="app"></div></body></html>';

/** A zaobao.com.sg 2019–22 page whose body arrives after load, as for subscribers behind the paywall (built from a built page). */
function lateBodyPage(): { url: string; html: string; title: string } {
  const entry = built.find((b) => b.layout === 'zaobao-sg-2019' && b.seed === '003')!;
  const html = pageHtml(demoPages().find((p) => p.url === entry.url)!).replace(
    '</body>',
    `<script>(() => { const b = document.querySelector('.article-content-rawhtml'); const saved = b.innerHTML; b.innerHTML = ''; setTimeout(() => { b.innerHTML = saved; }, 1500); })();</script></body>`,
  );
  return { url: entry.url + '1', html, title: entry.expect.title };
}

const late = lateBodyPage();

forEachBrowser(
  'articles in every layout',
  (h) => {
    it('on page 1 of a paginated guancha article, stores it as partial and offers the full text', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('guancha-1.html'))!;
      const page = await h().newTab(demo.url);
      const stored = await waitForStored(h(), 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml');
      expect(stored.partial).toMatchObject({ page: 1, fullTextUrl: 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml' });
      const popup = await openPopup(h(), page);
      const link = () => popup.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'Open the full text')?.getAttribute('href') ?? null);
      await expect.poll(link).toBe('https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml');
      expect(await textOf(popup, '.notice')).toMatch(/^Only page 1 of the article is shown here\./);
      expect(await countOf(popup, '.notice')).toBe(1); // said once, not also as an English notice
      await popup.screenshot('popup-guancha-partial');
      await popup.close();
      await page.close();
    });

    it('stores one page of each built layout at its real URL', async () => {
      const page = await h().newTab();
      const layouts = [...new Set(built.map((x) => x.layout))];
      expect(layouts.length).toBeGreaterThanOrEqual(9);
      for (const layout of layouts) {
        const entry = built.find((x) => x.layout === layout && x.seed === '002')!;
        await page.goto(entry.url);
        const stored = await waitForStored(h(), canonical(entry.url));
        expect(stored.title, layout).toBe(entry.expect.title);
        expect(stored.layout, layout).not.toBe('');
        expect(stored.paragraphs.length, layout).toBeGreaterThan(3);
      }
      await page.screenshot('page-zaobao-sg-2024-seed002');
      await page.close();
    });

    it('stores the second article after a zaobao.com.sg route change without a page load', async () => {
      const first = built.find((x) => x.layout === 'zaobao-sg-2024' && x.seed === '004')!;
      const second = built.find((x) => x.layout === 'zaobao-sg-2024' && x.seed === '001')!;
      const page = await h().newTab(first.url);
      await waitForStored(h(), canonical(first.url));
      const secondHtml = pageHtml(demoPages().find((p) => p.url === second.url)!);
      // What the site's React router does: push the new URL, then render the new article into the same document.
      await page.evaluate(
        ({ html, url }) => {
          history.pushState({}, '', url);
          setTimeout(() => {
            const doc = new DOMParser().parseFromString(html, 'text/html');
            document.head.replaceWith(document.adoptNode(doc.head));
            document.body.replaceWith(document.adoptNode(doc.body));
          }, 300);
        },
        { html: secondHtml, url: second.url },
      );
      const stored = await waitForStored(h(), canonical(second.url));
      expect(stored.title).toBe(second.expect.title);
      expect((await storedArticle(h(), canonical(first.url)))?.title).toBe(first.expect.title);
      await page.close();
    });

    it('stores a body that is swapped in after load', async () => {
      const page = await h().newTab(late.url);
      const stored = await waitForStored(h(), canonical(late.url));
      expect(stored.title).toBe(late.title);
      expect(stored.paragraphs.length).toBeGreaterThan(3);
      await page.close();
    });

    it('stores nothing for a home page and says so in the popup', async () => {
      const before = await articleCount(h());
      const page = await h().newTab(HOME);
      await sleep(1000);
      expect(await articleCount(h())).toBe(before);
      const popup = await openPopup(h(), page);
      await expect.poll(() => textOf(popup, 'section p')).toBe('This page is not an article.');
      await popup.close();
      await page.close();
    });

    it('keeps hostile markup inert: the title is text in the library and in the popup', async () => {
      const page = await h().newTab();
      // The page's own inline script alerts (a real site could): dismissed, as it would block the page's load.
      page.watchDialogs();
      await page.goto(HOSTILE);
      const stored = await waitForStored(h(), canonical(HOSTILE));
      expect(stored.title).toBe(HOSTILE_TITLE);
      expect(stored.paragraphs).toEqual(['第一段正文。', '点这里第二段。', '<script>alert(4)</script>第三段。']);
      const popup = await openPopup(h(), page);
      const dialogs = popup.watchDialogs();
      await expect.poll(() => textOf(popup, '[data-testid="article-title"]')).toBe(HOSTILE_TITLE);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="article-title"]')!.children.length)).toBe(0);
      expect(await countOf(popup, 'img')).toBe(0);
      expect(dialogs()).toBe(0);
      await popup.screenshot('popup-hostile-title');
      const lib = await h().openExtensionPage('library.html');
      const libDialogs = lib.watchDialogs();
      await expect
        .poll(() => lib.evaluate((t) => [...document.querySelectorAll('[data-testid="article-row"] button.title')].some((b) => b.textContent === t && b.children.length === 0), HOSTILE_TITLE))
        .toBe(true);
      expect(await countOf(lib, '[data-testid="article-row"] img')).toBe(0);
      expect(libDialogs()).toBe(0);
      await lib.close();
      await popup.close();
      await page.close();
    });

    it('tells the user when an article page could not be read', async () => {
      const page = await h().newTab(UNREADABLE);
      await sleep(6500); // the content script waits this long for a late body
      const popup = await openPopup(h(), page);
      await expect
        .poll(() => textOf(popup, '[role="alert"]'))
        .toBe('Recognised as a Guancha 观察者网 article, but Jiedu could not read its text. The site may have changed its layout, or the text has not loaded yet.');
      await popup.screenshot('popup-unreadable');
      expect(await storedArticle(h(), canonical(UNREADABLE))).toBeNull();
      await popup.close();
      await page.close();
    });
  },
  { extra: { [HOME]: HOME_HTML, [HOSTILE]: HOSTILE_HTML, [UNREADABLE]: UNREADABLE_HTML, [late.url]: late.html } },
);
