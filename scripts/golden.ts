/**
 * Writes tests/fixtures/golden/<page>.json for every real page in tests/fixtures/real-pages.
 *
 * The values below were read off each page's HTML by hand (title, dates, 来源, bylines, 责任编辑,
 * first and last paragraph, pictures and their captions, pagination). They are written out here
 * explicitly, never copied from the extractor's output, so that a change in the extractor shows up
 * as a failing test instead of silently becoming the new expectation.
 *
 *   npx tsx scripts/golden.ts            write the goldens
 *   npx tsx scripts/golden.ts --check    count the real pages that extract clean (title, publication
 *                                        time, paragraph count, first and last paragraph, authors, source
 *                                        and images as in the golden)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from '../src/cli/html.ts';
import { extractArticle } from '../src/core/extract/index.ts';

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
  /** When not Chinese (english.news.cn). */
  language?: 'en';
  /** What on the page each value was read from. */
  notes: string[];
}

const XH3 = 'http://www.news.cn/2022-09/29/';
const XHEN = 'https://english.news.cn/20230115/98a3b5c41af641938a2a205f1e0b9f71/';

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
    page: 'guancha-user-1-2019.html',
    url: 'https://user.guancha.cn/main/content?id=114619&s=wapzwyess',
    canonicalUrl: 'https://user.guancha.cn/main/content?id=114619',
    site: 'guancha',
    layout: 'guancha-user',
    title: '终于有人讲清楚了：中美贸易战对我们意味着什么？应吸取什么样的教训！',
    publishedAt: '2019-05-14T13:52:00+08:00',
    updatedAt: null,
    source: '风闻',
    authors: ['黄金飞天鼠'],
    editor: null,
    tags: [],
    paragraphCount: 51,
    firstParagraph: '本文系吉林大学经济学院、金融学院院长李晓教授在2018年毕业典礼上的讲话，录音整理：杨弋、张宇璇，来源：吉林大学经济学院 （微信号jlueconomics）',
    lastParagraph: '谢谢各位！',
    images: [
      { src: 'https://i.guancha.cn/bbs/2019/05/14/20190514135133278?imageView2/2/w/500/format/jpg', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2019/05/14/20190514135133478?imageView2/2/w/500/format/jpg', caption: '' },
    ],
    partial: null,
    notes: [
      'title: div.article-content > h1 (<title> adds "_风闻社区"); date: span.time1 "2019-05-14 13:52" in the post\'s own .user-box',
      'author: the post\'s .user-main h4 a "黄金飞天鼠"; the right column lists 20 recommended columnists in the same markup, not authors',
      '51 <p> with text in .article-txt-content, up to div.mzsm "免责声明"; two centred images, alt "500", no caption',
      'the address\'s ?s=wapzwyess is a tracking parameter: the canonical URL keeps only id',
    ],
  },
  {
    page: 'zaobao-sg-1-2019.html',
    url: 'https://www.zaobao.com.sg/zopinions/views/story20191102-1001999',
    canonicalUrl: 'https://www.zaobao.com.sg/zopinions/views/story20191102-1001999',
    site: 'zaobao',
    layout: 'zaobao-sg-2019',
    title: '朱颖：中美贸易战——21世纪中美战略对决',
    publishedAt: '2019-11-02T03:30:00+08:00',
    updatedAt: '2019-11-02T07:22:44+08:00',
    source: '联合早报',
    authors: ['朱颖'],
    editor: null,
    tags: ['中美战略对决', '中美关系', '中美贸易战'],
    paragraphCount: 2,
    firstParagraph:
      '中美贸易战是21世纪中美战略对决的起点。中国领导层完全明白这场迟早要来的战略对决，中国从起点就在战略层面考量中美贸易战，美国也一开始从战略层面谋划贸易战。21世纪中美战略对决，拉开了全球地缘政治和经济格局重新组合。',
    lastParagraph: '美国副总统彭斯10月24日在华盛顿智库威尔逊国际学者中心（Wilson Center）的演讲点明的主题就是“决定21世纪命运的话题：美国与中国的关系”。',
    images: [
      {
        src: 'https://www.zaobao.com.sg/sites/default/files/styles/article_large_full/public/images/201911/20191102/20191102_opinion_uschinatrade.jpg?itok=XJhCKOfv',
        caption: '中美贸易战是21世纪中美战略对决的起点。（法新社）',
      },
    ],
    partial: { page: 1, pages: null, fullTextUrl: null },
    notes: [
      'Drupal page (theme zb2019); <title> "… | 早报"; byline h4.title-byline.byline "文 / 朱颖"; h4.title-byline.date-published "发布 / 2019年11月2日 3:30 AM" (JSON-LD datePublished 2019-11-02T03:30:00+08:00, dateModified 07:22:44)',
      'paywalled: .article-content-rawhtml holds two <p>, then .article-microtransaction "请订阅或登录，以继续阅读全文！" and the .overlay-microtransaction',
      'hero: figure.inline-figure-img between byline and body, .figure-media img + figcaption',
      'tags: JSON-LD keywords and meta keywords',
    ],
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
    page: 'xinhua-4-content-2012.html',
    url: 'http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm',
    urlNote: 'The file is the Wayback Machine copy of 2012-06-11 (its toolbar scripts and rewritten links included); the address is the original one the copy names.',
    canonicalUrl: 'https://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm',
    site: 'xinhua',
    layout: 'xinhua-content',
    title: '话剧《约定无期限》河北各市巡演结束',
    publishedAt: '2012-06-04T09:20:26+08:00',
    updatedAt: null,
    source: '河北日报',
    authors: ['王敬照'],
    editor: '王华军',
    tags: [],
    paragraphCount: 6,
    firstParagraph:
      '一个约定，信守15年，感人至深；一段真情，延续15年，催人泪下。6月3日上午，话剧《约定无期限》全省各市巡演活动来到张家口。话剧结尾，当扮演河北农大果树93(01)班毕业生的全体演员喊出铿锵誓言———“兄弟，放心吧！只要二老在世一天，我们就管一天，我们的约定没有期限”时，全场响起经久不息的掌声，许多观众流下感动的泪水。',
    lastParagraph:
      '如今，向河北农大果树93(01)班毕业生群体学习的热潮正在全省各地深入开展。廊坊以巡演为契机，在全市大中专院校和中小学组织开展“学习河北农大果树93(01)班先进事迹，做守信践诺的表率”教育活动，采取专题学习、主题班会、演讲比赛、征文等多种形式，把团结友爱、互帮互助、守信践诺的精神传承下去，引导全市广大青年和中小学生树立正确的世界观、人生观、价值观。',
    images: [],
    partial: null,
    notes: [
      'GB2312 (meta http-equiv charset=gb2312); a table template with no class names: the header comes from the text after the title, the body is the table cell with the most <p>',
      'date and source: "新华网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源： 河北日报"; author "作者： 记者王敬照" (the role dropped); editor "编辑： 王华军"',
      '6 <p> in the body cell, each opening with four &nbsp;; no keywords meta',
    ],
  },
  {
    page: 'xinhua-5-2023.html',
    url: 'http://www.news.cn/fortune/2023-11/17/c_1129981476.htm',
    canonicalUrl: 'https://www.news.cn/fortune/2023-11/17/c_1129981476.htm',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '短缺药品保供稳价 全力保障临床用药需求',
    publishedAt: '2023-11-17T20:52:15+08:00',
    updatedAt: null,
    source: '新华社',
    authors: [],
    editor: '张樵苏',
    tags: ['短缺', '医卫', '药品信息', '医疗卫生机构'],
    paragraphCount: 4,
    firstParagraph:
      '新华社北京11月17日电 记者17日从国家卫生健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测预警与分级应对体系，全力保障人民群众临床用药需求。',
    lastParagraph:
      '此外，多层次提升短缺药品应对处置水平。多部门加强医药领域监管执法，市场监管总局指导地方加快医药领域垄断线索核查与案件办理工作。工业和信息化部提前应对秋冬季流感疫情，组织生产企业增产扩能。商务部分析研判汛情对药品供应链的影响，指导药品流通企业加大药品供应力度。国家邮政局持续推动邮政综合服务平台建设，提高医院药品、互联网医疗平台寄递服务能力。国家中医药局积极协调相关部门、行业协会等，推动中药材供需总体平衡。',
    images: [],
    partial: null,
    notes: [
      'the 2021+ template at a c_<id>.htm address: .header-time (year, 11/17, 20:52:15), #detail > p',
      'source: meta source "新华社" (the visible .source line says 新华网); the wire names no reporter ("记者17日从…")',
      'editor: "【责任编辑:张樵苏】" in #articleEdit; tags: meta keywords',
    ],
  },
  {
    page: 'xinhua-6-2024.html',
    url: 'http://www.news.cn/politics/leaders/20240509/3dd6e33cc6d749fbaae01fea337ff400/c.html',
    canonicalUrl: 'https://www.news.cn/politics/leaders/20240509/3dd6e33cc6d749fbaae01fea337ff400/c.html',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '李强在新疆调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉促进长治久安',
    publishedAt: '2024-05-09T22:27:02+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['邹伟'],
    editor: '王頔',
    tags: ['李强'],
    paragraphCount: 6,
    firstParagraph:
      '新华社乌鲁木齐5月9日电（记者邹伟）中共中央政治局常委、国务院总理李强5月7日至9日在新疆调研。他强调，要深入贯彻习近平总书记在新时代推动西部大开发座谈会上的重要讲话精神和新时代党的治疆方略，立足资源禀赋培育壮大特色优势产业，提高对内对外开放水平，在高质量发展中增进民生福祉、促进长治久安。',
    lastParagraph: '马兴瑞、吴政隆参加调研。',
    images: [],
    partial: null,
    notes: [
      'a page saved after its scripts ran: #detailContent opens with the drawn video player (div#DH-PLAYERID0: "Play Video", "0:00", "/2:54"), which is not text',
      'date: .header-time (2024, 05/09, 22:27:02); source: meta source; reporter from （记者邹伟）; editor "【责任编辑:王頔】"',
      '6 <p> with text after the player (the first <p> is empty)',
    ],
  },
  {
    page: 'xinhua-7-province-2024.html',
    url: 'http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html',
    canonicalUrl: 'https://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/c.html',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '新华视界｜河北遵化：数字农机服务助力农业生产',
    publishedAt: '2024-05-15T08:58:52+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['刘满仓'],
    editor: '杨丹宇',
    tags: ['遵化', '数字农机', '农业生产'],
    paragraphCount: 3,
    firstParagraph: '5月13日，在河北省遵化市东新庄镇一家庭农场，无人驾驶农机在播种玉米。',
    lastParagraph: '新华社发（刘满仓摄）',
    images: [
      {
        src: 'http://www.he.news.cn/20240515/d59c39d4160a4fe4b3084c3e4abfb450/20240515d59c39d4160a4fe4b3084c3e4abfb450_202405153e8d1397b1514ef8a69399deb55f3a95.jpg',
        caption: '',
      },
    ],
    partial: { page: 1, pages: 4, fullTextUrl: null },
    notes: [
      'provincial (河北频道) picture story, page 1 of 4: the pager center.xinhuaPager ("|<<1234下一页>>|") is not text; page 2 is c.html?page=2',
      'date: .info .source .time "2024-05-15 08:58:52"; source: meta source; title in span.title (the <title> adds "-新华网河北频道-新华网")',
      'author and editor from "[作者: 刘满仓 　责任编辑: 杨丹宇 ]"; the credit line "新华社发（刘满仓摄）" is the page\'s own last paragraph',
    ],
  },
  {
    page: 'xinhua-8-2020.html',
    url: 'http://www.xinhuanet.com/politics/2020-07/08/c_1126212966.htm',
    urlNote: 'The source repository names the file only "xinhuanet"; the address is the one the page links to itself (its weibo and qzone share links).',
    canonicalUrl: 'https://www.xinhuanet.com/politics/2020-07/08/c_1126212966.htm',
    site: 'xinhua',
    layout: 'xinhua-2019',
    title: '中共中央办公厅转发《中央宣传部、中央组织部关于认真组织学习〈习近平谈治国理政〉第三卷的通知》',
    publishedAt: '2020-07-08T18:00:55+08:00',
    updatedAt: null,
    source: '新华网',
    authors: [],
    editor: '邱丽芳',
    tags: ['思想', '第三', '习近平谈治国理政', '学习', '时代'],
    paragraphCount: 8,
    firstParagraph:
      '新华社北京7月8日电 近日，中共中央办公厅转发了《中央宣传部、中央组织部关于认真组织学习〈习近平谈治国理政〉第三卷的通知》，并发出通知，要求各地区各部门结合实际认真贯彻落实。',
    lastParagraph:
      '认真学习《习近平谈治国理政》第三卷，是用习近平新时代中国特色社会主义思想武装全党、教育人民的重大政治任务。各级党组织要精心组织、周密安排，将《习近平谈治国理政》第三卷与第一卷、第二卷作为一个整体，引导广大党员、干部读原著、学原文、悟原理。各级党委（党组）理论学习中心组要把《习近平谈治国理政》第三卷列入学习计划，全面系统学、深入思考学、联系实际学，不断提高政治能力，切实把学习成效转化为应对风险挑战、推动事业发展的治理能力和工作水平。各级党校（行政学院）、干部学院要把《习近平谈治国理政》第三卷纳入培训教学重要内容，各高校要将其作为师生思想政治教育的重要教材，各级党委讲师团要组织好对基层党员和群众的宣讲活动，新时代文明实践中心、县级融媒体中心和“学习强国”学习平台要创新推动党的科学理论“飞入寻常百姓家”。要坚持理论联系实际的马克思主义学风，紧密结合统筹推进常态化疫情防控和经济社会发展，紧密结合改革发展稳定等各方面工作，紧密结合人民群众对美好生活的新期待，在知行合一、学以致用上下功夫，真正用党的创新理论武装头脑、指导实践、推动工作，引导广大党员、干部努力克服新冠肺炎疫情带来的不利影响，扎实做好“六稳”工作，全面落实“六保”任务，凝聚起决胜全面建成小康社会、决战脱贫攻坚、乘势而上开启全面建设社会主义现代化国家新征程的磅礴力量。',
    images: [],
    partial: null,
    notes: [
      'the 2019–20 template; the first <p> holds only a video iframe (no text)',
      'source: the .h-info span "来源： 新华网" (meta source says 新华社; the visible line wins in this template, as for xinhua-2)',
      'no reporter named; editor "责任编辑： 邱丽芳" in .p-jc; tags: meta keywords (the last ends in a line break)',
    ],
  },
  {
    page: 'xinhua-9-content-2005.html',
    url: 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm',
    canonicalUrl: 'https://chinaneast.xinhuanet.com/jizhe/2005-08/16/content_4894059.htm',
    site: 'xinhua',
    layout: 'xinhua-content',
    title: '农机专家李金泽：为农机行业搭建现代化信息平台',
    publishedAt: '2005-08-16T00:00:00+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['伊琳', '李清芬'],
    editor: '黄帅',
    tags: [],
    paragraphCount: 20,
    firstParagraph: '个人简介：',
    lastParagraph:
      '我们的目标是要搭建一个符合现代市场理念的、保持企业持久发展战略的一个平台，我们搭建的这个平台将来可能会得到黑龙江省信息产业厅、黑龙江省科委的大力支持，我们自己也在努力搭建这个平台，以便使其达到四位一体的层次。可以说现在我们已经建立了这样的一个网络来对农民进行培训，我们周边的农民已经尝到了培训的甜头，因此农民愿意到我们这买商品。为什么说我们市场在同行业中服务在先呢，因为我们为农民着想，农民买了我们的产品不能使用怎么办，出现问题怎么办，我们首先考虑的是农民的利益，而现在很多同类市场是为了销售而销售，很少考虑农民的利益。',
    images: [{ src: 'http://chinaneast.xinhuanet.com/jizhe/2005-08/16/xinsrc_56080216112195731631.jpg', caption: '' }],
    partial: { page: 1, pages: 6, fullTextUrl: null },
    notes: [
      'GB2312, wrapped by the crawl it came from in <text id="…" title="…" encoding="gb2312"> (kept as found); 新华网振兴东北 (chinaneast), 2005 table template',
      'title: div#Title (the <title> adds "_振兴东北"); date and source: "2005年08月16日 来源：新华网" (a day, no time); editor "（责任编辑： 黄帅 ）"',
      'authors from the opening byline "新华网黑龙江频道  记者  伊琳  李清芬", which is not a paragraph (the dataset\'s own author file says the same)',
      'page 1 of 6: the P.pagelink pager "[1] … [6]" and the next-page arrow are not text',
      '20 paragraphs, as the source dataset\'s hand-made text has them: the Word markup is misnested ("<SPAN><P>…</SPAN>…</P>"), and a browser, following the HTML standard, keeps "1956年生人…" in the paragraph of "李金泽同志现任…" and "100万，…" in that of "比如说…" (htmlparser2 alone splits them; the CLI parses through parse5 as the browser does)',
    ],
  },
  {
    page: 'xinhua-english-1-fragment-2023.html',
    url: `${XHEN}c.html`,
    canonicalUrl: `${XHEN}c.html`,
    site: 'xinhua',
    layout: 'xinhua-english',
    title: 'HONG KONG/GUANGZHOU, Jan. 15 (Xinhua) -- It was a little pas',
    publishedAt: '2023-01-15T00:00:00+08:00',
    updatedAt: null,
    source: null,
    authors: [],
    editor: null,
    tags: [],
    paragraphCount: 25,
    firstParagraph:
      "HONG KONG/GUANGZHOU, Jan. 15 (Xinhua) -- It was a little past dawn Sunday when the Hong Kong West Kowloon Station welcomed its first batch of travelers, who couldn't hide their excitement behind the masks as they were about to catch the very first high-speed train in nearly three years to the Chinese mainland.",
    lastParagraph:
      'After nearly three years of service suspension due to the COVID-19 pandemic, the Hong Kong section of the Guangzhou-Shenzhen-Hong Kong Express Rail Link resumed operation Sunday, with an average of 38.5 pairs of high-speed trains on a daily basis running from stations in Guangzhou and Shenzhen to the Hong Kong West Kowloon Station at the initial stage. (Xinhua/Mao Siqian)',
    images: [
      {
        src: `${XHEN}42b0d52a315549bdabd7ec008f965744.jpg`,
        caption:
          "Guests attend a ceremony to mark the resumption of operation of the Hong Kong section of the Guangzhou-Shenzhen-Hong Kong Express Rail Link at the Hong Kong West Kowloon Station in south China's Hong Kong, Jan. 15, 2023. After nearly three years of service suspension due to the COVID-19 pandemic, the Hong Kong section of the Guangzhou-Shenzhen-Hong Kong Express Rail Link resumed operation Sunday, with an average of 38.5 pairs of high-speed trains on a daily basis running from stations in Guangzhou and Shenzhen to the Hong Kong West Kowloon Station at the initial stage. (Xinhua/Li Gang)",
      },
      ...['93ad4db200ac4414a91cb830c215e475', 'c404166fae1e48db95a82b595f37ab2d', '3eca91d0c2f74a8fabf4131e411365ea', 'c712d760be314d5399defa38c23979e7', '2788da6100824a008f270404260b6526', 'abe82608fe1d41e18ea4794983c10833', '56e8c8dd616a401aa1580a8c33c2b3eb'].map(
        (id) => ({ src: `${XHEN}${id}.jpg`, caption: '' }),
      ),
    ],
    partial: null,
    language: 'en',
    notes: [
      'only div#detailContent of the page was kept (no header): the title falls back to the first 60 characters of the first paragraph, the date to the one in the address',
      'the hero picture is captioned by two navy <span> lines (one caption); the seven pictures further down are followed by plain <p> captions, which the page does not tell from text, so they stay paragraphs',
      '27 <p> with text: 2 navy caption lines + 25 paragraphs; 8 pictures with relative src',
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
  // Pages kept by students' corpus projects (SOURCES.md); values read off each page as the notes say.
  {
    "page": "xinhua-10-m-2022.html",
    "url": "http://m.news.cn/2022-10/05/c_1129051812.htm",
    "canonicalUrl": "https://m.news.cn/2022-10/05/c_1129051812.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "中央网信办持续深入打击网络谣言和虚假信息",
    "publishedAt": "2022-10-05T20:21:07+08:00",
    "updatedAt": null,
    "source": "新华社",
    "authors": [],
    "editor": "施歌",
    "tags": [
      "打击网络谣言和虚假信息"
    ],
    "paragraphCount": 2,
    "firstParagraph": "新华社北京10月5日电 记者5日从中央网信办获悉，中央网信办深入推进“清朗·打击网络谣言和虚假信息”专项行动，继开展四川泸定地震网络谣言溯源处置工作后，督促网站平台进一步全面排查整治涉突发事件、疫情防控、社会民生等重点领域网络谣言。截至目前，重点网站平台共处置传播网络谣言账号2800余个，第一时间溯源并关闭首发账号，有力震慑造谣传谣行为。",
    "lastParagraph": "据悉，中央网信办将持续深入推进专项行动，督导网站平台切实履行信息内容管理主体责任，加强日常监测和查证处置，依法从严惩治造谣传谣行为，并陆续公布典型案例，强化警示曝光，引导广大网民自觉抵制网络谣言和虚假信息，积极营造风清气正的网络空间。",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; served at m.news.cn with the same markup (.domPC/.domMobile blocks)",
      "2 <p> in #detail; \"新华社北京10月5日电 记者5日…\" names no reporter",
      "div.source says 来源：新华网, meta[name=source] says 新华社: the metadata is taken"
    ]
  },
  {
    "page": "xinhua-11-m-hb-2022.html",
    "url": "http://m.news.cn/hb/2022-11/25/c_1129160129.htm",
    "canonicalUrl": "https://m.news.cn/hb/2022-11/25/c_1129160129.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "武汉：公安机关已将编造、散布“第1号通告”虚假信息嫌疑人查获",
    "publishedAt": "2022-11-25T18:02:41+08:00",
    "updatedAt": null,
    "source": "湖北发布",
    "authors": [],
    "editor": "李晓笛",
    "tags": [
      "武汉市公安局"
    ],
    "paragraphCount": 2,
    "firstParagraph": "11月25日，武汉警方通报：目前，公安机关已将编造、散布所谓“第1号通告”虚假信息的嫌疑人徐某某（男，33 岁）查获，正依法受案调查。",
    "lastParagraph": "日前，一条冒充疫情防控指挥部发布的“第1号通告”，已被武汉市疫情防控指挥部办公室证实，纯属谣言。",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; m.news.cn/hb is the Hubei channel's phone address; no meta source, div.source \"来源：湖北发布\"",
      "2 <p> in #detail, no byline"
    ]
  },
  {
    "page": "xinhua-12-2022.html",
    "url": "http://www.news.cn/2022-07/29/c_1128875657.htm",
    "canonicalUrl": "https://www.news.cn/2022-07/29/c_1128875657.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "王毅驳斥所谓涉疆“强迫劳动”虚假信息",
    "publishedAt": "2022-07-29T19:25:42+08:00",
    "updatedAt": null,
    "source": "新华社",
    "authors": [
      "蔡国栋"
    ],
    "editor": "张樵苏",
    "tags": [
      "政治"
    ],
    "paragraphCount": 3,
    "firstParagraph": "新华社塔什干7月29日电（记者蔡国栋）当地时间2022年7月29日，国务委员兼外长王毅在塔什干出席上海合作组织外长会议。王毅驳斥了一些国家炮制所谓新疆“强迫劳动”的虚假信息。",
    "lastParagraph": "王毅表示，上合组织国家对于域外势力干涉有着切肤之痛，我们要汲取历史经验，反对任何干涉他国内政、制造“颜色革命”、颠覆合法政权的图谋。我们要坚定支持彼此走符合国情的发展道路，支持彼此维护社会稳定的重大举措，共同为地区国家发展振兴营造良好环境。",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "3 <p> in #detail; reporter from \"（记者蔡国栋）\""
    ]
  },
  {
    "page": "xinhua-13-mil-2022.html",
    "url": "http://www.news.cn/mil/2022-11/25/c_1211704225.htm",
    "canonicalUrl": "https://www.news.cn/mil/2022-11/25/c_1211704225.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "传播虚假信息，美社交媒体删除数十个美军外宣“马甲”",
    "publishedAt": "2022-11-25T09:25:59+08:00",
    "updatedAt": null,
    "source": "环球时报",
    "authors": [],
    "editor": "王金志",
    "tags": [],
    "paragraphCount": 4,
    "firstParagraph": "美国社交媒体巨头脸书母公司“元”（Meta）在一份最新报告中称，该公司旗下社交平台脸书和“照片墙”上的一些账号很可能由美国军方人士管理，这些账号专注于向俄罗斯、阿富汗、伊朗和叙利亚等国的网民传播虚假信息，以“促进美国在海外的利益”。",
    "lastParagraph": "今年8月，美国斯坦福大学网络观察室发布报告称，推特、脸书等社交媒体首次取缔了进行亲美宣传的虚假账号。根据报告，在近5年的时间里，美国在社交媒体上搭建针对中国、俄罗斯、伊朗等国的巨大宣传网，通过设立虚假账号、传播相似内容、制造话题热度等手段发动政治宣传和造谣行动。该行动使用的账号经常冒充新闻媒体或者使用虚假身份，BBC举例称，至少有一个账号使用人工智能将波多黎各女演员瓦莱里娅·梅嫩德斯的照片进行修改后用作个人资料照片冒充身份。卡内基国际和平研究院高级学者加文·王尔德对美军方“明显无效的影响活动”表示遗憾，称此举令美国失去透明度。大西洋理事会数字取证实验室的高级研究员安迪·卡文表示，美国开展此类行动无效且适得其反，将进一步侵蚀公众信任。",
    "images": [
      {
        "src": "http://www.news.cn/mil/2022-11/25/1211704225_16693383502381n.jpg",
        "caption": "资料图"
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; no meta source, div.source \"来源：环球时报\"",
      "5 <p> in #detail: 4 text, one centred navy \"资料图\" caption under the relative image 1211704225_16693383502381n.jpg"
    ]
  },
  {
    "page": "xinhua-14-nmg-2022.html",
    "url": "https://nmg.news.cn/xwzx/2022-02/24/c_1128412954.htm",
    "canonicalUrl": "https://nmg.news.cn/xwzx/2022-02/24/c_1128412954.htm",
    "site": "xinhua",
    "layout": "xinhua-2017",
    "title": "“呼和浩特所有收费站禁止出入”是虚假信息",
    "publishedAt": "2022-02-24T17:30:00+08:00",
    "updatedAt": null,
    "source": "新华网",
    "authors": [
      "李倩"
    ],
    "editor": "李国栋 徐红梅",
    "tags": [],
    "paragraphCount": 3,
    "firstParagraph": "新华网呼和浩特2月24日（李倩）24日，内蒙古自治区交通运输综合行政执法总队十三支队发布声明，网传“呼和浩特所有收费站禁止出入，请提前安排好出行规划”是虚假信息。",
    "lastParagraph": "内蒙古自治区交通运输综合行政执法总队十三支队提醒广大群众和司乘人员，所有涉及疫情类交通路况的相关信息，请以内蒙古自治区和呼和浩特市两级疫情防控指挥部门发布的信息为准。",
    "images": [],
    "partial": null,
    "notes": [
      "provincial channel template (nmg.news.cn): h1.content-bt-h1; ul.c-time \"2022-02-24 17:30\" and \"来源： 新华网\"; body #zoom; p.text-left \"责任编辑：李国栋 徐红梅\" (both names kept as the editor)",
      "<title> ends \" —— 新华网内蒙古频道\"",
      "reporter from the dateline bracket \"新华网呼和浩特2月24日（李倩）\"",
      "3 text <p> (two empty <p> left by misnested markup), then the share box and the editor line"
    ]
  },
  {
    "page": "xinhua-15-2025.html",
    "url": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/c.html",
    "canonicalUrl": "https://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "“高冷”经济看发展｜绿意攀高！海拔4000米之上的绿色革命",
    "publishedAt": "2025-12-03T16:11:24+08:00",
    "updatedAt": null,
    "source": "新华社",
    "authors": [],
    "editor": "施歌",
    "tags": [
      "西藏"
    ],
    "paragraphCount": 37,
    "firstParagraph": "班公湖位于西藏自治区西部边陲",
    "lastParagraph": "新华社西藏分社 联合制作",
    "images": [
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200006437.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200006731.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200006908.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200007097.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200007219.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200007510.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_105012025120200007666.gif",
        "caption": ""
      },
      {
        "src": "http://www.xinhuanet.com/fortune/20251203/7a735e3ce5094a05b707f549d1b0ef31/202512037a735e3ce5094a05b707f549d1b0ef31_f8290ec451954ffd8cb9f1b9e8e86746.jpg",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; no meta source",
      "a photo feature: 37 <p> in #detailContent, each a short line between 8 images (7 GIFs and a JPEG, no captions); the last line \"新华社西藏分社 联合制作\" is the page's credit and is kept",
      "no byline"
    ]
  },
  {
    "page": "xinhua-16-2025.html",
    "url": "http://www.news.cn/20251201/27cccef1d906488fa64a9a670136ec0a/c.html",
    "canonicalUrl": "https://www.news.cn/20251201/27cccef1d906488fa64a9a670136ec0a/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "四中全会精神解读·市场最前沿丨从一粒稻种看中国种企创新路",
    "publishedAt": "2025-12-01T20:45:12+08:00",
    "updatedAt": null,
    "source": "新华网",
    "authors": [
      "胡璐",
      "周勉"
    ],
    "editor": "王頔",
    "tags": [
      "稻种"
    ],
    "paragraphCount": 18,
    "firstParagraph": "新华社北京12月1日电 题：从一粒稻种看中国种企创新路",
    "lastParagraph": "农业农村部有关负责人说，未来将在培育上突出重点，集中资源加快培育世界一流种业企业。同时，继续支持优势企业承担科技重大项目，促进企业在育种创新中“唱主角”。还将推进企业主导的产学研深度融合，鼓励发展“企业出题出资、科研揭榜答题”双向协作，推进企业和高校、科研院所人才双向流动。",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "19 <p> in #detailContent: the dateline-and-headline line \"新华社北京12月1日电 题：…\", then \"新华社记者胡璐、周勉\" (a byline line: the authors, not a paragraph), then 17 text paragraphs"
    ]
  },
  {
    "page": "xinhua-17-2024.html",
    "url": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/c.html",
    "canonicalUrl": "https://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "都是绿豆汤，为什么有的是红色，有的是绿色？到底哪种更好？",
    "publishedAt": "2024-07-25T18:35:17+08:00",
    "updatedAt": null,
    "source": "科普中国",
    "authors": [],
    "editor": "孙晓倩",
    "tags": [
      "绿豆汤",
      "颜色",
      "氧化",
      "成分",
      "绿色"
    ],
    "paragraphCount": 61,
    "firstParagraph": "入伏了，绿豆汤是大家眼里的解暑佳品。无论是颗粒分明的绿豆汤，还是绿豆开花与汤融为一体的绿豆沙，都收割着我们的味蕾。",
    "lastParagraph": "审核丨阮光锋 科信食品与健康信息交流中心副主任",
    "images": [
      {
        "src": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/2024072555cc7750385c41c29405672c2a5d773b_20240725396ffd20e5dc4fe2861276c1031cd69d.jpg",
        "caption": "数据来源：《中国食物成分表（标准版/第一册）》和 Verywell Health"
      },
      {
        "src": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/2024072555cc7750385c41c29405672c2a5d773b_2024072584dec91b365b4b6fadd79963de856089.jpg",
        "caption": "数据来源：《中国食物成分表（标准版）》"
      },
      {
        "src": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/2024072555cc7750385c41c29405672c2a5d773b_20240725b02f99b2287c4d72bb1dc9cfbadd72e2.jpg",
        "caption": "图源：《中国营养科学全书（第二版/上册）》"
      },
      {
        "src": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/2024072555cc7750385c41c29405672c2a5d773b_20240725d9d037e04e534c608ecd19350a7f15a6.jpg",
        "caption": "数据来源：《中国食物成分表（标准版/第一册）》"
      },
      {
        "src": "http://www.xinhuanet.com/science/20240725/55cc7750385c41c29405672c2a5d773b/2024072555cc7750385c41c29405672c2a5d773b_202407254a1a1570814a4ec0a4e07eff9c14dc04.png",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "65 <p> in #detailContent: 61 text (subheadings included), 4 centred captions under 5 images (\"数据来源：…\", \"图源：…\"; the last image has none); ends with the credit lines \"作者丨…\" and \"审核丨…\""
    ]
  },
  {
    "page": "xinhua-18-2022.html",
    "url": "http://www.xinhuanet.com/world/2022-12/04/c_1211706634.htm",
    "canonicalUrl": "https://www.xinhuanet.com/world/2022-12/04/c_1211706634.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "外媒：拜登政府考虑重启特朗普时期移民限制政策",
    "publishedAt": "2022-12-04T11:55:46+08:00",
    "updatedAt": null,
    "source": "参考消息网",
    "authors": [],
    "editor": "侯强",
    "tags": [],
    "paragraphCount": 6,
    "firstParagraph": "据路透社2日报道，美国拜登政府正在考虑的一些计划可能加大在美墨边境寻求庇护的难度，这些计划与前总统特朗普推动的政策有相似之处。",
    "lastParagraph": "报道称，拜登在2020年总统选举中击败特朗普时曾承诺，将取消特朗普强硬的移民政策，并“重申了美国对寻求庇护者和难民的承诺”。拟议的政策如果获得通过，将大大背离这些承诺。（编译/刘白云）",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; no meta source, div.source \"来源：参考消息网\"",
      "6 <p> in #detail; \"（编译/刘白云）\" at the end is a translator, not a reporter"
    ]
  },
  {
    "page": "xinhua-19-2017.html",
    "url": "http://www.xinhuanet.com/world/2017-07/06/c_1121270810.htm",
    "canonicalUrl": "https://www.xinhuanet.com/world/2017-07/06/c_1121270810.htm",
    "site": "xinhua",
    "layout": "xinhua-2017",
    "title": "“我们是山水相连的好邻居” ——记习近平主席对俄罗斯进行国事访问",
    "publishedAt": "2017-07-06T02:47:41+08:00",
    "updatedAt": null,
    "source": "新华社",
    "authors": [
      "杜尚泽",
      "王恬"
    ],
    "editor": "钱中兵",
    "tags": [
      "习近平",
      "普京",
      "俄罗斯",
      "元首",
      "山水相连"
    ],
    "paragraphCount": 41,
    "firstParagraph": "新华社莫斯科7月4日电 题：“我们是山水相连的好邻居”——记习近平主席对俄罗斯进行国事访问",
    "lastParagraph": "北京－莫斯科，一次次握手，中俄关系的列车飞速前行。（人民日报记者杜尚泽 王恬）",
    "images": [
      {
        "src": "http://news.xinhuanet.com/world/2017-07/03/129645817_14990467661021n.jpg",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "2017 national template: h1#title; .main_tit .info \"2017年07月06日 02:47:41\" and span#source \"来源： 新华社\"; body #content; .share \"[责任编辑： 钱中兵 ]\"",
      "meta article:author 侯强 is the web editor (the same name stands on other pages): not an author",
      "42 <p> in #content: 41 text, the last \"点击查看专题\" a link to the visit's topic page (dropped); its banner image is kept",
      "reporters from the closing \"（人民日报记者杜尚泽 王恬）\""
    ]
  },
  {
    "page": "xinhua-20-2025.html",
    "url": "http://www.news.cn/local/20251203/5d8bf570d83643f9bb3769ef33ac0567/c.html",
    "canonicalUrl": "https://www.news.cn/local/20251203/5d8bf570d83643f9bb3769ef33ac0567/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "他们是不一样的追梦人——深圳龙岗用温情托起残疾人“稳稳的幸福”",
    "publishedAt": "2025-12-03T09:59:13+08:00",
    "updatedAt": null,
    "source": "新华每日电讯",
    "authors": [
      "孙飞"
    ],
    "editor": "刘子丫",
    "tags": [
      "小兰",
      "公益",
      "残疾人",
      "龙岗",
      "刘惠青"
    ],
    "paragraphCount": 29,
    "firstParagraph": "深圳龙岗，这个常住人口约400万人、地区生产总值约6000亿元的工业大区、产业强区，以华为等高新技术企业知名，常年在全国工业百强区榜单中排名前列。",
    "lastParagraph": "龙岗区残联负责人表示，龙岗不仅是工业大区、产业强区，也是民生高地、幸福城区。龙岗将进一步深化运用脑疾病精准诊疗技术助力孤独症儿童康复、推动脑机接口临床应用等，以科技创新赋能残疾人事业高质量发展，助力广大残疾人共享龙岗“有意思、有商机、有得住、有品质”的“四有”现代化城区典范建设成果。（记者孙飞）",
    "images": [
      {
        "src": "http://www.news.cn/local/20251203/5d8bf570d83643f9bb3769ef33ac0567/2025120356358ca23bec4267ad334316a36b76ee_20251203cc878238a7344b44b378ee7d745b1a7d.jpeg",
        "caption": "油画让傅小兰找到生活的坐标。（受访者供图）"
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "30 <p> in #detailContent: 29 text and one caption \"油画让傅小兰找到生活的坐标。（受访者供图）\"",
      "reporter from \"（记者孙飞）\" in the opening paragraphs"
    ]
  },
  {
    "page": "xinhua-21-2023.html",
    "url": "http://www.news.cn/2023-03/24/c_1129461122.htm",
    "canonicalUrl": "https://www.news.cn/2023-03/24/c_1129461122.htm",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "世界田联从严限制性别发育异常和跨性别运动员参赛",
    "publishedAt": "2023-03-24T15:15:51+08:00",
    "updatedAt": null,
    "source": "新华社",
    "authors": [],
    "editor": "张樵苏",
    "tags": [
      "田径"
    ],
    "paragraphCount": 4,
    "firstParagraph": "新华社北京3月24日电 世界田联24日在官网公布了世界田联理事会日前做出的一系列决定，宣布从本月31日起，加强对性别发育异常运动员的参赛限制，同时进一步明确禁止跨性别运动员参加女子比赛。",
    "lastParagraph": "世界田联主席塞巴斯蒂安·科表示，做出这一系列决定是很艰难的，但是世界田联必须保障女运动员参赛的公平性。“我们会随着科学的进步更新观点，但我们会将女运动员参赛的公平性放在首位。”",
    "images": [],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"; meta source 新华社",
      "4 <p> in #detail, no reporter named"
    ]
  },
  {
    "page": "xinhua-22-2015.html",
    "url": "http://www.xinhuanet.com/politics/2015-08/06/c_128098993.htm",
    "canonicalUrl": "https://www.xinhuanet.com/politics/2015-08/06/c_128098993.htm",
    "site": "xinhua",
    "layout": "xinhua-2017",
    "title": "“绿帽”不必过敏，执法还需通情",
    "publishedAt": "2015-08-06T08:50:24+08:00",
    "updatedAt": null,
    "source": "中国青年报",
    "authors": [],
    "editor": "刘强",
    "tags": [
      "通情",
      "戴绿帽子",
      "过敏",
      "交警",
      "行人"
    ],
    "paragraphCount": 6,
    "firstParagraph": "自8月深圳市交警祭重招整治违法通行以来，行人冲红灯的违法成本显然不再是以前教育几句那么简单。8月4日上午，冲红灯的行人被要求戴绿帽子、穿绿马甲在路口劝导其他路人。此举迅速引发热议，对于戴绿帽子一事，市民有赞有弹。不过，交警解释称，帽子仅仅是与马甲的同色搭配，并无他意。（《南方都市报》8月5日）",
    "lastParagraph": "夏日炎炎，能够考虑到执法对象的遮阳问题，当然是件好事情；但好事还宜做好，试想，若是再细心一些，周密一些，对绿马甲的配帽，换用其他颜色，那就不至于引起舆论喧嚣，也不至于在执法过程中引起少数执法对象的抵触了。那样的话，相信执法过程，将会更加顺利；而执法效果，自然也就更好。",
    "images": [],
    "partial": null,
    "notes": [
      "2015 national template: #article h1#title; .info .source span.time \"2015年08月06日 08:50:24\"; em#source \"中国青年报\"; body #article .article; #articleEdit span.editor \"[责任编辑: 刘强 ]\"",
      "6 <p>, an opinion piece with no byline"
    ]
  },
  {
    "page": "xinhua-23-2024.html",
    "url": "http://www.news.cn/world/20241209/d0908499f23f409f8bb762704c894312/c.html",
    "canonicalUrl": "https://www.news.cn/world/20241209/d0908499f23f409f8bb762704c894312/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "通讯｜巴黎圣母院重新开放 参观者风雨无阻",
    "publishedAt": "2024-12-09T12:23:12+08:00",
    "updatedAt": null,
    "source": "新华网",
    "authors": [
      "唐霁"
    ],
    "editor": "邱丽芳",
    "tags": [
      "巴黎圣母院-对公众开放"
    ],
    "paragraphCount": 12,
    "firstParagraph": "新华社巴黎12月8日电 通讯｜巴黎圣母院重新开放 参观者风雨无阻",
    "lastParagraph": "法国议会两院此后通过法案，要求重建工作确保巴黎圣母院恢复原貌。在12月7日举行的庆祝仪式上，法国总统马克龙表示，经历了2019年火灾对巴黎圣母院的毁灭性打击后，各行各业团结携手，实现了“五年内将巴黎圣母院重建得更加美丽的目标”。",
    "images": [
      {
        "src": "http://www.news.cn/world/20241209/d0908499f23f409f8bb762704c894312/no8DSOIMqEHRRziW.jpg",
        "caption": "法国7日和8日在位于塞纳河畔的巴黎圣母院举行仪式，庆祝2019年失火的巴黎圣母院经过5年修复后重新开放。新华社记者 高静摄"
      },
      {
        "src": "http://www.news.cn/world/20241209/d0908499f23f409f8bb762704c894312/XRYVreN7f5CBaVJg.jpg",
        "caption": "这是12月8日在重新开放仪式上拍摄的巴黎圣母院内景。新华社记者 高静摄"
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "15 <p> in #detailContent: the dateline-and-headline line, \"新华社记者唐霁\" (a byline line: the author), 2 captions \"…新华社记者 高静摄\" under the 2 images, 11 further text paragraphs"
    ]
  },
  {
    "page": "xinhua-24-2024.html",
    "url": "http://www.news.cn/info/20241221/1440929f7e5445569789dfa8d234861d/c.html",
    "canonicalUrl": "https://www.news.cn/info/20241221/1440929f7e5445569789dfa8d234861d/c.html",
    "site": "xinhua",
    "layout": "xinhua-2021",
    "title": "开源盛会在江城——2024开放原子开发者大会侧记",
    "publishedAt": "2024-12-21T10:51:27+08:00",
    "updatedAt": null,
    "source": "新华网",
    "authors": [
      "赵海军"
    ],
    "editor": "周亦张",
    "tags": [
      "开源",
      "鸿蒙",
      "社区",
      "项目",
      "发展"
    ],
    "paragraphCount": 24,
    "firstParagraph": "新华网北京12月21日电（赵海军）素有“楚中第一繁盛处”之美誉的武汉，在沿江九大城市中，独享江城的雅名。因其位于长江和汉江的交汇处，连接南北、沟通东西，地理位置得天独厚，又有着“九省通衢”的别称。作为中部地区唯一的中国软件名城，武汉拥有40万软件开发者，90%以上积极使用开源技术和参与研发，拥有良好的开源创新氛围。",
    "lastParagraph": "程晓明介绍说，基金会成立于2020年6月，业务主管单位是工业和信息化部，是国内首家也是唯一一家国家级开源基金会，属于非营利性组织。除了开源鸿蒙项目，基金会正在推进的重点开源项目openEuler发展了项目捐赠单位23家，社区用户超373万，贡献者超2万名，社区单位成员1883家。他表示，基金会将在保证安全的前提下，进一步发挥自身的催化培育价值、公共平台价值、战略化共建价值以及跨越边界价值，积极建设构建开源社区、繁荣开源事业、共创共享开源价值的理想化场域。",
    "images": [
      {
        "src": "http://www.news.cn/info/20241221/1440929f7e5445569789dfa8d234861d/202412211440929f7e5445569789dfa8d234861d_202412211047065180rId6image1.jpeg",
        "caption": ""
      },
      {
        "src": "http://www.news.cn/info/20241221/1440929f7e5445569789dfa8d234861d/202412211440929f7e5445569789dfa8d234861d_202412211047066837rId7image2.jpeg",
        "caption": ""
      },
      {
        "src": "http://www.news.cn/info/20241221/1440929f7e5445569789dfa8d234861d/202412211440929f7e5445569789dfa8d234861d_202412211047061959rId8image3.jpeg",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "2021+ template: title .head-line h1 span.title (again in .mheader); date .header-time (year, day, time); source meta[name=source] where present, else div.source; editor span.editor \"【责任编辑:…】\"",
      "24 <p> in #detailContent; reporter from the dateline bracket \"新华网北京12月21日电（赵海军）\"; 3 images without captions"
    ]
  },
  {
    "page": "guancha-4-2024.html",
    "url": "https://www.guancha.cn/politics/2024_02_21_725784.shtml",
    "canonicalUrl": "https://www.guancha.cn/politics/2024_02_21_725784_s.shtml",
    "site": "guancha",
    "layout": "guancha-www",
    "title": "山东滨州市委书记谈解放思想：干部思维不开放，一切都等于零",
    "publishedAt": "2024-02-21T07:49:40+08:00",
    "updatedAt": "2024-02-21T07:49:41+08:00",
    "source": "澎湃新闻",
    "authors": [],
    "editor": "林琛力",
    "tags": [],
    "paragraphCount": 13,
    "firstParagraph": "据山东滨州市政府网站消息，2月19日，全市“站在三张地图旁，谋划开放大发展”解放思想大讨论动员大会召开，市委书记宋永祥出席会议并讲话。",
    "lastParagraph": "在培养开放型干部上解放思想。开放型干部是具备开放的思维逻辑和素质能力的干部，简单来讲，就是乐于接受新事物、主动学习新事物、善于探索新事物的干部。要深入思考谋划，如何帮助和引导广大干部形成开放的思维逻辑，提升开放的素质能力，同时把更多开放型干部选出来、培养好、用起来。",
    "images": [
      {
        "src": "https://i.guancha.cn/news/hmt/2024/02/21/20240221074236909.jpg",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "www.guancha.cn, 2024: the 2019 markup unchanged (li.left-main > h3; first .time.fix span \"2024-02-21 07:49:40\"; \"来源：澎湃新闻\"; a second .time.fix \"最后更新: 2024-02-21 07:49:41\")",
      "13 <p> in div.content.all-txt, one centred image without caption; no author box; the .key-word box holds one empty link (no tags)",
      "ul.article-other: 原标题 and \"责任编辑: 林琛力\"; no pager (one page)"
    ]
  },
  {
    "page": "xinhua-25-2015.html",
    "url": "http://www.xinhuanet.com//health/2015-02/08/c_127470631.htm",
    "canonicalUrl": "https://www.xinhuanet.com/health/2015-02/08/c_127470631.htm",
    "site": "xinhua",
    "layout": "xinhua-2017",
    "title": "撞鬼可能是大脑出现联觉",
    "publishedAt": "2015-02-08T08:38:03+08:00",
    "updatedAt": null,
    "source": "广州日报",
    "authors": [],
    "editor": "熊沣",
    "tags": [],
    "paragraphCount": 22,
    "firstParagraph": "很多人不知道鬼魂是否真的存在，但总是觉得自己身边有鬼，鬼似乎就在床尾或者窗外，正在看着自己，不知道想干什么。（Getty Images供图）",
    "lastParagraph": "美国科普作家马修·赫特森称，每个人都容易犯这些认知错误，一些人较为明显，其背后是所谓的“灵性”，即对思想的想法。研究发现，祈祷容易激活大脑的“灵性”。如果你对思想不感兴趣，就不会太有“灵性”。有些“灵性”特别缺乏的人还可患有孤独症。(编译 伍君仪)",
    "images": [
      {
        "src": "http://www.xinhuanet.com//health/2015-02/08/127470631_14233554786811n.jpg",
        "caption": ""
      }
    ],
    "partial": null,
    "notes": [
      "2015 national template, .main_tit variant: h1#title; span#pubtime \"2015年02月08日 08:38:03\"; span#source \"来源： 广州日报\"; body #content; \"[责任编辑： 熊沣 ]\" in .share",
      "served at an address with a doubled slash (\"//health/\"), as the page's own list gives it: the canonical URL has one",
      "22 <p> in #content; the first, under the only image, is the photo's caption set as a plain paragraph (\"…（Getty Images供图）\") and stays a paragraph; the last ends \"(编译 伍君仪)\", a translator, not a reporter",
      "meta keywords empty: no tags"
    ]
  },
  {
    page: 'xinhua-26-app-2024.html',
    url: 'https://app.xinhuanet.com/news/article.html?articleId=a59c34aad80d5793fcc1b48daf4e6be7',
    canonicalUrl: 'https://app.xinhuanet.com/news/article.html?articleId=a59c34aad80d5793fcc1b48daf4e6be7',
    site: 'xinhua',
    layout: 'xinhua-app',
    title: '“新纪天工 开物焕彩——致敬开源的力量”重大科技成就发布会开源专场在京举办',
    publishedAt: '2024-12-20T18:18:28+08:00',
    updatedAt: null,
    source: '新华网客户端',
    authors: [],
    editor: '孙晓倩',
    tags: [],
    paragraphCount: 8,
    firstParagraph:
      '12月18日，以“新纪天工开物焕彩——致敬开源的力量”为主题的重大科技成就发布会开源专场在国家科技传播中心举办。此次发布会旨在聚焦我国具有标志性、战略性、引领性的重大科技成果，依托国家级科学文化公共服务平台——国家科技传播中心，首发科技成就中的技术进步、工程进展、产业进阶情况，同时推介一流科技领军人才和创新团队、卓越工程师等，传播科学家精神、科学精神和科技成果，汇聚高水平科技自立自强的磅礴力量，服务科技强国建设。',
    lastParagraph:
      '发布会现场还揭晓了2024年开源创新榜单。该榜单由中国科协科学技术传播中心、中国计算机学会、中国通信学会、中国科学院软件研究所共同发起，旨在遴选具有创新性、贡献度和影响力的开源项目、社区、应用场景与开源事件。经过严格评审，共有10个年度开源项目、10个年度开源社区、10个年度开源应用场景与10大年度开源事件上榜。',
    images: [{ src: 'https://xhsc.app.xinhuanet.com/cms/article/image/1d1c096f574d4571922607d9ebdd5354.jpg', caption: '' }],
    partial: null,
    notes: [
      'app.xinhuanet.com article page: title div.article_title; .article_auth holds the channel name "新华网客户端", the date "2024-12-20 18:18:28" and a view count "101.8万"; meta[name=source] "新华网客户端"',
      '9 <p> in div#detail-content#article_info: 8 of text, the second holds only the one image (no caption); no reporter named in the text',
      '"（责任编辑 孙晓倩）" in div.article_liability',
      'meta keywords repeat the title, the title with "-新华网客户端", then words cut from the title and the app\'s own names: not tags',
    ],
  },
  {
    page: 'xinhua-27-2023.html',
    url: 'http://www.news.cn/food/20230113/83ed03d5b7504951818edb0db16f7791/c.html',
    canonicalUrl: 'https://www.news.cn/food/20230113/83ed03d5b7504951818edb0db16f7791/c.html',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '2022年九大食品安全与健康 热点来了',
    publishedAt: '2023-01-13T09:28:04+08:00',
    updatedAt: null,
    source: '北京青年报',
    authors: ['雷若彤'],
    editor: '李楠',
    tags: [],
    paragraphCount: 36,
    firstParagraph:
      '海克斯科技、土坑酸菜、雪糕不融、酱油双标……院士专家解读饮食舆论热点',
    lastParagraph:
      '中国食品科学技术学会名誉副理事长、中国农业大学特殊食品研究中心主任罗云波表示，法规标准的修订与实施有助于减轻消费者负担，引导绿色生产，也有利于实现政府部门的有效监管。生产企业应提高认识，主动作为，履行好社会责任，向市场供给更高质量、更加绿色环保低碳的产品。(记者 雷若彤)',
    images: [{ src: 'http://www.news.cn/food/20230113/83ed03d5b7504951818edb0db16f7791/2023011383ed03d5b7504951818edb0db16f7791_20230113bc4e30d369ab4831afc661a54d706151.jpg', caption: '' }, { src: 'http://www.news.cn/food/20230113/83ed03d5b7504951818edb0db16f7791/2023011383ed03d5b7504951818edb0db16f7791_2023011322ac3ae2764647cc92a1d14a70d17ef3.jpg', caption: '' }],
    partial: null,
    notes: [
      '2021+ template at a c.html address: title .head-line h1 span.title; date .header-time (2023, 01/13, 09:28:04); div.source "来源：北京青年报" (again in .info); editor span.editor "【责任编辑:李楠】"',
      'meta[name=source] holds "ycsys", a code of the publishing system, not a 来源: the printed 来源 is the source',
      '37 <p> with text in span#detailContent: the first repeats the headline ("2022年九大食品安全与健康 热点来了") and is not text; 36 remain, the nine "热点…" subheadings and their kickers included; 2 images without captions (the first inside the kicker paragraph, the second alone); the tracking pixel space.gif is not an image',
      'reporter from the closing "(记者 雷若彤)"; meta keywords empty: no tags',
    ],
  },
  {
    page: 'xinhua-28-2022.html',
    url: 'http://www.xinhuanet.com/legal/2022-09/05/c_1211682219.htm',
    canonicalUrl: 'https://www.xinhuanet.com/legal/2022-09/05/c_1211682219.htm',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '2021年度食品安全法治十大事件发布',
    publishedAt: '2022-09-05T15:05:52+08:00',
    updatedAt: null,
    source: '新华网',
    authors: ['卢俊宇'],
    editor: '王莹',
    tags: [],
    paragraphCount: 21,
    firstParagraph:
      '新华网北京9月5日电（记者 卢俊宇）为充分总结和宣传食品安全法治建设重要成果，秉持食品安全社会共治理念，中国人民大学食品安全治理协同创新中心联合中国法学会食品安全法治研究中心、美团食品安全办公室共同评选、联合发布2021年度食品安全法治十大事件。至此，食品安全法治十大事件已经连续发布7年。',
    lastParagraph:
      '根据《食品安全法》，国家卫生健康委牵头制定、修订、完善食品安全标准。2021年度食品安全国家标准立项计划以基于风险原则和增强可执行性为目的，优先制定、修订风险防控急需的食品安全国家标准。例如，2021年3月，国家卫生健康委联合发布50项食品安全国家标准和4项标准修改单。2021年9月，国家卫生健康委、国家市场监管总局联合发布17项新食品安全国家标准和1项修改单。其中，为了与国际食品法典委员会标准修订趋势一致，新国标将《较大婴儿和幼儿配方食品》（GB 10767-2010）分为2个标准，即《国家食品安全标准 较大婴儿配方食品》（GB 10766-2021）和《国家食品安全标准 幼儿配方食品》（GB 10767-2021）。这一架构使得标准更加科学。《食品安全国家标准 餐饮服务通用卫生规范》（GB 31654-2021）则是我国首部餐饮服务行业规范类食品安全国家标准，规定了餐饮服务活动中食品采购贮存、加工、供应、配送和餐（饮）具、食品容器及工具清洗、消毒等环节场所、设施、设备、人员的食品安全基本要求和管理准则。截至2022年2月，我国食品安全国家标准共计1419项。',
    images: [],
    partial: null,
    notes: [
      '2021+ template at a c_NNN.htm address of www.xinhuanet.com/legal: title span.title; date .header-time and .info "2022-09-05 15:05:52"; div.source "来源：新华网"; editor "【责任编辑:王莹 】"',
      'meta[name=source] holds "原创" (original content), a label, not a 来源',
      '21 <p> in div#detail: the dateline paragraph, then ten numbered headings each followed by one paragraph; no images (space.gif only)',
      'reporter from the dateline bracket "（记者 卢俊宇）"; meta keywords blank: no tags',
    ],
  },
  {
    page: 'xinhua-29-2023.html',
    url: 'http://www.news.cn/local/2023-06/17/c_1129701758.htm',
    canonicalUrl: 'https://www.news.cn/local/2023-06/17/c_1129701758.htm',
    site: 'xinhua',
    layout: 'xinhua-2021',
    title: '江西工职院“6·1”食品安全事件调查处理情况通报',
    publishedAt: '2023-06-17T12:39:30+08:00',
    updatedAt: null,
    source: '新华社微博',
    authors: ['赖星'],
    editor: '赵阳',
    tags: ['江西'],
    paragraphCount: 4,
    firstParagraph:
      '针对江西工业职业技术学院“6·1”食品安全事件，省教育厅、省公安厅、省国资委、省市场监督管理局组成的联合调查组，本着实事求是原则开展调查，现将有关情况通报如下。',
    lastParagraph:
      '目前，依据《中华人民共和国食品安全法》及其实施条例，南昌市市场监督管理局已吊销涉事食堂食品经营许可证，对涉事企业和法定代表人顶格处罚。下一步，将依法依规严肃处理江西工业职业技术学院、南昌高新区市场监督管理局昌东分局等相关责任单位、涉事企业和责任人，并在全省开展食品安全专项整治，抓好源头治理，切实保障人民群众食品安全。（记者 赖星）',
    images: [],
    partial: null,
    notes: [
      '2021+ template at a c_NNN.htm address of www.news.cn/local: title span.title; date .info "2023-06-17 12:39:30"; no meta source, div.source "来源：新华社微博"; editor "【责任编辑:赵阳 】"',
      '4 <p> in div#detail; reporter from the closing "（记者 赖星）"; meta keywords "江西"',
    ],
  },
  {
    page: 'zaobao-sg-2-2022.html',
    url: 'https://www.zaobao.com.sg/finance/singapore/story20220109-1231059',
    canonicalUrl: 'https://www.zaobao.com.sg/finance/singapore/story20220109-1231059',
    site: 'zaobao',
    layout: 'zaobao-sg-2019',
    title: '家庭主妇们该按月“领薪”了',
    publishedAt: '2022-01-09T05:00:00+08:00',
    updatedAt: '2022-09-06T18:42:00+08:00',
    source: '联合早报',
    authors: ['郭书真'],
    editor: null,
    tags: ['投资理财'],
    paragraphCount: 2,
    firstParagraph: '为了确保家人获得最好的照顾，全职家庭主妇全年无休。但她们的辛勤付出，却未必获得金钱的回报。',
    lastParagraph: '在没有收入的情况下，她们要如何保障自己的财务未来？',
    images: [
      {
        src: 'https://static.zaobao.com/s3fs-public/styles/article_large_full/public/2022-01/0107mutitask2.jpg?VersionId=kjpzsFklI59Q6Q9trUhbRpILoNe8TBr1&itok=cgRUlm5-',
        caption: '插图／何汉聪',
      },
    ],
    partial: { page: 1, pages: null, fullTextUrl: null },
    notes: [
      'Drupal page (theme zbsg2020), saved in January 2023; h1 in .article-title; "订户" label; byline h4.title-byline.byline "文 / 郭书真", h4.title-byline.artist "图 / 何汉聪" (the illustrator, not an author), h4.title-byline.publication "来自 / 联合早报", h4.title-byline.date-published "发布 / 2022年1月9日 5:00 AM"',
      'updatedAt: JSON-LD dateModified "09/06/2022 - 18:42" (Drupal\'s month-first date; datePublished "01/09/2022 - 05:00" is 9 January, as the visible line says)',
      'paywalled: .article-content-rawhtml holds two bold <p> (span.ZBO_Intro), then .article-microtransaction .cta-subscribe "请订阅或登录，以继续阅读全文！"',
      'hero: figure.inline-figure-img before the body, lazy img (data-src only) + figcaption "插图／何汉聪"; tags: .keywords-list "投资理财" (= meta keywords)',
    ],
  },
  {
    page: 'zaobao-sg-3-2023.html',
    url: 'https://www.zaobao.com.sg/news/singapore/story20231124-1452137',
    canonicalUrl: 'https://www.zaobao.com.sg/news/singapore/story20231124-1452137',
    site: 'zaobao',
    layout: 'zaobao-sg-2019',
    title: '尚达曼：负社会和环境责任企业文化应成为主流',
    publishedAt: '2023-11-24T17:47:00+08:00',
    updatedAt: '2023-12-08T22:43:00+08:00',
    source: '联合早报',
    authors: ['赵世楚'],
    editor: null,
    tags: ['社会企业', '总统府', '尚达曼', '特需人士'],
    paragraphCount: 12,
    firstParagraph:
      '今年的总统挑战社会企业奖共接到64个提名，是历来最多。获奖企业和个人，多专注于为社会中的弱势群体和特需人士提供服务、培训和就业机会。',
    lastParagraph:
      '12年来，社会企业咨询公司Empact共帮助52家社会企业扩大规模，提供财务和会计、资金流管理、日常运营等咨询服务。Empact副总裁叶庆辉说：“我们帮助有想法和热忱的初创公司更精准地找到市场定位，更有效地与投资人沟通，从而获得青睐。”',
    images: [
      {
        src: 'https://static.zaobao.com/s3fs-public/styles/article_large_full/public/articles/2023/12/08/202311216751559620231121185202jsl2465.jpg?itok=FwlNXA73',
        caption:
          '社会企业咨询公司Empact副总裁叶庆辉（左起）和首席咨询官刘爱娜、前言咖啡联合创办人兼董事林伟杰和联合创办人兼总监陈建明，以及特需音乐学校The Radiant Spectrum校长苏钰凌和联合创办人陈俊维一同获得总统挑战社会企业奖。（李冠卫摄）',
      },
    ],
    partial: null,
    notes: [
      'Drupal page of late 2023 (saved January 2024): no h4 date line; .group-story-timestamp holds .story-changeddate "更新 / 2023年12月8日 10:43 PM" and .story-postdate "发布 / 2023年11月24日 5:47 PM"',
      'byline h4.title-byline.byline 赵世楚 (JSON-LD author the same); no 来自 line: source is the JSON-LD publisher 联合早报',
      '11 <p> and one <h3> subheading ("为特需人士提供学习和就业机会") in .article-content-rawhtml, whole text (no paywall prompt); ad sections dropped',
      'hero: figure.inline-figure-img, lazy img + figcaption; tags: .keywords-list = meta keywords',
    ],
  },
  {
    page: 'zaobao-sg-4-2023.html',
    url: 'https://www.zaobao.com.sg/realtime/china/story20231204-1453978',
    canonicalUrl: 'https://www.zaobao.com.sg/realtime/china/story20231204-1453978',
    site: 'zaobao',
    layout: 'zaobao-sg-2019',
    title: '港特首：香港公务员有责任支持区议会选举',
    publishedAt: '2023-12-04T09:41:00+08:00',
    updatedAt: null,
    source: '联合早报',
    authors: [],
    editor: null,
    tags: ['香港', '李家超', '香港区议会选举'],
    paragraphCount: 8,
    firstParagraph: '香港特区行政长官李家超说，公务员作为政府的骨干分子，有责任支持区议会选举。',
    lastParagraph: '陈国基说，当局只是鼓励和希望每一个公务员去投票，这其中没有惩处机制，也不会影响公务员升职，相信公务员团体没有压力。',
    images: [],
    partial: null,
    notes: [
      'Drupal page of late 2023 (saved January 2024), a wire story: no byline printed; JSON-LD author {"@type":"Person","name":"联合早报"} is the paper, not a person',
      '.story-postdate "发布 / 2023年12月4日 9:41 AM"; no 更新 line; JSON-LD dateModified = datePublished "12/04/2023 - 09:41"',
      '8 <p> in .article-content-rawhtml between ad sections (section#imu, #dfp-ad-midarticlespecial); no picture',
    ],
  },
  {
    page: 'guancha-5-2020.html',
    url: 'https://www.guancha.cn/internation/2020_06_03_552853.shtml',
    canonicalUrl: 'https://www.guancha.cn/internation/2020_06_03_552853_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '胡锡进：消灭种族歧视，像熊猫一样',
    publishedAt: '2020-06-03T22:51:04+08:00',
    updatedAt: null,
    source: '观察者网',
    authors: [],
    editor: '齐倩',
    tags: ['胡锡进'],
    paragraphCount: 6,
    firstParagraph:
      '（观察者网讯）黑人弗洛伊德之死成为“导火索”，引发全美反种族歧视抗议活动和暴力冲突。进入第8天后，怒火延烧到全美至少140个城市，超40个城市实行宵禁……全美沦为“战区”，骚乱愈演愈烈。',
    lastParagraph:
      '他指出：美国少数族裔遭受种族歧视是美国社会痼疾。当前事态再次反映美国国内种族歧视、警察暴力执法等问题的严重性和解决有关问题的紧迫性。希望美国政府采取切实措施，履行其根据《消除一切形式种族歧视国际公约》应承担的义务，维护和保障少数族裔的合法权利。',
    images: [{ src: 'https://i.guancha.cn/news/social/2020/06/03/20200603222930809.png', caption: '' }],
    partial: null,
    notes: [
      'the 2019 markup in 2020: h3 in li.left-main; .time.fix "2020-06-03 22:51:04", "来源：观察者网", no 最后更新 line; ul.editor .editor-intro shows the editor 齐倩 with her e-mail (the editor\'s box, not a byline); "责任编辑: 齐倩" in ul.article-other',
      '7 <p> of text in div.content.all-txt and one centred picture without caption; the 7th, "本文系观察者网独家稿件，未经授权，不得转载。", is the site\'s reprint notice, not text: 6 paragraphs',
      'one page (no #select_page); tag .key-word a "胡锡进"',
    ],
  },
  {
    page: 'guancha-6-2021.html',
    url: 'https://www.guancha.cn/internation/2021_12_09_617925.shtml',
    canonicalUrl: 'https://www.guancha.cn/internation/2021_12_09_617925_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '数学是种族歧视？！美国网民看到热搜后傻了…',
    publishedAt: '2021-12-09T22:04:18+08:00',
    updatedAt: '2021-12-12T11:45:22+08:00',
    source: '观察者网',
    authors: [],
    editor: '阮佳琪',
    tags: ['种族歧视'],
    paragraphCount: 16,
    firstParagraph: '（观察者网讯）',
    lastParagraph: '而且《今日美国》的这篇报道，发布的时机也很微妙，正是加州教育局最近一份关于数学课的教改草案，遭到数学界大拿集体抵制的时候。',
    images: [
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209222656874.png', caption: '' },
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209212020852.png', caption: '福克斯新闻9日报道：《今日美国》因标题问“数学是种族主义吗”而被嘲讽' },
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209212211847.png', caption: '' },
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209212351355.png', caption: '' },
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209212643472.png', caption: '' },
      { src: 'https://i.guancha.cn/news/mainland/2021/12/09/20211209222715944.png', caption: '' },
    ],
    partial: { page: 1, pages: 2, fullTextUrl: 'https://www.guancha.cn/internation/2021_12_09_617925_s.shtml' },
    notes: [
      'the 2019 markup in 2021: .time.fix "2021-12-09 22:04:18", "来源：观察者网", "最后更新: 2021-12-12 11:45:22"; no author box; "责任编辑: 阮佳琪"',
      'page 1 of 2: #select_page active "1", link to _2.shtml, a.last "余下全文" → _s.shtml',
      'div.content.all-txt: the first <p> is "（观察者网讯）" alone; 16 <p> of text and 6 centred pictures; the second picture\'s caption is split into two grey spans ("福克斯新闻9日报道：" + the headline) and is a caption, not a paragraph',
    ],
  },
  {
    page: 'guancha-7-2022.html',
    url: 'https://www.guancha.cn/internation/2022_05_11_639245.shtml',
    canonicalUrl: 'https://www.guancha.cn/internation/2022_05_11_639245_s.shtml',
    site: 'guancha',
    layout: 'guancha-www',
    title: '小说中的白人女主到了迪士尼剧中变成黑人引争议，原著作者回应',
    publishedAt: '2022-05-11T15:45:06+08:00',
    updatedAt: '2022-05-12T13:51:17+08:00',
    source: '观察者网',
    authors: [],
    editor: '郭肖',
    tags: ['迪士尼', '黑人', '演员'],
    paragraphCount: 15,
    firstParagraph:
      '（观察者网讯）近日，Disney+新剧《波西·杰克逊与奥林匹亚众神》因选用黑人女孩利亚·杰弗里斯（Leah Jeffries）出演女主安娜贝斯（Annabeth Chase)引发争议，在原著《波西·杰克逊》中，安娜贝斯是希腊女神雅典娜的女儿，是个白人，一些美国网民认为利亚不适合这个角色。',
    lastParagraph:
      '里克补充道，之前选角时，他一直将外表放在次要位置，“作为作者，我一直很清楚，我们在寻找最好的演员来演绎这些角色，外表是次要的，我们做到了，我们花了一年时间找到了最好的（角色），利亚就是安娜贝斯。”',
    images: [
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511140751787.jpg', caption: '利亚·杰弗里斯（左一）与另外两名主演' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511141352809.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511151546403.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511151615405.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511151614979.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511151615595.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511140956670.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511142111472.jpg', caption: '' },
      { src: 'https://i.guancha.cn/news/social/2022/05/11/20220511142306179.jpg', caption: '' },
    ],
    partial: null,
    notes: [
      'the 2019 markup in 2022: .time.fix "2022-05-11 15:45:06", "来源：观察者网", "最后更新: 2022-05-12 13:51:17"; ul.editor .editor-intro "郭肖 嚯！" is the editor\'s box (责任编辑: 郭肖), not a byline',
      '16 <p> of text between 9 pictures (the first with a grey caption); the last, "本文系观察者网独家稿件，未经授权，不得转载。", is the reprint notice: 15 paragraphs; one page',
      'tags .key-word a: 迪士尼, 黑人, 演员',
    ],
  },
  {
    page: 'guancha-user-2-2022.html',
    url: 'https://user.guancha.cn/main/content?id=890096',
    canonicalUrl: 'https://user.guancha.cn/main/content?id=890096',
    site: 'guancha',
    layout: 'guancha-user',
    title: '看到很多海外华裔公开讨论自己受到的隐晦种族歧视，中国该如何提升对外的软实力？',
    publishedAt: '2022-11-23T11:45:00+08:00',
    updatedAt: null,
    source: '风闻',
    authors: ['吃饭睡觉打boss'],
    editor: null,
    tags: [],
    paragraphCount: 11,
    firstParagraph: '来源：微博@RuruRin',
    lastParagraph: '大家对此怎么看？这个现象真的普遍存在吗？中国该如何提升对外的软实力？',
    images: [
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113129762.jpg?imageView2/2/w/500/format/jpg', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113437343.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113846836.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113808707.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113814322.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113314796.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123114103783.png?imageView2/2/w/500/format/png', caption: '' },
      { src: 'https://i.guancha.cn/bbs/2022/11/23/20221123113530106.png?imageView2/2/w/500/format/png', caption: '' },
    ],
    partial: null,
    notes: [
      '风闻 desktop post of 2022 (a "风闻好问" question): h1 in div.article-content; .user-main h4 a "吃饭睡觉打boss"; span.time1 "2022-11-23 11:45" (a full date, not a relative one)',
      '.article-txt-content: 11 <p> of text (the first, bold, "来源：微博@RuruRin", is the poster\'s own line and stays text) and 8 centred pictures without captions; no 免责声明 block on this post',
      'the same user box again under the post (article count, followers) and "作者文章" links: not text',
    ],
  },
  {
    page: 'xinhua-30-app-2022.html',
    url: 'http://my-h5news.app.xinhuanet.com/news/article.html?articleId=c26a1136b9e13144943846076bb6ca03',
    canonicalUrl: 'https://my-h5news.app.xinhuanet.com/news/article.html?articleId=c26a1136b9e13144943846076bb6ca03',
    site: 'xinhua',
    layout: 'xinhua-app',
    title: '赵立坚：美国系统性、普遍性种族歧视愈演愈烈',
    publishedAt: null,
    updatedAt: null,
    source: '新华网客户端',
    authors: ['孙楠'],
    editor: '张樵苏',
    tags: [],
    paragraphCount: 6,
    firstParagraph:
      '就近日美国一名非洲裔青年身中60多枪被警察击毙一事，外交部发言人赵立坚7月5日表示，美国“白人至上”“种族替代论”甚嚣尘上，系统性、普遍性的种族歧视愈演愈烈。',
    lastParagraph:
      '“试问，美国政府还需要多少‘弗洛伊德’和‘杰兰·沃克’之死，才能真正反思反省，并采取切实行动，丢掉傲慢与偏见，努力实现公平与正义？”赵立坚说。（记者孙楠）',
    images: [{ src: 'https://xhsc.app.xinhuanet.com/cms/article/image/1128806435_1657029306231.jpg', caption: '' }],
    partial: null,
    notes: [
      'the Xinhua app\'s web page of 2022 at my-h5news.app.xinhuanet.com: div.article_title; .article_auth holds only the channel name "新华网客户端" and a view count "146.1万": the page prints no date, and no meta gives one (none is taken from the picture\'s file name)',
      'div.article_info: one centred picture, then 6 <p>; the reporter from the closing "（记者孙楠）"; "（责任编辑 张樵苏）" in div.article_liability',
      'meta keywords: the title and the app\'s names, not tags',
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

/** What is not as the golden says, on the fields a reader notices first; empty when the page comes out clean. */
export function differences(
  g: Golden,
  a: { title: string; publishedAt: string | null; paragraphs: string[]; authors: string[]; source: string | null; images: Array<{ src: string; caption: string }> } | null,
  error = '',
): string[] {
  if (!a) return [error || 'not extracted'];
  const out: string[] = [];
  if (a.title !== g.title) out.push('title');
  if (a.publishedAt !== g.publishedAt) out.push('publication time');
  if (a.paragraphs.length !== g.paragraphCount) out.push(`${a.paragraphs.length} paragraphs, not ${g.paragraphCount}`);
  if (a.paragraphs[0] !== g.firstParagraph) out.push('first paragraph');
  if (a.paragraphs.at(-1) !== g.lastParagraph) out.push('last paragraph');
  if (JSON.stringify(a.authors) !== JSON.stringify(g.authors)) out.push('authors');
  if (a.source !== g.source) out.push('source');
  if (JSON.stringify(a.images) !== JSON.stringify(g.images)) out.push('images');
  return out;
}

function check(): number {
  const pages = join(import.meta.dirname, '../tests/fixtures/real-pages');
  let clean = 0;
  for (const g of GOLDENS) {
    const out = extractArticle(parsePage(readFileSync(join(pages, g.page))), g.url, { now: new Date('2025-03-01T04:00:00Z') });
    const diff = out.ok ? differences(g, out.article) : differences(g, null, `${out.reason}: ${out.message}`);
    if (diff.length === 0) clean += 1;
    console.log(`${g.page.padEnd(40)} ${diff.length === 0 ? 'clean' : `not clean: ${diff.join(', ')}`}`);
  }
  console.log(`${clean} of ${GOLDENS.length} real pages clean`);
  return clean === GOLDENS.length ? 0 : 1;
}

if (process.argv.includes('--check')) process.exitCode = check();
else main();
