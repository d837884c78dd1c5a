import { describe, expect, it } from 'vitest';
import { detectFromUrl } from '../../../../src/core/extract/index.ts';

type Row = [url: string, site: string, layoutHint: string, canonicalUrl: string, language?: string];

const ARTICLES: Row[] = [
  ['https://www.guancha.cn/WangWen/2019_09_07_516891.shtml', 'guancha', 'guancha-www', 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml'],
  ['https://www.guancha.cn/WangWen/2019_09_07_516891_2.shtml?s=fwzxfbbt#comment', 'guancha', 'guancha-www', 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml'],
  ['http://guancha.cn/politics/2019_09_09_517162_s.shtml', 'guancha', 'guancha-www', 'https://www.guancha.cn/politics/2019_09_09_517162_s.shtml'],
  ['https://www.guancha.cn/industry-science/2019_09_07_516923.shtml', 'guancha', 'guancha-www', 'https://www.guancha.cn/industry-science/2019_09_07_516923_s.shtml'],
  ['https://m.guancha.cn/internation/2024_05_01_733333.shtml', 'guancha', 'guancha-m', 'https://www.guancha.cn/internation/2024_05_01_733333_s.shtml'],
  ['https://m.guancha.cn/internation/2024_05_01_733333', 'guancha', 'guancha-m', 'https://www.guancha.cn/internation/2024_05_01_733333_s.shtml'],
  ['https://user.guancha.cn/main/content?id=1234567&s=fwckhfbt', 'guancha', 'guancha-user', 'https://user.guancha.cn/main/content?id=1234567'],
  ['https://user.guancha.cn/wap/content?id=1234567', 'guancha', 'guancha-user', 'https://user.guancha.cn/main/content?id=1234567'],
  ['http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm', 'xinhua', 'xinhua-2019', 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm'],
  ['http://www.xinhuanet.com/2019-12/10/c_1125327450_2.htm', 'xinhua', 'xinhua-2019', 'https://www.xinhuanet.com/2019-12/10/c_1125327450.htm'],
  ['http://news.cn/politics/leaders/2022-09/29/c_1129041895.htm', 'xinhua', 'xinhua-2019', 'https://www.news.cn/politics/leaders/2022-09/29/c_1129041895.htm'],
  ['http://www.yn.xinhuanet.com/original/2020-02/18/c_138791659.htm', 'xinhua', 'xinhua-2019', 'https://www.yn.xinhuanet.com/original/2020-02/18/c_138791659.htm'],
  ['https://www.news.cn/politics/20240706/0123456789abcdef0123456789abcdef/c.html', 'xinhua', 'xinhua-2021', 'https://www.news.cn/politics/20240706/0123456789abcdef0123456789abcdef/c.html'],
  ['https://news.cn/20240706/0123456789ABCDEF0123456789abcdef/c.html?f=pad', 'xinhua', 'xinhua-2021', 'https://www.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html'],
  ['https://sn.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html', 'xinhua', 'xinhua-2021', 'https://sn.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html'],
  ['https://english.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html', 'xinhua', 'xinhua-english', 'https://english.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html', 'en'],
  ['https://www.zaobao.com/realtime/world/story20211118-1214802', 'zaobao', 'zaobao-com', 'https://www.zaobao.com/realtime/world/story20211118-1214802'],
  ['https://zaobao.com/realtime/china/story20240706-4071464?ref=home#top', 'zaobao', 'zaobao-com', 'https://www.zaobao.com/realtime/china/story20240706-4071464'],
  ['https://www.zaobao.com.sg/news/china/story20240706-4071464', 'zaobao', 'zaobao-sg', 'https://www.zaobao.com.sg/news/china/story20240706-4071464'],
  ['https://www.zaobao.com.sg/entertainment/story20240101-123', 'zaobao', 'zaobao-sg', 'https://www.zaobao.com.sg/entertainment/story20240101-123'],
  ['https://www.zaobao.com.sg/realtime/finance/story20240101-123', 'zaobao', 'zaobao-sg', 'https://www.zaobao.com.sg/realtime/finance/story20240101-123'],
  ['https://www.zaobao.com/finance/realtime/story20200101-99', 'zaobao', 'zaobao-com', 'https://www.zaobao.com/finance/realtime/story20200101-99'],
];

const NOT_ARTICLES = [
  'https://www.guancha.cn/',
  'https://www.guancha.cn/internation',
  'https://www.guancha.cn/WangWen',
  'https://m.guancha.cn/',
  'https://user.guancha.cn/',
  'https://user.guancha.cn/main/search?keyword=中国',
  'https://www.guancha.cn/video/2024_05_01_733333.shtml',
  'https://www.news.cn/',
  'http://www.xinhuanet.com/world/index.htm',
  'https://m.news.cn/',
  'http://so.news.cn/#search/0/中国/1/',
  'http://www.xinhuanet.com/video/2019-12/10/c_1210390000.htm',
  'http://big5.news.cn/gate/big5/www.news.cn/politics/20240706/0123456789abcdef0123456789abcdef/c.html',
  'https://www.zaobao.com/',
  'https://www.zaobao.com/realtime/china',
  'https://www.zaobao.com.sg/search?q=中国',
  'https://www.zaobao.com.sg/video/news/story20240101-123',
  // look-alikes and tricks
  'https://www.zaochenbao.com/realtime/china/story20240706-4071464',
  'https://zaochenbao.com/news/story20240101-1',
  'https://www.zaobao.com.evil.example/realtime/china/story20240706-4071464',
  'https://www.zaobao.com@evil.example/realtime/china/story20240706-4071464',
  'https://evil.example/?u=https://www.zaobao.com/realtime/china/story20240706-4071464',
  'https://notguancha.cn/WangWen/2019_09_07_516891.shtml',
  'https://www.news.cn.evil.example/20240706/0123456789abcdef0123456789abcdef/c.html',
  'javascript:alert(1)//www.guancha.cn/a/2019_09_07_516891.shtml',
  'ftp://www.guancha.cn/WangWen/2019_09_07_516891.shtml',
  'https://example.org/article.html',
  '',
  'not a url',
];

describe('detectFromUrl', () => {
  it.each(ARTICLES)('%s is an article', (url, site, layoutHint, canonicalUrl, language = 'zh-Hans') => {
    expect(detectFromUrl(url)).toEqual({ kind: 'article', site, layoutHint, canonicalUrl, language });
  });

  it.each(NOT_ARTICLES.map((u) => [u]))('%s is not an article', (url) => {
    const d = detectFromUrl(url);
    expect(d.kind).toBe('none');
    if (d.kind === 'none') expect(d.reason.length).toBeGreaterThan(0);
  });

  // Its time is the bench's (extract.bench.ts); here, that an address of 4,000 characters gets its answer.
  it('answers for a very long URL', () => {
    const url = `https://www.zaobao.com/${'a-'.repeat(2000)}/story`;
    expect(detectFromUrl(url)).toEqual({ kind: 'none', reason: 'not an article page of zaobao' });
  });
});

describe('addresses with a doubled slash', () => {
  it('reads them as the article they serve (xinhua-25 was listed at www.xinhuanet.com//health/…)', () => {
    expect(detectFromUrl('http://www.xinhuanet.com//health/2015-02/08/c_127470631.htm')).toMatchObject({
      kind: 'article',
      layoutHint: 'xinhua-2019',
      canonicalUrl: 'https://www.xinhuanet.com/health/2015-02/08/c_127470631.htm',
    });
    expect(detectFromUrl('https://www.zaobao.com.sg//news/china//story20240706-4071464')).toMatchObject({
      kind: 'article',
      canonicalUrl: 'https://www.zaobao.com.sg/news/china/story20240706-4071464',
    });
    // The scheme's own slashes and a query are left alone.
    expect(detectFromUrl('https://user.guancha.cn/main/content?id=114619&next=//x')).toMatchObject({ canonicalUrl: 'https://user.guancha.cn/main/content?id=114619' });
  });
});
