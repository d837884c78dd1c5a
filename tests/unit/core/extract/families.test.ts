/**
 * The failure families of real pages no adapter was tuned on (players, pagers, paywall prompts,
 * disclaimers, share bars, editor lines, site names in titles, missing dates, addresses of every
 * era). Each case names the real page it comes from; where no real page shows a family, the
 * input is built here from a quotation of a real page and says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../src/cli/html.ts';
import { detectFromUrl, extractArticle } from '../../../../src/core/extract/index.ts';
import { dateFromUrl, stripSiteName, tidyParagraphs } from '../../../../src/core/extract/tidy.ts';
import { xinhuaReporters } from '../../../../src/core/extract/xinhua.ts';

const PAGES = join(import.meta.dirname, '../../../fixtures/real-pages');
const NOW = new Date('2025-03-01T04:00:00Z');

function real(file: string, url: string) {
  const out = extractArticle(parsePage(readFileSync(join(PAGES, file))), url, { now: NOW });
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('page furniture in real bodies', () => {
  it('drops the video player news.cn draws into a body (xinhua-6: "Play Video", "0:00", "/2:54")', () => {
    const html = readFileSync(join(PAGES, 'xinhua-6-2024.html'), 'utf8');
    expect(html).toContain('Play Video'); // the page really carries it
    const { article } = real('xinhua-6-2024.html', 'http://www.news.cn/politics/leaders/20240509/3dd6e33cc6d749fbaae01fea337ff400/c.html');
    expect(article.paragraphs[0]).toMatch(/^新华社乌鲁木齐5月9日电（记者邹伟）/);
    for (const p of article.paragraphs) expect(p).not.toMatch(/Play Video|^\/?\d+:\d{2}$/);
    // With the player gone, the reporter in the real first paragraph is found.
    expect(article.authors).toEqual(['邹伟']);
  });

  it("drops a picture story's pager and says which page of how many this is (xinhua-7)", () => {
    const out = real('xinhua-7-province-2024.html', 'http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html');
    for (const p of out.article.paragraphs) expect(p).not.toMatch(/下一页|<<|>>/);
    expect(out.article.partial).toEqual({ page: 1, pages: 4, fullTextUrl: null });
    expect(out.notices).toContain('This picture story has 4 pages; this is page 1. Next page: http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html?page=2');
    // Page 3 of the same story keys the same record and says it is page 3.
    const page3 = real('xinhua-7-province-2024.html', 'http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html?page=3');
    expect(page3.article.url).toBe(out.article.url);
    expect(page3.article.partial).toEqual({ page: 3, pages: 4, fullTextUrl: null });
  });

  it('reads the author from a provincial editor line "[作者: 刘满仓 　责任编辑: 杨丹宇 ]" (xinhua-7)', () => {
    const { article } = real('xinhua-7-province-2024.html', 'http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html');
    expect(article.authors).toEqual(['刘满仓']);
    expect(article.editor).toBe('杨丹宇');
  });

  it("joins Xinhua's two navy caption lines into one caption instead of two paragraphs (xinhua-english-1)", () => {
    const { article } = real('xinhua-english-1-fragment-2023.html', 'https://english.news.cn/20230115/98a3b5c41af641938a2a205f1e0b9f71/c.html');
    expect(article.images[0]?.caption).toMatch(/^Guests attend a ceremony .* \(Xinhua\/Li Gang\)$/);
    expect(article.paragraphs[0]).toMatch(/^HONG KONG\/GUANGZHOU, Jan\. 15 \(Xinhua\) --/);
    expect(article.language).toBe('en');
  });

  it("takes a 风闻 post's author from its own user box, not from the recommended columnists in the same markup (guancha-user-1)", () => {
    const html = readFileSync(join(PAGES, 'guancha-user-1-2019.html'), 'utf8');
    expect(html).toContain('人大教授金灿荣'); // a recommended columnist, in the same .user-main h4 a markup
    const { article } = real('guancha-user-1-2019.html', 'https://user.guancha.cn/main/content?id=114619&s=wapzwyess');
    expect(article.authors).toEqual(['黄金飞天鼠']);
    expect(article.publishedAt).toBe('2019-05-14T13:52:00+08:00');
    for (const p of article.paragraphs) expect(p).not.toMatch(/免责声明/);
  });

  it("reads a zaobao.com.sg 2019 page's heading picture and marks the paywalled text partial once (zaobao-sg-1)", () => {
    const out = real('zaobao-sg-1-2019.html', 'https://www.zaobao.com.sg/zopinions/views/story20191102-1001999');
    expect(out.article.images[0]?.caption).toBe('中美贸易战是21世纪中美战略对决的起点。（法新社）');
    expect(out.article.partial).toEqual({ page: 1, pages: null, fullTextUrl: null });
    expect(out.article.paragraphs.join('')).not.toMatch(/订阅|登录/);
    expect(out.notices.filter((n) => /subscribed/.test(n))).toHaveLength(1);
  });

  it('reads the 2015 and 2017 national templates and a provincial channel page of that family instead of handing them to the generic reader (xinhua-22, -19, -14)', () => {
    const y2015 = real('xinhua-22-2015.html', 'http://www.xinhuanet.com/politics/2015-08/06/c_128098993.htm').article;
    expect([y2015.layout, y2015.publishedAt, y2015.source, y2015.editor]).toEqual(['xinhua-2017', '2015-08-06T08:50:24+08:00', '中国青年报', '刘强']);
    const y2017 = real('xinhua-19-2017.html', 'http://www.xinhuanet.com/world/2017-07/06/c_1121270810.htm').article;
    expect([y2017.layout, y2017.publishedAt, y2017.source, y2017.editor]).toEqual(['xinhua-2017', '2017-07-06T02:47:41+08:00', '新华社', '钱中兵']);
    // article:author names the web editor (侯强 stands on other pages too): the reporters are in the closing bracket.
    expect(readFileSync(join(PAGES, 'xinhua-19-2017.html'), 'utf8')).toContain('<meta property="article:author" content="侯强" />');
    expect(y2017.authors).toEqual(['杜尚泽', '王恬']);
    expect(y2017.paragraphs).not.toContain('点击查看专题');
    const nmg = real('xinhua-14-nmg-2022.html', 'https://nmg.news.cn/xwzx/2022-02/24/c_1128412954.htm').article;
    expect([nmg.layout, nmg.title, nmg.publishedAt, nmg.source, nmg.editor]).toEqual(['xinhua-2017', '“呼和浩特所有收费站禁止出入”是虚假信息', '2022-02-24T17:30:00+08:00', '新华网', '李国栋 徐红梅']);
    expect(nmg.authors).toEqual(['李倩']);
  });

  it("reads a feature's byline line as its authors, not as a paragraph (xinhua-16, -23)", () => {
    for (const [file, url, names] of [
      ['xinhua-16-2025.html', 'http://www.news.cn/20251201/27cccef1d906488fa64a9a670136ec0a/c.html', ['胡璐', '周勉']],
      ['xinhua-23-2024.html', 'http://www.news.cn/world/20241209/d0908499f23f409f8bb762704c894312/c.html', ['唐霁']],
    ] as const) {
      const { article } = real(file, url);
      expect(article.authors).toEqual(names);
      expect(article.paragraphs[0]).toMatch(/^新华社\S+电 /);
      for (const p of article.paragraphs) expect(p).not.toMatch(/^新华社记者\S{2,12}$/);
    }
    // A column's heading in the same place stays text.
    const doc = parseHTML(
      `<html><head><title>t</title></head><body><div class="head-line"><h1><span class="title">标题</span></h1></div><div id="detail"><p>新华社北京12月1日电 题：标题</p><p>新华社记者手记</p><p>正文第一段，足够长的一段文字。</p></div></body></html>`,
    ).document;
    const out = extractArticle(doc as unknown as Document, 'http://www.news.cn/20251201/27cccef1d906488fa64a9a670136ec0a/c.html', { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.article.paragraphs).toContain('新华社记者手记');
    expect(out.article.authors).toEqual([]);
  });

  it("finds reporters in a dateline bracket and behind a partner's name, and nothing in a column label", () => {
    expect(xinhuaReporters(['新华网北京12月21日电（赵海军）素有“楚中第一繁盛处”之美誉的武汉'])).toEqual(['赵海军']);
    expect(xinhuaReporters(['正文', '北京－莫斯科，一次次握手。（人民日报记者杜尚泽 王恬）'])).toEqual(['杜尚泽', '王恬']);
    expect(xinhuaReporters(['新华社北京10月5日电 记者5日从中央网信办获悉'])).toEqual([]);
    expect(xinhuaReporters(['新华社北京3月24日电（国际观察）题：……'])).toEqual([]);
    expect(xinhuaReporters(['新华社北京3月24日电（综述）……'])).toEqual([]);
  });

  // Built from quotations of real pages: no real page here shows these families.
  it('drops a paywall prompt, marks the article partial and says why (built: zaobao.com.sg prompt)', () => {
    const t = tidyParagraphs(['第一段。', '第二段。', '请订阅或登录，以继续阅读全文！'], [{ paragraph: 1, start: 0, end: 3 }]);
    expect(t.paragraphs).toEqual(['第一段。', '第二段。']);
    expect(t.paywalled).toBe(true);
    expect(t.bold).toEqual([{ paragraph: 1, start: 0, end: 3 }]);
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><article><h1>标题</h1><div class="articleBody"><p>第一段。</p><p>请订阅或登录，以继续阅读全文！</p></div></article></body></html>`;
    const { document } = parseHTML(html);
    const out = extractArticle(document as unknown as Document, 'https://www.zaobao.com.sg/news/china/story20240706-4071464', { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.article.paragraphs).toEqual(['第一段。']);
    expect(out.article.partial).toEqual({ page: 1, pages: null, fullTextUrl: null });
    expect(out.notices.some((n) => /subscribed/.test(n))).toBe(true);
  });

  it("drops the player's lines as xinhua-6 draws them, wherever a page leaves them as text", () => {
    expect(tidyParagraphs(['Play Video', '0:00', '/2:54', '正文。', '0:00 / 2:54'], []).paragraphs).toEqual(['正文。']);
  });

  it('drops a closing 免责声明 block, share bars and editor lines, keeping the editor (built: 风闻 and wire endings)', () => {
    const t = tidyParagraphs(['分享到：', '正文第一段。', '正文第二段。', '【责任编辑：张三】', '免责声明：本文仅代表作者个人观点。', '转载请注明出处。'], [{ paragraph: 2, start: 0, end: 2 }]);
    expect(t.paragraphs).toEqual(['正文第一段。', '正文第二段。']);
    expect(t.editor).toBe('张三');
    expect(t.bold).toEqual([{ paragraph: 1, start: 0, end: 2 }]);
    expect(t.removed).toBe(4);
  });

  it("drops guancha's closing reprint notice, and keeps a sentence that only mentions reprinting (guancha 2020 and 2022 pages)", () => {
    expect(tidyParagraphs(['正文。', '本文系观察者网独家稿件，未经授权，不得转载。'], []).paragraphs).toEqual(['正文。']);
    const keep = ['他说，本文系观察者网独家稿件一事已经澄清。', '正文。'];
    expect(tidyParagraphs(keep, []).paragraphs).toEqual(keep);
  });

  it('reads a guancha caption split into several grey spans as the caption, not a paragraph (guancha 2021 page)', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><ul><li class="left-main"><h3>标题</h3>
<div class="time fix"><span>2021-12-09 22:04:18</span><span>字号</span><span>来源：观察者网</span></div>
<div class="content all-txt"><p>第一段。</p><p align="center"><img src="https://i.guancha.cn/a.png"></p>
<p align="center"><span style="color:#999999;">福克斯新闻9日报道：</span><span style="color:#999999;">《今日美国》被嘲讽</span> </p>
<p align="center"><font color="#000000">新华网 记者 某某</font> <b>另一段</b></p><p>第二段。</p></div></li></ul></body></html>`;
    const { document } = parseHTML(html);
    const out = extractArticle(document as unknown as Document, 'https://www.guancha.cn/internation/2021_12_09_617925.shtml', { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.article.images).toEqual([{ src: 'https://i.guancha.cn/a.png', caption: '福克斯新闻9日报道：《今日美国》被嘲讽' }]);
    expect(out.article.paragraphs).toEqual(['第一段。', '新华网 记者 某某 另一段', '第二段。']);
  });

  it('keeps paragraphs that only look like furniture (a sentence about sharing, a date, a count)', () => {
    const keep = ['分享经济在中国发展迅速。', '2024年5月9日', '共有1234人参加。', '编辑部的故事', '（完）', '10:30', '第1234页'];
    expect(tidyParagraphs(keep, []).paragraphs).toEqual(keep);
  });
});

describe('titles and dates', () => {
  it('strips the site names real <title>s carry', () => {
    // xinhua-7's <title>, and a quoted real title "… —— 新华网内蒙古频道"
    expect(stripSiteName('新华视界｜河北遵化：数字农机服务助力农业生产-新华网河北频道-新华网', 'xinhua')).toBe('新华视界｜河北遵化：数字农机服务助力农业生产');
    expect(stripSiteName('草原上的那达慕 —— 新华网内蒙古频道', 'xinhua')).toBe('草原上的那达慕');
    expect(stripSiteName('日本长期失业者人数上升 | 联合早报网', 'zaobao')).toBe('日本长期失业者人数上升');
    // A separator inside the title is not a suffix.
    expect(stripSiteName('新华全媒+丨牺牲77年，“无名烈士”被找回姓名', 'xinhua')).toBe('新华全媒+丨牺牲77年，“无名烈士”被找回姓名');
    expect(stripSiteName('中美关系-观察', 'xinhua')).toBe('中美关系-观察');
  });

  it('takes the date from the address when the page prints none (xinhua-english-1 keeps only its body)', () => {
    const out = real('xinhua-english-1-fragment-2023.html', 'https://english.news.cn/20230115/98a3b5c41af641938a2a205f1e0b9f71/c.html');
    expect(out.article.publishedAt).toBe('2023-01-15T00:00:00+08:00');
    expect(out.notices).toContain('The page gives no publication time; the date is the one in its address.');
    expect(dateFromUrl('http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm')).toBe('2012-06-04T00:00:00+08:00');
    expect(dateFromUrl('https://www.zaobao.com/realtime/world/story20211118-1214802')).toBe('2021-11-18T00:00:00+08:00');
    expect(dateFromUrl('https://www.guancha.cn/WangWen/2019_09_07_516891.shtml')).toBe('2019-09-07T00:00:00+08:00');
    expect(dateFromUrl('https://www.news.cn/politics/')).toBeNull();
  });
});

describe('addresses of every era', () => {
  it('reads the 2012 content_NNN.htm page of a provincial site (xinhua-4, GB2312): header from the text after the title, body from the cell with the most paragraphs', () => {
    const { article } = real('xinhua-4-content-2012.html', 'http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm');
    expect(article.url).toBe('https://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm');
    expect(article.extractor).toBe('jiedu/xinhua-content');
    expect(article).toMatchObject({ publishedAt: '2012-06-04T09:20:26+08:00', source: '河北日报', authors: ['王敬照'], editor: '王华军' });
  });

  it('reads the 2005 page of 新华网振兴东北 (xinhua-9, GB2312): the visible title, the byline as authors, page 1 of 6 with the next page linked', () => {
    const out = real('xinhua-9-content-2005.html', 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm');
    expect(out.article.title).toBe('农机专家李金泽：为农机行业搭建现代化信息平台'); // the <title> adds "_振兴东北"
    expect(out.article.authors).toEqual(['伊琳', '李清芬']);
    expect(out.article.paragraphs[0]).toBe('个人简介：');
    for (const p of out.article.paragraphs) expect(p).not.toMatch(/^\[\d\]|记者\s+伊琳/);
    expect(out.article.partial).toEqual({ page: 1, pages: 6, fullTextUrl: null });
    expect(out.notices).toContain('This article is split into 6 pages; this is page 1. Next page: http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059_1.htm');
    // Its second page (content_4894059_1.htm) keys the same record and is page 2.
    const page2 = real('xinhua-9-content-2005.html', 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059_1.htm');
    expect(page2.article.url).toBe(out.article.url);
    expect(page2.article.partial).toEqual({ page: 2, pages: 6, fullTextUrl: null });
  });

  it('sends the same real page, at an article-shaped address no pattern knows, to the generic reader (xinhua-4 at …/c_25340717.html)', () => {
    const url = 'http://www.he.xinhuanet.com/news/2012-06/04/c_25340717.html';
    expect(detectFromUrl(url)).toMatchObject({ kind: 'article', site: 'xinhua', layoutHint: 'generic' });
    const { article } = real('xinhua-4-content-2012.html', url);
    expect(article.extractor).toBe('jiedu/generic-readability');
    expect(article.title).toBe('话剧《约定无期限》河北各市巡演结束');
    expect(article.paragraphs[0]).toMatch(/^一个约定，信守15年，感人至深/);
    expect(article.paragraphs.at(-1)).toMatch(/树立正确的世界观、人生观、价值观。$/);
  });

  it.each([
    ['http://news.xinhuanet.com/world/2005-03/05/content_2656183.htm', 'xinhua-content', 'https://news.xinhuanet.com/world/2005-03/05/content_2656183.htm'],
    ['http://www.he.xinhuanet.com/news/2012-06/04/content_25340717_2.htm', 'xinhua-content', 'https://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm'],
    // Seen in public code as links to real articles.
    [
      'https://app.xinhuanet.com/news/article.html?articleId=2026061881b7f34785a74704882e80c4e72beec1',
      'xinhua-app',
      'https://app.xinhuanet.com/news/article.html?articleId=2026061881b7f34785a74704882e80c4e72beec1',
    ],
    [
      'https://app.xinhuanet.com/news/article.html?articleId=18E1A532F58E2326D5D5F4E0D62D13D1&from=share',
      'xinhua-app',
      'https://app.xinhuanet.com/news/article.html?articleId=18e1a532f58e2326d5d5f4e0d62d13d1',
    ],
    // The app's page of 2022 on its own host (xinhua-30), kept under that host.
    [
      'http://my-h5news.app.xinhuanet.com/news/article.html?articleId=c26a1136b9e13144943846076bb6ca03',
      'xinhua-app',
      'https://my-h5news.app.xinhuanet.com/news/article.html?articleId=c26a1136b9e13144943846076bb6ca03',
    ],
    ['http://m.xinhuanet.com/ha/2020-07/08/c_1126209042.htm', 'xinhua-2019', 'https://m.xinhuanet.com/ha/2020-07/08/c_1126209042.htm'],
    // Article-shaped addresses no pattern knows go to the generic reader.
    ['http://www.nmg.xinhuanet.com/xwzx/xsp/2020-07/07/c_1126205437_3.html?x=1', 'generic', 'https://www.nmg.xinhuanet.com/xwzx/xsp/2020-07/07/c_1126205437_3.html'],
    ['https://www.guancha.cn/GuoJi%C2%B7ZhanLue/2026_09_27_902427.shtml', 'generic', 'https://www.guancha.cn/GuoJi%C2%B7ZhanLue/2026_09_27_902427.shtml'],
  ])('%s → %s', (url, layoutHint, canonicalUrl) => {
    expect(detectFromUrl(url)).toMatchObject({ kind: 'article', site: /guancha/.test(url) ? 'guancha' : 'xinhua', layoutHint, canonicalUrl });
  });

  it.each([
    // Channel, list and service pages linked from the real pages: still refused.
    'http://www.news.cn/politics/leaders/index.htm',
    'https://www.news.cn/depthobserve.htm',
    'http://www.news.cn/politics/2023fsj/mlxc.htm',
    'http://www.hn.xinhuanet.com/news/hnyw.htm',
    'https://www.news.cn/videopro/',
    'http://www.news.cn/video/20221230/1ad218344bd14d90b8c2317cb36da6af/c.html',
    'https://app.xinhuanet.com/',
    'https://my-h5news.app.xinhuanet.com/xhh-pc/topic?id=5894b81a3ef74bf6a1ed32c02061b03b',
    'https://www.guancha.cn/GuoJi%C2%B7ZhanLue/list_1.shtml',
    'https://www.zaobao.com.sg/realtime/china',
  ])('%s stays refused', (url) => {
    expect(detectFromUrl(url).kind).toBe('none');
  });

  it('sends an article-shaped page with unknown markup to the generic reader, not to "not an article"', () => {
    // Built: a guancha column page in a folder no pattern knows, with markup no adapter matches.
    const text = '这是一篇观察者网文章的正文段落，用来检验通用阅读器是否接手读取页面。'.repeat(4);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>一篇文章-观察者网</title></head><body><div class="page"><h1>一篇文章</h1><div class="text"><p>${text}</p><p>${text}</p></div></div></body></html>`;
    const { document } = parseHTML(html);
    const out = extractArticle(document as unknown as Document, 'https://www.guancha.cn/GuoJi%C2%B7ZhanLue/2026_09_27_902427.shtml', { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.article.extractor).toBe('jiedu/generic-readability');
    expect(out.article.site).toBe('guancha');
    expect(out.article.title).toBe('一篇文章');
    expect(out.article.publishedAt).toBe('2026-09-27T00:00:00+08:00');
  });
});

describe('dates from metadata', () => {
  it('takes article:published_time when a zaobao.com.sg page prints no date line (built: 2023 pages were seen without one)', () => {
    const text = '这是联合早报的一段正文，用来检验没有日期行的页面是否从元数据读到发表时间。'.repeat(3);
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta property="article:published_time" content="2023-03-14T09:30:00+08:00"><title>标题 | 联合早报</title></head><body><article><h1>标题</h1><div class="articleBody"><p>${text}</p></div></article></body></html>`;
    const { document } = parseHTML(html);
    const out = extractArticle(document as unknown as Document, 'https://www.zaobao.com.sg/news/china/story20230314-1373000', { now: NOW });
    if (!out.ok) throw new Error(out.message);
    expect(out.article.publishedAt).toBe('2023-03-14T09:30:00+08:00');
    expect(out.notices.some((n) => /address/.test(n))).toBe(false);
  });
});
