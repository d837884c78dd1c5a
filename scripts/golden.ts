/**
 * Writes tests/fixtures/golden/<page>.json for every real page in tests/fixtures/real-pages.
 *
 * The values below were read off each page's HTML by hand (title, dates, 来源, bylines, 责任编辑,
 * first and last paragraph, pictures and their captions, pagination). They are written out here
 * explicitly, never copied from the extractor's output, so that a change in the extractor shows up
 * as a failing test instead of silently becoming the new expectation.
 *
 *   npx tsx scripts/golden.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Golden {
  /** The page file in tests/fixtures/real-pages. */
  page: string;
  /** The URL the page was served at (SOURCES.md). */
  url: string;
  /** Where the URL is not known exactly, why this one is used. */
  urlNote?: string;
  canonicalUrl: string;
  site: 'guancha' | 'xinhua' | 'zaobao';
  layout: string;
  title: string;
  publishedAt: string | null;
  updatedAt: string | null;
  source: string | null;
  authors: string[];
  editor: string | null;
  tags: string[];
  paragraphCount: number;
  firstParagraph: string;
  lastParagraph: string;
  images: Array<{ src: string; caption: string }>;
  partial: { page: number; pages: number | null; fullTextUrl: string | null } | null;
  /** What on the page each value was read from. */
  notes: string[];
}

const XH3 = 'http://www.news.cn/2022-09/29/';

const GOLDENS: Golden[] = [
  {
    page: 'guancha-1.html',
    url: 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml',
    canonicalUrl: 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '王文：中美贸易“持久战”，中国人的斗志被激发',
    publishedAt: '2019-09-07T09:25:09+08:00',
    updatedAt: '2019-09-07T09:27:48+08:00',
    source: '观察者网',
    authors: ['王文'],
    editor: '小婷',
    tags: ['中美贸易', '中美竞争', '中美关系'],
    paragraphCount: 10,
    firstParagraph: '【文/观察者网专栏作者 王文】',
    lastParagraph:
      '在深圳大疆、深圳海能达等企业，笔者同样听到了不少企业界人士的坚定信心。在深圳证券交易所，60%投资者认为贸易战会长期持续。80%被调查者在投资决策时会考虑贸易战因素，但仅有1/3投资者在减仓。正如《日本经济新闻》近日报道，中国无惧“比拼耐力”。',
    images: [{ src: 'https://i.guancha.cn/news/origin/2019/09/07/20190907092144799.jpg', caption: '华坚鞋业生产车间' }],
    partial: { page: 1, pages: 2, fullTextUrl: 'https://www.guancha.cn/WangWen/2019_09_07_516891_s.shtml' },
    notes: [
      'date: first span of the first .time.fix; updatedAt: "最后更新: 2019-09-07 09:27:48" (the JSON-LD pubDate says the same)',
      'author: .author-intro p > a; editor: "责任编辑: 小婷&nbsp;" in ul.article-other',
      '10 <p> with text in div.content.all-txt: 9 text paragraphs + the <strong> subheading; the centred grey span is the caption, not a paragraph',
      'pager: .active "1", links 1–2, a.last onclick → _s.shtml',
    ],
  },
  {
    page: 'guancha-2.html',
    url: 'https://www.guancha.cn/industry-science/2019_09_07_516923.shtml',
    canonicalUrl: 'https://www.guancha.cn/industry-science/2019_09_07_516923_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心',
    publishedAt: '2019-09-07T15:10:53+08:00',
    updatedAt: '2019-09-07T15:14:21+08:00',
    source: 'EETOP',
    authors: [],
    editor: '刘响',
    tags: [],
    paragraphCount: 9,
    firstParagraph:
      '9月3日，在第二届全球IC企业家大会暨第十七届中国国际半导体博览会开幕式上，中国半导体行业协会副理事长、清华大学微电子所所长魏少军教授在演讲中分析了2018年中国集成电路市场进出口数据，同时指出了中国半导体产业结构的不足之处。',
    lastParagraph:
      '魏少军表示，因为中国产业结构和国际上发达国家不一样，三业（设计业、制造业和封测业）分离 ，IDM规模很小。在中国集成电路设计业的销售统计中，近乎100%是由中国本地企业贡献。其中通信集成电路占据40.6% ，产业结构不合理。制造业方面，预计约50% 由外资和台资在大陆的企业贡献。封测则有30%由外资以及台资在大陆的企业贡献。',
    images: [],
    partial: null,
    notes: [
      'the only .key-word link is empty: no tags',
      '9 <p>: 6 text paragraphs and 3 <strong> subheadings; no pager',
      'the page has no byline: 来源 is EETOP',
    ],
  },
  {
    page: 'guancha-3.html',
    url: 'https://www.guancha.cn/politics/2019_09_09_517162.shtml',
    canonicalUrl: 'https://www.guancha.cn/politics/2019_09_09_517162_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '苹果回应“违反中国劳动法”：大多数指控错误',
    publishedAt: '2019-09-09T19:32:27+08:00',
    updatedAt: null,
    source: '中新网',
    authors: [],
    editor: '于文凯',
    tags: ['苹果', '劳动维权', '中国'],
    paragraphCount: 6,
    firstParagraph:
      '据中新网9月9日报道，针对外媒“苹果公司违反中国劳动法”的报道，苹果公司9日对记者表示，“我们调查了中国劳工观察的说法，大多数指控都是错误的。 ”',
    lastParagraph: '记者通过电子邮件联系了富士康，截至发稿时，尚未收到回应。',
    images: [],
    partial: null,
    notes: ['no "最后更新" line: updatedAt null (the JSON-LD pubDate equals the publication time here)'],
  },
  {
    page: 'xinhua-1.html',
    url: 'http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm',
    canonicalUrl: 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm',
    site: 'xinhua',
    layout: 'xinhua-2019',
    title: '法国全国大罢工再次严重影响交通',
    publishedAt: '2019-12-10T07:57:40+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['唐霁'],
    editor: '尹世杰',
    tags: ['法国', '巴黎', '退休', '制度'],
    paragraphCount: 5,
    firstParagraph:
      '新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革，首都巴黎交通几乎完全瘫痪，其他多个城市交通也受到影响。',
    lastParagraph: '法国总统马克龙此前提出对全国退休制度进行改革，目标是逐步将目前法国各行业的42种退休制度合并成一个统一方案。总理菲利普将于11日宣布退休制度改革的总体架构。',
    images: [],
    partial: null,
    notes: ['source: em#source; reporter from （记者唐霁）; tags: meta keywords; the empty .lb gallery is skipped'],
  },
  {
    page: 'xinhua-2.html',
    url: 'http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm',
    canonicalUrl: 'https://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm',
    site: 'xinhua',
    layout: 'xinhua-2019',
    title: '武汉的声音：有英勇的你，才有英雄的城！',
    publishedAt: '2020-02-19T20:29:58+08:00',
    updatedAt: null,
    source: '半月谈',
    authors: ['罗博', '萧海川'],
    editor: '焦鹏',
    tags: ['疫情'],
    paragraphCount: 14,
    firstParagraph: '“妈妈，为什么还不能出去？”',
    lastParagraph: '正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）',
    images: [
      {
        src: 'http://www.xinhuanet.com/local/2020-02/19/1125597921_15821148894141n.jpg',
        caption: '2月17日，在武汉血液中心的中国医学科学院CPnCoV项目组，康复病人、来自汉口医院的护士蔡桃英在献血浆时拍照留念。新华社记者 才扬 摄',
      },
      { src: 'http://www.xinhuanet.com/local/2020-02/19/1125597921_15821149269271n.jpg', caption: '' },
      { src: 'http://www.xinhuanet.com/local/2020-02/19/1125597921_15821149778301n.jpg', caption: '' },
    ],
    partial: null,
    notes: [
      'source: no em#source on this page; the .h-info span reads "来源： 半月谈"',
      'authors from the closing （评论员 罗博 萧海川）',
      'three images with relative src; only the first has a 楷体 caption; 17 <p> in #p-detail = 14 text + 3 image holders (the caption <p> is not a paragraph)',
    ],
  },
  {
    page: 'xinhua-3-fragment-2022.html',
    url: 'http://www.news.cn/2022-09/29/c_1129041895.htm',
    urlNote: 'SOURCES.md gives only "news.cn article 1129041895 of 2022-09-29"; the address is rebuilt from the id and date in the pre-2023 c_<id>.htm form, which the relative image names (1129041895_….jpg) fit.',
    canonicalUrl: 'https://www.news.cn/2022-09/29/c_1129041895.htm',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '新华全媒+丨牺牲77年，“无名烈士”被找回姓名',
    publishedAt: '2022-09-29T16:09:32+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['王俊禄', '林光耀'],
    editor: null,
    tags: [],
    paragraphCount: 20,
    firstParagraph:
      '新华社杭州9月29日电（记者王俊禄、林光耀）刚获评全国“人民满意的公务员”不久的浙江基层民警柯伟力，日前又通过DNA比对，为77年前牺牲的无名烈士确认身份、找回姓名。',
    lastParagraph:
      '为刘金山烈士寻亲的故事，是全国烈士寻亲工作的一个缩影。对于这项工作，全国各地、各部门一直念兹在兹。2021年起，退役军人事务部将烈士寻亲工作列入“我为群众办实事”实践活动清单，探索建立烈士寻亲合作机制。',
    images: [
      { src: `${XH3}1129041895_16644386878651n.jpg`, caption: '图为柯伟力。（受访者供图）' },
      { src: `${XH3}1129041895_16644386878661n.jpg`, caption: '图为柯伟力在实验室开展鉴定工作。（受访者供图）' },
      { src: `${XH3}1129041895_16644386878621n.jpg`, caption: '图为柯伟力在给刘金山采集血样，用于比对DNA。（受访者供图）' },
      { src: `${XH3}1129041895_16644386878631n.jpg`, caption: '图为刘金山（前排右）在给柯伟力讲述家族史。（受访者供图）' },
      {
        src: `${XH3}1129041895_16644386878641n.jpg`,
        caption: '图为刘氏族谱，其中红框部分为1945年牺牲的烈士刘金山，由于该支长期失联，且族中老人记忆模糊，在修族谱时，以刘金岭之名入谱。（受访者供图）',
      },
      { src: `${XH3}1129041895_16644386878671n.jpg`, caption: '图为柯伟力在抄录刘氏族谱。（受访者供图）' },
    ],
    partial: null,
    notes: [
      'title twice (desktop header tail and .mheader.domMobile): one kept',
      'date and source from .mheader .info (the desktop .header-time is cut off in this fragment); the fragment ends before .editor',
      '#detail has 32 <p>: 20 text, 6 image holders, 6 楷体 captions',
    ],
  },
  {
    page: 'zaobao-1.html',
    url: 'https://www.zaobao.com/realtime/world/story20211118-1214802',
    canonicalUrl: 'https://www.zaobao.com/realtime/world/story20211118-1214802',
    site: 'zaobao',
    layout: 'zaobao-2021',
    title: '日本长期失业者人数上升',
    publishedAt: '2021-11-18T17:28:39+08:00',
    updatedAt: null,
    source: '联合早报',
    authors: ['廖慧婷'],
    editor: null,
    tags: ['日本', '经济', '失业率'],
    paragraphCount: 5,
    firstParagraph: '（早报讯）日本媒体周四（11月18日）报道，据日本政府数据显示，尽管日本整体失业人数从7月至9月有所下降，但冠病疫情造成更多人长期事业。',
    lastParagraph: '日本政府一直向雇主提供补贴，以避免失业率激增。但由于大流行对经济造成冲击，最近给寻求工作的人提供的就业机会减少了。',
    images: [
      {
        src: 'https://oss-alpha-static-zaobao.oss-cn-hongkong.aliyuncs.com/s3fs-public/styles/article_large_full/public/images/202111/20211118/2021-10-07t171716z299567363rc245q99lmf42611715.jpg',
        caption: '据日本政府数据显示，尽管日本整体失业人数从7月至9月有所下降，但冠病疫情造成更多人长期事业。（路透社）',
      },
    ],
    partial: null,
    notes: [
      'publishedAt: JSON-LD NewsArticle datePublished (the visible line says 2021-11-18 17:28, without seconds); dateModified is empty',
      'source: the JSON-LD publisher (the page prints no 来源); author: .author-info "作者： 廖慧婷"',
      'the zero-width watermark span after the last <p> is dropped; the ad <section> holds no text',
      'the canonical link points at the home page and is ignored',
    ],
  },
];

function main(): void {
  const dir = join(import.meta.dirname, '../tests/fixtures/golden');
  mkdirSync(dir, { recursive: true });
  for (const g of GOLDENS) {
    writeFileSync(join(dir, g.page.replace(/\.html$/, '.json')), JSON.stringify(g, null, 2) + '\n');
  }
  console.log(`wrote ${GOLDENS.length} goldens to ${dir}`);
}

main();
