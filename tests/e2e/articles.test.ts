/**
 * Article recognition in Chromium: every layout at its real URL lands in the
 * library; single-page navigation, late bodies, non-articles, hostile and
 * unreadable pages behave as a reader expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { ROOT } from '../../scripts/build.ts';
import { demoPages, pageHtml } from '../../scripts/demo-pages.ts';
import { detectFromUrl } from '../../src/core/extract/detect.ts';
import type { Golden } from '../../scripts/golden.ts';
import { ARTIFACTS, articleCount, openBrowser, openPopup, storedArticle, waitForStored } from './context.ts';

interface BuiltEntry { file: string; url: string; seed: string; layout: string; expect: { title: string } }
const built = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/built/index.json'), 'utf8')) as BuiltEntry[];
const golden = (name: string) => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden', `${name}.json`), 'utf8')) as Golden;

function canonical(url: string): string {
  const d = detectFromUrl(url);
  if (d.kind !== 'article') throw new Error(`${url} is not an article URL`);
  return d.canonicalUrl;
}

// Pages built here for these tests (not real pages): only their URLs and markup shapes matter.
const HOME = 'https://www.guancha.cn/';
const HOME_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>观察者网-中国关怀 全球视野</title></head><body><ul class="content-headline"><li><a href="/politics/2019_09_09_517162.shtml">头条</a></li></ul></body></html>';
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
  return { url: entry.url.replace('story', 'story') + '1', html, title: entry.expect.title };
}

describe('articles in every layout', () => {
  let b: ExtensionBrowser;
  const late = lateBodyPage();
  beforeAll(async () => {
    b = await openBrowser({ [HOME]: HOME_HTML, [HOSTILE]: HOSTILE_HTML, [UNREADABLE]: UNREADABLE_HTML, [late.url]: late.html });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('stores each real page at its real URL as its golden says (title, date, layout, paragraphs, partial)', async () => {
    const page = await b.context.newPage();
    for (const p of demoPages().filter((x) => x.kind === 'real')) {
      const g = golden(p.file.split('/').pop()!.replace(/\.html$/, ''));
      await page.goto(p.url);
      const stored = await waitForStored(b, g.canonicalUrl);
      // The browser reads each page as the CLI does (the goldens are what the CLI must print).
      expect(stored.title, p.file).toBe(g.title);
      expect(stored.publishedAt, p.file).toBe(g.publishedAt);
      expect(stored.layout, p.file).toBe(g.layout);
      expect(stored.paragraphs, p.file).toHaveLength(g.paragraphCount);
      expect(stored.paragraphs[0], p.file).toBe(g.firstParagraph);
      expect(stored.paragraphs.at(-1), p.file).toBe(g.lastParagraph);
      expect(stored.partial, p.file).toEqual(g.partial);
    }
    await page.close();
  });

  it('on page 1 of a paginated guancha article, stores it as partial and offers the full text', async () => {
    const demo = demoPages().find((p) => p.file.endsWith('guancha-1.html'))!;
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const stored = await waitForStored(b, 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml');
    expect(stored.partial).toMatchObject({ page: 1, fullTextUrl: 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml' });
    const popup = await openPopup(b, page);
    const link = popup.getByRole('link', { name: 'Open the full text' });
    await expect.poll(() => link.getAttribute('href')).toBe('https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml');
    expect(await popup.locator('.notice').first().textContent()).toMatch(/^Only page 1 of the article is shown here\./);
    expect(await popup.locator('.notice').count()).toBe(1); // said once, not also as an English notice
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-guancha-partial.png') });
    await popup.close();
    await page.close();
  });

  it('stores one page of each built layout at its real URL', async () => {
    const page = await b.context.newPage();
    const layouts = [...new Set(built.map((x) => x.layout))];
    expect(layouts.length).toBeGreaterThanOrEqual(9);
    for (const layout of layouts) {
      const entry = built.find((x) => x.layout === layout && x.seed === '002')!;
      await page.goto(entry.url);
      const stored = await waitForStored(b, canonical(entry.url));
      expect(stored.title, layout).toBe(entry.expect.title);
      expect(stored.layout, layout).not.toBe('');
      expect(stored.paragraphs.length, layout).toBeGreaterThan(3);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'page-zaobao-sg-2024-seed002.png') });
    await page.close();
  });

  it('stores the second article after a zaobao.com.sg route change without a page load', async () => {
    const first = built.find((x) => x.layout === 'zaobao-sg-2024' && x.seed === '004')!;
    const second = built.find((x) => x.layout === 'zaobao-sg-2024' && x.seed === '001')!;
    const page = await b.context.newPage();
    await page.goto(first.url);
    await waitForStored(b, canonical(first.url));
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
    const stored = await waitForStored(b, canonical(second.url));
    expect(stored.title).toBe(second.expect.title);
    expect((await storedArticle(b, canonical(first.url)))?.title).toBe(first.expect.title);
    await page.close();
  });

  it('stores a body that is swapped in after load', async () => {
    const page = await b.context.newPage();
    await page.goto(late.url);
    const stored = await waitForStored(b, canonical(late.url));
    expect(stored.title).toBe(late.title);
    expect(stored.paragraphs.length).toBeGreaterThan(3);
    await page.close();
  });

  it('stores nothing for a home page and says so in the popup', async () => {
    const before = await articleCount(b);
    const page = await b.context.newPage();
    await page.goto(HOME);
    await page.waitForTimeout(1000);
    expect(await articleCount(b)).toBe(before);
    const popup = await openPopup(b, page);
    await expect.poll(() => popup.locator('section p').first().textContent()).toBe('This page is not an article.');
    await popup.close();
    await page.close();
  });

  it('keeps hostile markup inert: the title is text in the library and in the popup', async () => {
    const page = await b.context.newPage();
    let dialogs = 0;
    await page.goto(HOSTILE);
    const stored = await waitForStored(b, canonical(HOSTILE));
    expect(stored.title).toBe(HOSTILE_TITLE);
    expect(stored.paragraphs).toEqual(['第一段正文。', '点这里第二段。', '<script>alert(4)</script>第三段。']);
    const popup = await openPopup(b, page);
    popup.on('dialog', () => void dialogs++);
    await expect.poll(() => popup.getByTestId('article-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await popup.getByTestId('article-title').evaluate((el) => el.children.length)).toBe(0);
    expect(await popup.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-hostile-title.png') });
    await popup.close();
    await page.close();
  });

  it('tells the user when an article page could not be read', async () => {
    const page = await b.context.newPage();
    await page.goto(UNREADABLE);
    await page.waitForTimeout(6500); // the content script waits this long for a late body
    const popup = await openPopup(b, page);
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('Recognised as a Guancha 观察者网 article, but Jiedu could not read its text. The site may have changed its layout, or the text has not loaded yet.');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-unreadable.png') });
    expect(await storedArticle(b, canonical(UNREADABLE))).toBeNull();
    await popup.close();
    await page.close();
  });

  it('with automatic saving off, saves only when the user asks in the popup', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    const box = options.getByLabel('Save articles to the library automatically when I read them');
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.press('Space'); // by keyboard
    await expect.poll(() => options.getByText('Saved.').count()).toBe(1);
    await options.screenshot({ path: join(ARTIFACTS, 'options.png') });

    const entry = built.find((x) => x.layout === 'xinhua-2021' && x.seed === '003')!;
    const page = await b.context.newPage();
    await page.goto(entry.url);
    await page.waitForTimeout(1000);
    expect(await storedArticle(b, canonical(entry.url))).toBeNull();
    const popup = await openPopup(b, page);
    await expect.poll(() => popup.getByTestId('save-status').textContent()).toBe('Not saved: automatic saving is off');
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => popup.getByTestId('save-status').textContent()).toBe('Saved to your library');
    expect((await storedArticle(b, canonical(entry.url)))?.title).toBe(entry.expect.title);

    await box.press('Space');
    await expect.poll(() => box.isChecked()).toBe(true);
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});
