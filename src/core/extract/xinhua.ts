/** 新华网: the 2019–20 template, the 2021+ template (c.html pages, provinces) and english.news.cn. */
import { readBody } from './body.ts';
import { firstText, metaContent, q, qa, textOf } from './dom.ts';
import { afterLabel, cleanText, isoCst, parseSiteDate, splitNames, unique } from './text.ts';
import { emptyDraft, type Adapter, type AdapterContext, type Draft } from './types.ts';

const NOT_TEXT_2019 = 'script, style, .lb, .zan-wap, .tiyi1, .share, ins, .p-tags, .tadd, .video-url, #articleEdit';
const NOT_TEXT_2021 = 'script, style, .pageShare, .setFont, .btn-audio, audio, #articleEdit, .tiyi1, .domMobile, .editor';

/**
 * Xinhua puts no author in the markup; the wire names its reporters in brackets at the start
 * ("新华社杭州9月29日电（记者王俊禄、林光耀）") or at the end ("（评论员 罗博 萧海川）").
 */
export function xinhuaReporters(paragraphs: readonly string[]): string[] {
  const places = [paragraphs[0], paragraphs[1], paragraphs[paragraphs.length - 1]];
  const names: string[] = [];
  for (const p of places) {
    if (!p) continue;
    for (const m of p.matchAll(/[（(]((?:记者|评论员|新华社记者)[^）)]{1,80})[）)]/g)) {
      for (const part of (m[1] ?? '').split(/[；;]/)) {
        const role = /^\s*(?:新华社)?(?:记者|评论员)\s*/.exec(part);
        if (!role) continue; // 通讯员, 实习生: not Xinhua staff bylines
        names.push(...splitNames(part.slice(role[0].length)));
      }
    }
  }
  return unique(names);
}

function editorOf(el: Element | null): string | null {
  return el ? afterLabel(textOf(el), /责任编辑|Editor/i) : null;
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
      qa(doc, '.h-info span').map((s) => afterLabel(textOf(s), /来源/)).find((x) => x) ??
      metaContent(doc, 'source');
    const body = q(doc, '#p-detail');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_2019 });
    d.editor = editorOf(q(doc, '.p-jc'));
    d.authors = xinhuaReporters(d.body?.paragraphs ?? []);
    d.tags = keywords(doc);
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

function make2021(id: 'xinhua-2021' | 'xinhua-english'): Adapter {
  return {
    id,
    site: 'xinhua',
    matches: (doc) => q(doc, '#detailContent') !== null || q(doc, '#detail') !== null,
    extract(ctx: AdapterContext): Draft {
      const { doc } = ctx;
      const d = emptyDraft(id);
      // The page carries its title twice (desktop .head-line and mobile .mheader): one is enough.
      d.title =
        firstText(doc, ['.head-line h1 span.title', '.mheader h1 span.title', 'h1 span.title', 'span.title', '.head-line h1', 'h1']) ??
        metaContent(doc, 'og:title');
      const mobileInfo = q(doc, '.mheader .info') ?? q(doc, '.info');
      d.publishedAt = headerDate(doc) ?? parseSiteDate(textOf(mobileInfo)) ?? parseSiteDate(metaContent(doc, 'publishdate', 'article:published_time'));
      d.source =
        metaContent(doc, 'source') ??
        afterLabel(firstText(doc, ['div.source', '.source']) ?? '', /来源|Source/i) ??
        (mobileInfo ? qa(mobileInfo, 'span').map((s) => afterLabel(textOf(s), /来源/)).find((x) => x) ?? null : null);
      const body = q(doc, '#detailContent') ?? q(doc, '#detail');
      if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_2021 });
      d.editor = editorOf(q(doc, '.editor'));
      d.authors = xinhuaReporters(d.body?.paragraphs ?? []);
      d.tags = keywords(doc);
      return d;
    },
  };
}

export const xinhua2021 = make2021('xinhua-2021');
export const xinhuaEnglish = make2021('xinhua-english');
