/** 联合早报: zaobao.com (2021, the shuffled 2022–23 pages, 2024 Astro) and zaobao.com.sg (2019–22, 2024+ React). */
import type { ArticleImage } from '../article.ts';
import { decodeEntities } from '../seeds.ts';
import { readBody, type BodyResult } from './body.ts';
import { absoluteHttpUrl, articleLd, firstText, isObject, jsonLd, ldKeywords, ldNames, metaContent, parseLooseJson, q, qa, str, textOf, type Json, type JsonObject } from './dom.ts';
import { afterLabel, cleanText, decodeDataS, instantToCst, isoCst, parseSiteDate, splitNames, unique } from './text.ts';
import { emptyDraft, PAYWALL_NOTICE, type Adapter, type AdapterContext, type Draft } from './types.ts';

const NOT_TEXT_COM = [
  'script',
  'style',
  '.adv-tag',
  '.adv',
  'span[style*="line-height: 0"]',
  'span[style*="line-height:0"]',
  '.article-relative-word',
  'a.relative-recomm',
  '#outbrain-wrapper',
  '#author-block',
  '.next-article',
  'astro-island',
  '.further-reading',
  '.read-on-app-cover',
  '[id^="dfp-ad-"]',
].join(', ');
const NOT_TEXT_SG_2019 = 'script, style, .overlay-microtransaction, #video-freemium-player, [id^="dfp-ad-"], .adv';
const NOT_TEXT_SG_2024 = [
  'script',
  'style',
  '.bff-google-ad',
  '.bff-recommend-article',
  'button.cursor-pointer',
  '.bff-inline-image-expand-icon',
  '[id^="dfp-ad-"]',
  'section#imu',
  '.cx_paywall_placeholder',
].join(', ');

function pageTitle(doc: Document): string | null {
  const t = textOf(q(doc, 'title'));
  return t ? t.replace(/\s*[|｜-]\s*(联合早报网?|zaobao.*)$/i, '') || null : null;
}

/** The 2022–23 pages ship paragraphs out of order, each tagged with its position in `data-s`. */
function shuffledChildren(body: Element): Element[] | undefined {
  const kids = Array.from(body.children);
  if (!kids.some((k) => k.hasAttribute('data-s'))) return undefined;
  let last = -1;
  const keyed = kids.map((el, i) => {
    const n = el.hasAttribute('data-s') ? decodeDataS(el.getAttribute('data-s') ?? '') : null;
    // Untagged children stay just after the tagged child they followed.
    const key = n ?? last + 0.5;
    if (n !== null) last = n;
    return { el, key, i };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed.map((k) => k.el);
}

function ldInfo(doc: Document, selector?: string): { ld: JsonObject | null } {
  const all = jsonLd(doc, selector);
  return { ld: articleLd(all) ?? (selector ? (all[0] ?? null) : null) };
}

function fillFromLd(d: Draft, ld: JsonObject | null): void {
  if (!ld) return;
  d.title ??= str(ld.headline) ?? str(ld.name);
  d.publishedAt ??= parseSiteDate(str(ld.datePublished) ?? str(ld.dateCreated));
  d.updatedAt ??= parseSiteDate(str(ld.dateModified));
  if (d.authors.length === 0) d.authors = unique(ldNames(ld.author, true));
  if (d.tags.length === 0) d.tags = unique(ldKeywords(ld.keywords));
  const publisher = isObject(ld.publisher) ? str(ld.publisher.name) : null;
  d.source ??= publisher;
}

/** Drupal's JSON-LD date, "MM/DD/YYYY - HH:MM" in Singapore time. */
function drupalDate(raw: string | null): string | null {
  const m = raw ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s*-\s*(\d{1,2}):(\d{2})$/.exec(raw.trim()) : null;
  return m ? isoCst(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!) : null;
}

function hero(img: Element | null, base: string, caption: string | null): ArticleImage[] {
  if (!img) return [];
  const src = absoluteHttpUrl(img.getAttribute('src') ?? img.getAttribute('data-src'), base);
  if (!src) return [];
  return [{ src, caption: cleanText(caption ?? img.getAttribute('title') ?? img.getAttribute('alt') ?? '') }];
}

export const zaobaoCom: Adapter = {
  id: 'zaobao-2021',
  site: 'zaobao',
  matches: (doc) => q(doc, '.article-body') !== null || q(doc, 'h1.article-title') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const body = q(doc, 'article#article-body') ?? q(doc, '.article-body');
    const children = body ? shuffledChildren(body) : undefined;
    const astro = q(doc, 'astro-island') !== null || q(doc, '[data-testid="article-banner"]') !== null;
    const d = emptyDraft(children ? 'zaobao-2022' : astro ? 'zaobao-2024' : 'zaobao-2021');
    d.title = firstText(doc, ['h1.article-title', 'article h1', 'h1']);
    const info = q(doc, '.author-info');
    if (info) {
      for (const s of qa(info, 'span')) {
        const t = textOf(s);
        const author = afterLabel(t, /作者/);
        if (author) d.authors.push(...splitNames(author));
      }
    }
    if (d.authors.length === 0) d.authors = unique(qa(doc, '[data-testid="article-byline"] a, .byline a').map(textOf));
    const { ld } = ldInfo(doc);
    // JSON-LD carries seconds; the visible line only minutes.
    d.publishedAt = parseSiteDate(str(ld?.datePublished)) ?? parseSiteDate(firstText(doc, ['.author-info .mgt10 span', '.author-info', 'time']));
    d.tags = unique(qa(doc, '.article-relative-word a').map(textOf));
    fillFromLd(d, ld);
    if (d.tags.length === 0) d.tags = unique((metaContent(doc, 'keywords') ?? '').split(/[,，]/).map(cleanText));
    d.title ??= metaContent(doc, 'og:title') ?? pageTitle(doc);
    const item = q(doc, '#carousel-article .carousel-item');
    const banner = q(doc, '[data-testid="article-banner"] img');
    d.leadImages = item
      ? hero(q(item, 'img'), ctx.baseUrl, textOf(q(item, '.text-track-v1')) || q(item, 'img')?.getAttribute('data-title') || null)
      : hero(banner, ctx.baseUrl, banner?.getAttribute('title') ?? null);
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_COM, children });
    return d;
  },
};

export const zaobaoSg2019: Adapter = {
  id: 'zaobao-sg-2019',
  site: 'zaobao',
  matches: (doc) => q(doc, '.article-content-rawhtml') !== null || q(doc, '.article-content-container') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('zaobao-sg-2019');
    d.title = firstText(doc, ['.article-header h1', 'h1.title', 'h1']) ?? metaContent(doc, 'og:title') ?? pageTitle(doc);
    d.authors = unique(qa(doc, 'h4.title-byline.byline a').map(textOf));
    // 2019–22: "发布 / 2019年11月2日 3:30 AM" in the byline; 2023: the same in .story-postdate, and the last
    // change in .story-changeddate.
    d.publishedAt = parseSiteDate(firstText(doc, ['h4.title-byline.date-published', '.story-postdate']));
    d.updatedAt = parseSiteDate(firstText(doc, ['.story-changeddate']));
    const { ld } = ldInfo(doc);
    if (ld) {
      // From 2022 the JSON-LD dates are Drupal's "12/04/2023 - 09:41" (month first), and a story without a
      // byline names the paper itself as its author.
      d.publishedAt ??= drupalDate(str(ld.datePublished));
      d.updatedAt ??= drupalDate(str(ld.dateModified));
    }
    fillFromLd(d, ld);
    d.authors = d.authors.filter((n) => !/^联合早报/.test(n));
    // An unchanged story carries its publication time as dateModified too.
    if (d.updatedAt === d.publishedAt) d.updatedAt = null;
    if (d.tags.length === 0) d.tags = unique(qa(doc, '.article-tags a, .tags a, .keywords-list a').map(textOf));
    const body = q(doc, '.article-content-rawhtml') ?? q(doc, '.article-content-container');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_SG_2019 });
    // The picture heading the article: a figure between the byline and the body (2019–20), or a featured image.
    const figure = qa(doc, 'figure.inline-figure-img, .featured-image, .article-header figure').find((f) => !body?.contains(f));
    d.leadImages = hero(figure ? q(figure, 'img') : q(doc, '.article-header img'), ctx.baseUrl, figure ? textOf(q(figure, 'figcaption')) || null : null);
    // The prompt in the body (.article-microtransaction, "请订阅或登录，以继续阅读全文！") is what a reader who is not
    // subscribed gets; the overlays alone also sit on pages that carry the whole text.
    if (q(doc, '.article-microtransaction .cta-subscribe')) {
      d.partial = { page: 1, pages: null, fullTextUrl: null };
      d.notices.push(PAYWALL_NOTICE);
    } else if (q(doc, '.overlay-microtransaction') || q(doc, '#video-freemium-player')) {
      d.notices.push('The page shows a subscription overlay: the text may stop where the free part ends.');
    }
    return d;
  },
};

export const zaobaoSg2024: Adapter = {
  id: 'zaobao-sg-2024',
  site: 'zaobao',
  matches: (doc) => q(doc, 'div.articleBody') !== null || q(doc, 'script#seo-article-page') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('zaobao-sg-2024');
    d.title = firstText(doc, ['article h1']);
    const { ld } = ldInfo(doc, 'script#seo-article-page');
    fillFromLd(d, ld);
    const { ld: other } = ldInfo(doc);
    fillFromLd(d, other);
    const banner = q(doc, 'button.w-full img');
    d.leadImages = hero(banner, ctx.baseUrl, null);
    const body = q(doc, 'div.articleBody');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT_SG_2024 });
    // The router's hydration data is a bonus: used only when the markup gave nothing.
    if (!d.body || d.body.paragraphs.length === 0 || !d.title || !d.publishedAt) {
      const h = hydrationArticle(doc);
      if (h) {
        d.title ??= str(h.headline);
        if (typeof h.create_time === 'number') d.publishedAt ??= instantToCst(h.create_time * 1000);
        if (d.tags.length === 0 && Array.isArray(h.tags)) d.tags = unique(h.tags.flatMap((t) => (isObject(t) && str(t.name) ? [str(t.name) ?? ''] : [])));
        if ((!d.body || d.body.paragraphs.length === 0) && typeof h.body_cn === 'string') {
          d.body = paragraphsFromHtmlString(h.body_cn);
          if (Array.isArray(h.images)) {
            for (const im of h.images) {
              if (!isObject(im)) continue;
              const src = absoluteHttpUrl(str(im.url), ctx.baseUrl);
              if (src) d.body.images.push({ src, caption: str(im.caption) ?? '' });
            }
          }
          d.notices.push('Text read from the page’s embedded data: the visible article body was empty.');
        }
      }
    }
    d.title ??= metaContent(doc, 'og:title') ?? pageTitle(doc);
    return d;
  },
};

/** `window.__staticRouterHydrationData = JSON.parse("…")` → loaderData['0-0'].context.payload.article. */
function hydrationArticle(doc: Document): JsonObject | null {
  for (const s of qa(doc, 'script:not([src])')) {
    const code = s.textContent ?? '';
    const at = code.indexOf('__staticRouterHydrationData');
    if (at < 0) continue;
    const rest = code.slice(at);
    let data: Json | undefined;
    const lit = /^__staticRouterHydrationData\s*=\s*JSON\.parse\(\s*("(?:[^"\\]|\\.)*")\s*\)/.exec(rest);
    if (lit?.[1]) {
      const inner = parseLooseJson(lit[1]);
      if (typeof inner === 'string') data = parseLooseJson(inner);
    } else {
      const start = rest.indexOf('{');
      const end = rest.lastIndexOf('}');
      if (start >= 0 && end > start) data = parseLooseJson(rest.slice(start, end + 1));
    }
    const loader = isObject(data) && isObject(data.loaderData) ? data.loaderData['0-0'] : undefined;
    const ctxObj = isObject(loader) ? loader.context : undefined;
    const payload = isObject(ctxObj) ? ctxObj.payload : undefined;
    const article = isObject(payload) ? payload.article : undefined;
    if (isObject(article)) return article;
  }
  return null;
}

/** Paragraphs from an HTML string by pattern, never by handing the string to a parser that builds elements. */
function paragraphsFromHtmlString(html: string): BodyResult {
  const paragraphs: string[] = [];
  for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const t = cleanText(decodeEntities((m[1] ?? '').replace(/<[^>]*>/g, '')));
    if (t) paragraphs.push(t);
  }
  return { root: null, paragraphs, bold: [], images: [], notices: [] };
}
