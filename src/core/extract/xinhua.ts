/** 新华网: the 2019–20 template, the 2021+ template (c.html pages, provinces) and english.news.cn. */
import { readBody } from './body.ts';
import { absoluteHttpUrl, firstText, metaContent, q, qa, textOf } from './dom.ts';
import { afterLabel, cleanText, isoCst, parseSiteDate, splitNames, unique } from './text.ts';
import { emptyDraft, type Adapter, type AdapterContext, type Draft } from './types.ts';

/** The video player news.cn draws into a body ("Play Video", "0:00 / 2:54") and the photo stories' pager. */
const PLAYER_AND_PAGER = '.player-container, [id^="DH-PLAYERID"], .pageVideo, .xinhuaPager, #xinhuaPagerBox';
const NOT_TEXT_2019 = `script, style, .lb, .zan-wap, .tiyi1, .share, ins, .p-tags, .tadd, .video-url, #articleEdit, ${PLAYER_AND_PAGER}`;
const NOT_TEXT_2021 = `script, style, .pageShare, .setFont, .btn-audio, audio, #articleEdit, .tiyi1, .domMobile, .editor, ${PLAYER_AND_PAGER}`;

/**
 * Xinhua puts no author in the markup; the wire names its reporters in brackets at the start
 * ("新华社杭州9月29日电（记者王俊禄、林光耀）") or at the end ("（评论员 罗博 萧海川）", a partner's
 * "（人民日报记者杜尚泽 王恬）"), and provincial pages right after the dateline ("新华网呼和浩特2月24日（李倩）").
 */
export function xinhuaReporters(paragraphs: readonly string[]): string[] {
  // The last two: a link to a special topic may follow the closing byline.
  const places = [paragraphs[0], paragraphs[1], paragraphs[paragraphs.length - 2], paragraphs[paragraphs.length - 1]];
  const names: string[] = [];
  for (const p of places) {
    if (!p) continue;
    for (const m of p.matchAll(/[（(]((?:[\u4e00-\u9fff]{1,8}?)?(?:记者|评论员)[^）)]{1,80})[）)]/g)) {
      for (const part of (m[1] ?? '').split(/[；;]/)) {
        const role = /^\s*(?:[\u4e00-\u9fff]{1,8}?)?(?:记者|评论员)\s*/.exec(part);
        if (!role) continue; // 通讯员, 实习生: not staff bylines
        names.push(...splitNames(part.slice(role[0].length)));
      }
    }
  }
  // Names of two or three characters; a bracket such as "（国际观察）" or "（综述）" labels the story instead.
  const dateline = /^(?:新华社|新华网)[\u4e00-\u9fff]{1,10}?\d{1,2}月\d{1,2}日电?\s*[（(]([\u4e00-\u9fff]{2,3}(?:[、，\s]+[\u4e00-\u9fff]{2,3}){0,3})[）)]/.exec(paragraphs[0] ?? '');
  const labels = /^(?:综述|通讯|特写|时评|快讯|专访|评论|述评|调查|观察|侧记|链接|背景|图文)$/;
  if (names.length === 0 && dateline?.[1]) names.push(...splitNames(dateline[1]).filter((n) => !labels.test(n)));
  return unique(names);
}

/**
 * Features open with the dateline and headline ("新华社北京12月1日电 题：…") and then a line of their
 * own naming the reporters ("新华社记者胡璐、周勉"): a byline, not text. Returns the names and drops the line.
 */
function takeBylineLine(d: Draft): string[] {
  const body = d.body;
  if (!body) return [];
  for (let i = 0; i < Math.min(3, body.paragraphs.length); i += 1) {
    // "新华社记者手记" heads a column, not a byline.
    const m = /^(?:新华社|新华网|人民日报)(?:记者|评论员)\s*([\u4e00-\u9fff·]{2,6}(?:[、，\s]+[\u4e00-\u9fff·]{2,6}){0,5})$/.exec(body.paragraphs[i] ?? '');
    if (!m?.[1] || /手记|札记|观察|随笔|调查/.test(m[1])) continue;
    body.paragraphs.splice(i, 1);
    body.bold = body.bold.filter((b) => b.paragraph !== i).map((b) => (b.paragraph > i ? { ...b, paragraph: b.paragraph - 1 } : b));
    return splitNames(m[1]);
  }
  return [];
}

function editorOf(el: Element | null): string | null {
  return el ? afterLabel(textOf(el), /责任编辑|Editor/i) : null;
}

/** Provincial pages credit the photographer or writer in the editor line: "[作者: 刘满仓  责任编辑: 杨丹宇 ]". */
function creditedAuthors(el: Element | null): string[] {
  const m = el ? /作者\s*[:：]\s*(.+?)\s*(?:责任编辑|$)/.exec(textOf(el).replace(/[[\]【】]/g, ' ')) : null;
  return m?.[1] ? splitNames(m[1].replace(/^(?:新华社)?记者/, '')) : [];
}

/**
 * Photo stories are split into pages (c.html?page=2 …) under a pager ("|<<1234下一页>>|"): the
 * record says which page this is and the notice links the next one.
 */
function readXinhuaPager(ctx: AdapterContext, d: Draft): void {
  const pager = q(ctx.doc, '.xinhuaPager') ?? q(ctx.doc, '#xinhuaPagerBox');
  if (!pager) return;
  // Leaves only: the box that holds the numbers reads "1234".
  const numbers = qa(pager, 'a, span')
    .filter((e) => e.children.length === 0)
    .map((e) => textOf(e))
    .filter((t) => /^\d{1,3}$/.test(t))
    .map(Number);
  const pages = numbers.length > 0 ? Math.max(...numbers) : null;
  if (pages === null || pages < 2) return;
  const fromUrl = Number(/[?&]page=(\d+)/.exec(ctx.url)?.[1] ?? '1');
  const page = Number.isInteger(fromUrl) && fromUrl >= 1 ? fromUrl : 1;
  d.partial = { page, pages, fullTextUrl: null };
  const next = qa(pager, 'a').find((a) => /下一页/.test(textOf(a)));
  const nextUrl = absoluteHttpUrl(next?.getAttribute('href'), ctx.baseUrl);
  d.notices.push(page < pages && nextUrl ? `This picture story has ${pages} pages; this is page ${page}. Next page: ${nextUrl}` : `This picture story has ${pages} pages; this is page ${page}.`);
}

export const xinhua2019: Adapter = {
  id: 'xinhua-2019',
  site: 'xinhua',
  matches: (doc) => q(doc, '#p-detail') !== null || q(doc, '.h-title') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('xinhua-2019');
    d.title = firstText(doc, ['.h-news .h-title', '.h-title']) ?? metaContent(doc, 'og:title');
    d.publishedAt = parseSiteDate(firstText(doc, ['.h-info .h-time', '.h-time']));
    d.source =
      firstText(doc, ['.h-info em#source', 'em#source']) ??
      qa(doc, '.h-info span')
        .map((s) => afterLabel(textOf(s), /来源/))
        .find((x) => x) ??
      metaContent(doc, 'source');
    const body = q(doc, '#p-detail');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_2019 });
    d.editor = editorOf(q(doc, '.p-jc'));
    d.authors = xinhuaReporters(d.body?.paragraphs ?? []);
    d.tags = keywords(doc);
    readXinhuaPager(ctx, d);
    return d;
  },
};

/** The desktop header spells the date in pieces: year, "09/29", "16:09:32". */
function headerDate(doc: Document): string | null {
  const box = q(doc, '.header-time');
  if (box) {
    const year = textOf(q(box, '.year'));
    const day = textOf(q(box, '.day')).replace(/\s+/g, '');
    const time = textOf(q(box, '.time'));
    const y = /\d{4}/.exec(year)?.[0];
    const md = /(\d{1,2})\D+(\d{1,2})/.exec(day);
    const hm = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time);
    if (y && md) return isoCst(+y, +md[1]!, +md[2]!, hm ? +hm[1]! : 0, hm ? +hm[2]! : 0, hm?.[3] ? +hm[3] : 0);
  }
  return null;
}

function keywords(doc: Document): string[] {
  const k = metaContent(doc, 'keywords');
  return k ? unique(k.split(/[,，、;；\s]+/).map(cleanText)) : [];
}

/**
 * meta[name=source], unless it holds what the publishing system put there instead of a 来源: a code
 * of its own ("ycsys") or the label "原创" (original content); the page's printed 来源 is read then.
 */
function sourceMeta(doc: Document, language: AdapterContext['language']): string | null {
  const v = metaContent(doc, 'source');
  if (!v || v === '原创') return null;
  return language === 'zh-Hans' && !/[\u4e00-\u9fff]/.test(v) ? null : v;
}

/**
 * The outlet a story comes from, of the 来源 the page prints and the one its meta holds: the site's own
 * name (新华网) is what either says when it knows no better, so the other wins over it (a story from
 * 新华社, 新华每日电讯 or 科普中国 is what a reader and an analyst want named); else what is printed.
 */
function outletOf(printed: string | null, meta: string | null): string | null {
  if (printed && printed !== SITE_NAME) return printed;
  return meta ?? printed;
}
const SITE_NAME = '新华网';

function make2021(id: 'xinhua-2021' | 'xinhua-english'): Adapter {
  return {
    id,
    site: 'xinhua',
    matches: (doc) => q(doc, '#detailContent') !== null || q(doc, '#detail') !== null,
    extract(ctx: AdapterContext): Draft {
      const { doc } = ctx;
      const d = emptyDraft(id);
      // The page carries its title twice (desktop .head-line and mobile .mheader): one is enough.
      d.title = firstText(doc, ['.head-line h1 span.title', '.mheader h1 span.title', 'h1 span.title', 'span.title', '.head-line h1', 'h1']) ?? metaContent(doc, 'og:title');
      const mobileInfo = q(doc, '.mheader .info') ?? q(doc, '.info');
      d.publishedAt = headerDate(doc) ?? parseSiteDate(textOf(mobileInfo)) ?? parseSiteDate(metaContent(doc, 'publishdate', 'article:published_time'));
      const printed =
        afterLabel(firstText(doc, ['div.source', '.source']) ?? '', /来源|Source/i) ??
        (mobileInfo
          ? (qa(mobileInfo, 'span')
              .map((s) => afterLabel(textOf(s), /来源/))
              .find((x) => x) ?? null)
          : null);
      d.source = outletOf(printed, sourceMeta(doc, ctx.language));
      const body = q(doc, '#detailContent') ?? q(doc, '#detail');
      if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_2021 });
      d.editor = editorOf(q(doc, '.editor'));
      const byline = takeBylineLine(d);
      d.authors = byline.length > 0 ? byline : xinhuaReporters(d.body?.paragraphs ?? []);
      if (d.authors.length === 0) d.authors = creditedAuthors(q(doc, '.editor'));
      d.tags = keywords(doc);
      readXinhuaPager(ctx, d);
      return d;
    },
  };
}

export const xinhua2021 = make2021('xinhua-2021');
export const xinhuaEnglish = make2021('xinhua-english');

/**
 * The Xinhua app's web page of an article (app.xinhuanet.com/news/article.html?articleId=…): title
 * .article_title, the date in .article_auth (after the channel name, before the view count), body
 * #detail-content, "（责任编辑 孙晓倩）" in .article_liability. Its keywords meta repeats the title and the
 * app's own name followed by words cut from the title, so it gives no tags.
 */
export const xinhuaApp: Adapter = {
  id: 'xinhua-app',
  site: 'xinhua',
  matches: (doc) => q(doc, '.article_title') !== null && q(doc, '#detail-content, .article_info') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('xinhua-app');
    d.title = firstText(doc, ['.article_title']) ?? metaContent(doc, 'og:title');
    d.publishedAt = parseSiteDate(textOf(q(doc, '.article_auth')));
    d.source = metaContent(doc, 'source') ?? firstText(doc, ['.article_auth .name']);
    const body = q(doc, '#detail-content') ?? q(doc, '.article_info');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: `script, style, audio, .xh-audio-player, ${PLAYER_AND_PAGER}` });
    d.editor =
      editorOf(q(doc, '.article_liability'))
        ?.replace(/[）)]$/, '')
        .trim() || null;
    const byline = takeBylineLine(d);
    d.authors = byline.length > 0 ? byline : xinhuaReporters(d.body?.paragraphs ?? []);
    return d;
  },
};

/**
 * The national templates of about 2015–18 (h1#title; the date and "来源：" in .main_tit .info or
 * #article .info; body #content or #article .article; the editor in .share or #articleEdit .editor)
 * and the provincial channels' template of the same family that some channels kept into the 2020s
 * (nmg.news.cn: h1.content-bt-h1, ul.c-time, body #zoom, the editor in p.text-left).
 * `article:author` on these pages names the web editor, not a writer.
 */
export const xinhua2017: Adapter = {
  id: 'xinhua-2017',
  site: 'xinhua',
  matches: (doc) => (q(doc, 'h1#title') !== null && (q(doc, '#content') !== null || q(doc, '#article .article') !== null)) || (q(doc, 'h1.content-bt-h1') !== null && q(doc, '#zoom') !== null),
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('xinhua-2017');
    d.title = firstText(doc, ['.main_tit h1#title', 'h1#title', 'h1.content-bt-h1']);
    const info = q(doc, '.main_tit .info') ?? q(doc, '#article .info .time') ?? q(doc, 'ul.c-time');
    d.publishedAt = parseSiteDate(textOf(info)) ?? parseSiteDate(metaContent(doc, 'article:publish_time', 'article:published_time'));
    d.source =
      afterLabel(firstText(doc, ['.main_tit .info #source', '#source']) ?? '', /来源/) ??
      firstText(doc, ['#article .info em#source']) ??
      (info
        ? (qa(info, 'li')
            .map((li) => afterLabel(textOf(li), /来源/))
            .find((x) => x) ?? null)
        : null) ??
      metaContent(doc, 'source');
    const editorEl = qa(doc, '.share, p.text-left, #articleEdit .editor').find((e) => /责任编辑/.test(textOf(e))) ?? null;
    d.editor = editorOf(editorEl);
    const body = q(doc, '#content') ?? q(doc, '#article .article') ?? q(doc, '#zoom');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: `${NOT_TEXT_2019}, .share, p.text-left, .fr, .bdsharebuttonbox, #player_video, #sp` });
    const byline = takeBylineLine(d);
    d.authors = byline.length > 0 ? byline : xinhuaReporters(d.body?.paragraphs ?? []);
    d.tags = keywords(doc);
    readXinhuaPager(ctx, d);
    return d;
  },
};

/**
 * The 2000s–2010s table templates (content_NNN.htm, national and provincial, often GB2312): few
 * class names to hold on to. The header is read from the text that follows the title — "新华网河北频道
 * ( 2012-06-04 09:20:26 ) 稿件来源： 河北日报", "作者： 记者王敬照", "编辑： 王华军" — and the body is
 * div#Content where there is one, else the table cell (or div) holding the most paragraphs; when
 * none holds two, the generic reader reads it.
 */
export const xinhuaLegacy: Adapter = {
  id: 'xinhua-content',
  site: 'xinhua',
  matches: (doc) => q(doc, 'body') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('xinhua-content');
    const body = q(doc, 'body');
    const titleEl = q(doc, 'title');
    let text = textOf(body);
    // Markup before <html> (a crawler's wrapper) makes a browser put the <title> in the body: its text is not the page's.
    if (body && titleEl && body.contains(titleEl)) text = text.replace(textOf(titleEl), '');
    // The <title> often adds the channel ("…_振兴东北"): the title is the longest form of it the page itself shows.
    d.title = visibleTitle(textOf(titleEl) || metaContent(doc, 'og:title'), text);
    const at = d.title ? text.indexOf(d.title) : -1;
    const header = at >= 0 ? text.slice(at + (d.title?.length ?? 0), at + (d.title?.length ?? 0) + 300) : '';
    d.publishedAt = parseSiteDate(/\d{4}\s*[-年]\s*\d{1,2}\s*[-月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/.exec(header)?.[0]);
    d.source = /来源\s*[:：]\s*([^\s)）]{1,20})/.exec(header)?.[1] ?? metaContent(doc, 'source');
    const rest = at >= 0 ? text.slice(at) : text;
    const author = /作者\s*[:：]\s*(?:新华社)?(?:记者|通讯员)?\s*([^\s:：]{1,30}?)\s*(?:责任编辑|编辑|$|\s)/.exec(rest)?.[1];
    if (author) d.authors = splitNames(author);
    d.editor = /(?:责任编辑|编辑)\s*[:：]\s*([^\s\]】)）]{1,20})/.exec(rest)?.[1] ?? null;
    d.tags = keywords(doc);
    // 2000s pages name their body div#Content (div#content on some channels); the table pages name nothing.
    const cell = q(doc, '#Content') ?? q(doc, '#content') ?? paragraphCell(doc);
    if (cell) {
      d.body = readBody(cell, { baseUrl: ctx.baseUrl, exclude: 'script, style, table, form, iframe, .pagelink, a.nextpage' });
      // "新华网黑龙江频道  记者  伊琳  李清芬" opens some bodies: it is the byline, not text.
      const byline = /^(?:新华网\S{0,8}频道|新华社\S{0,8}(?:电)?)?\s*(?:记者|通讯员)\s*(.{2,30})$/.exec(d.body.paragraphs[0] ?? '');
      if (byline?.[1]) {
        if (d.authors.length === 0) d.authors = splitNames(byline[1]);
        d.body.paragraphs.shift();
        d.body.bold = d.body.bold.filter((b) => b.paragraph > 0).map((b) => ({ ...b, paragraph: b.paragraph - 1 }));
      }
    }
    readLegacyPager(ctx, d);
    return d;
  },
};

function visibleTitle(title: string | null, bodyText: string): string | null {
  if (!title) return null;
  let t = title;
  for (let n = 0; n < 3 && !bodyText.includes(t); n += 1) {
    const m = /^(.*\S)\s*[_|｜-]\s*[^_|｜-]+$/.exec(t);
    if (!m?.[1]) return title;
    t = m[1];
  }
  return bodyText.includes(t) ? t : title;
}

/**
 * Long articles of the 2000s templates are split over content_NNN.htm, content_NNN_1.htm … under a
 * pager of "[1] [2] … [6]" links: the record says which page this is and the notice links the next.
 */
function readLegacyPager(ctx: AdapterContext, d: Draft): void {
  const links = qa(ctx.doc, '.pagelink a, a').filter((a) => /^\[\d{1,3}\]$/.test(textOf(a)));
  const pages = links.length > 0 ? Math.max(...links.map((a) => Number(textOf(a).slice(1, -1)))) : 0;
  if (pages < 2) return;
  const suffix = /content_\d+_(\d+)\.html?(?:[?#]|$)/.exec(ctx.url)?.[1];
  const page = suffix ? Number(suffix) + 1 : 1;
  d.partial = { page, pages, fullTextUrl: null };
  const next = links.find((a) => textOf(a) === `[${page + 1}]`);
  const nextUrl = absoluteHttpUrl(next?.getAttribute('href'), ctx.baseUrl);
  d.notices.push(
    page < pages && nextUrl ? `This article is split into ${pages} pages; this is page ${page}. Next page: ${nextUrl}` : `This article is split into ${pages} pages; this is page ${page}.`,
  );
}

/** The td or div with the most <p> children that hold text (at least two). */
function paragraphCell(doc: Document): Element | null {
  let best: Element | null = null;
  let most = 1;
  for (const el of qa(doc, 'td, div')) {
    let n = 0;
    for (const c of Array.from(el.children)) if (c.localName.toLowerCase() === 'p' && (c.textContent ?? '').trim().length > 0) n += 1;
    if (n > most) {
      most = n;
      best = el;
    }
  }
  return best;
}
