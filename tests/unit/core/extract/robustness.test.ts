/** Hostile markup, huge pages, unreadable and non-article pages, the generic fallback, zaobao.com.sg hydration data. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_CHARS, MAX_PARAGRAPHS } from '../../../../src/core/extract/index.ts';

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const GUANCHA = 'https://www.guancha.cn/politics/2024_01_02_700001.shtml';
const ZAOBAO_SG = 'https://www.zaobao.com.sg/realtime/china/story20240706-4071464';

function guanchaPage(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>t</title></head><body><ul><li class="left left-main"><h3>${title}</h3>
<div class="time fix"><span>2024-01-02 10:00:00</span><span>来源：观察者网</span></div>
<div class="content all-txt">${body}</div></li></ul></body></html>`;
}

describe('hostile markup', () => {
  it('keeps an escaped tag in the title as inert text and creates no element', () => {
    const d = doc(guanchaPage('&lt;img src=x onerror=alert(1)&gt;标题', '<p>正文第一段。</p>'));
    const imgsBefore = d.querySelectorAll('img').length;
    const out = extractArticle(d, GUANCHA);
    if (!out.ok) throw new Error(out.message);
    expect(out.article.title).toBe('<img src=x onerror=alert(1)>标题');
    expect(d.querySelectorAll('img').length).toBe(imgsBefore);
    expect(out.article.images).toEqual([]);
  });

  it('drops scripts, handlers and javascript: links; keeps only text', () => {
    const body = `<p>第一段<script>alert("x")</script>继续。</p>
<p><img src="x" onerror="alert(1)">第二段 &lt;script&gt;alert(2)&lt;/script&gt;</p>
<p><a href="javascript:alert(3)">javascript:alert(3)</a></p>
<p><img src="javascript:alert(4)"><img src="data:image/png;base64,AAAA"><img src="//i.guancha.cn/a.jpg"></p>
<style>p{color:red}</style><noscript>不应出现</noscript><iframe src="https://evil.example/">框架</iframe>`;
    const d = doc(guanchaPage('<b>标题</b><script>document.title="x"</script>', body));
    const out = extractArticle(d, GUANCHA);
    if (!out.ok) throw new Error(out.message);
    const a = out.article;
    expect(a.title).toBe('标题');
    expect(a.paragraphs).toEqual(['第一段继续。', '第二段 <script>alert(2)</script>', 'javascript:alert(3)']);
    // x resolves against the page; javascript: and data: never reach the record
    expect(a.images.map((i) => i.src)).toEqual(['https://www.guancha.cn/politics/x', 'https://i.guancha.cn/a.jpg']);
    expect(JSON.stringify(a)).not.toContain('noscript');
    expect(JSON.stringify(a)).not.toContain('不应出现');
  });

  it('survives absurd nesting', () => {
    const deep = '<div>'.repeat(3000) + '深处的文字' + '</div>'.repeat(3000);
    const out = extractArticle(doc(guanchaPage('深', `<p>开头</p>${deep}`)), GUANCHA);
    if (!out.ok) throw new Error(out.message);
    expect(out.article.paragraphs).toEqual(['开头', '深处的文字']);
  });
});

describe('huge pages', () => {
  it('caps 50,000 paragraphs (≈2 MB) at the limit, quickly, with a notice', () => {
    const para = '<p>这是一个很长的测试段落，用来检查极大页面的处理速度与截断行为。</p>';
    const body = Array.from({ length: 50_000 }, () => para).join('');
    expect(body.length).toBeGreaterThan(2_000_000 / 1.2);
    const d = doc(guanchaPage('大页面', body));
    const t0 = performance.now();
    const out = extractArticle(d, GUANCHA);
    const ms = performance.now() - t0;
    if (!out.ok) throw new Error(out.message);
    expect(out.article.paragraphs).toHaveLength(MAX_PARAGRAPHS);
    expect(out.notices.join(' ')).toMatch(/more than 5,000 paragraphs/);
    expect(ms).toBeLessThan(3000);
  });

  it('caps a 2 MB single paragraph at the character limit', () => {
    const big = '中'.repeat(2_000_000);
    const d = doc(guanchaPage('长段', `<p>${big}</p>`));
    const t0 = performance.now();
    const out = extractArticle(d, GUANCHA);
    if (!out.ok) throw new Error(out.message);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(out.article.paragraphs[0]?.length).toBe(MAX_CHARS);
    expect(out.notices.join(' ')).toMatch(/characters/);
  });
});

describe('not articles and unreadable pages', () => {
  it('refuses a non-article URL without generic', () => {
    const out = extractArticle(doc('<html><body><p>首页</p></body></html>'), 'https://www.guancha.cn/');
    expect(out).toMatchObject({ ok: false, reason: 'not-article', site: 'guancha' });
  });

  it('refuses an unknown site without generic', () => {
    const out = extractArticle(doc('<html><body><p>x</p></body></html>'), 'https://example.org/a');
    expect(out).toMatchObject({ ok: false, reason: 'not-article', site: null });
  });

  it('says unreadable when an article URL has no text anywhere', () => {
    const out = extractArticle(doc('<html><head><title>404</title></head><body><div id="app"></div></body></html>'), GUANCHA);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.reason).toBe('unreadable');
      expect(out.site).toBe('guancha');
      expect(out.message).toMatch(/guancha article.*found any text/);
    }
  });

  it('falls back to Readability when the site markup is unknown, and says so', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `<p>这是改版后的页面第${i + 1}段，内容足够长，可以被通用阅读器识别为正文。这里再多写一些文字，以免被当成页面杂项而丢掉。</p>`).join('');
    const html = `<html><head><title>改版页面</title></head><body><div class="nav">导航 首页 国际</div><main><article><h1>改版页面</h1>${paras}</article></main><footer>版权所有</footer></body></html>`;
    const out = extractArticle(doc(html), GUANCHA);
    if (!out.ok) throw new Error(out.message);
    expect(out.article.extractor).toBe('jiedu/generic-readability');
    expect(out.article.site).toBe('guancha');
    expect(out.article.url).toBe('https://www.guancha.cn/politics/2024_01_02_700001_s.shtml');
    expect(out.article.paragraphs).toHaveLength(6);
    expect(out.article.paragraphs[0]).toMatch(/^这是改版后的页面第1段/);
  });

  it('keeps the adapter header when only the body selectors fail', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `<p>正文在新容器里，第${i + 1}段，内容足够长，可以被通用阅读器识别为正文，再添一些字。</p>`).join('');
    const html = guanchaPage('头部还在', '').replace('<div class="content all-txt"></div>', `<div class="new-body">${paras}</div>`);
    const out = extractArticle(doc(html), GUANCHA);
    if (!out.ok) throw new Error(out.message);
    expect(out.article.extractor).toBe('jiedu/generic-readability');
    expect(out.article.title).toBe('头部还在');
    expect(out.article.publishedAt).toBe('2024-01-02T10:00:00+08:00');
    expect(out.article.paragraphs).toHaveLength(6);
  });

  it('reads any site with generic: true, keyed by the URL without its fragment', () => {
    const paras = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} of a page on another site, long enough for the generic reader to keep it as article text.</p>`).join('');
    const out = extractArticle(doc(`<html><head><title>Other</title></head><body><article><h1>Other</h1>${paras}</article></body></html>`), 'https://example.org/a?id=3#top', {
      generic: true,
      now: new Date('2025-01-01T00:00:00Z'),
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.article).toMatchObject({ site: 'other', url: 'https://example.org/a?id=3', extractor: 'jiedu/generic-readability', extractedAt: '2025-01-01T00:00:00.000Z' });
    expect(out.article.paragraphs).toHaveLength(5);
  });
});

describe('zaobao.com.sg 2024 hydration data', () => {
  it('is used when the article body is empty', () => {
    const payload = {
      loaderData: {
        '0-0': {
          context: {
            payload: {
              article: {
                headline: '水合标题',
                create_time: 1720226593,
                body_cn: '<p>第一段 &amp; 更多。</p><div id="dfp-ad-1"></div><p><strong>第二段</strong></p>',
                images: [{ url: 'https://static.zaobao.com.sg/a.jpg', caption: '图说' }],
                tags: [{ name: '中国' }, { name: '塔吉克斯坦' }],
              },
            },
          },
        },
      },
    };
    const script = `window.__staticRouterHydrationData = JSON.parse(${JSON.stringify(JSON.stringify(payload))});`;
    const html = `<html><head><title>x</title></head><body><article><div class="articleBody"></div></article><script>${script.replace(/</g, '\\u003c')}</script></body></html>`;
    const out = extractArticle(doc(html), ZAOBAO_SG);
    if (!out.ok) throw new Error(out.message);
    const a = out.article;
    expect(a.extractor).toBe('jiedu/zaobao-sg-2024');
    expect(a.title).toBe('水合标题');
    expect(a.publishedAt).toBe('2024-07-06T08:43:13+08:00');
    expect(a.paragraphs).toEqual(['第一段 & 更多。', '第二段']);
    expect(a.images).toEqual([{ src: 'https://static.zaobao.com.sg/a.jpg', caption: '图说' }]);
    expect(a.tags).toEqual(['中国', '塔吉克斯坦']);
    expect(out.notices.join(' ')).toMatch(/embedded data/);
  });
});
