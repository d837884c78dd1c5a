/**
 * The extraction core: from a Document and its URL to an ArticleRecord. Pure: no extension APIs,
 * no Node modules, reads the DOM only through the Document it is handed and never writes to it.
 */
import { contentHash, countChars, type ArticleRecord, type SiteId } from '../article.ts';
import { MAX_CHARS, MAX_PARAGRAPHS } from './body.ts';
import { detectFromUrl, siteOfUrl, type Detection } from './detect.ts';
import { articleLd, baseUrlOf, jsonLd, metaContent, str } from './dom.ts';
import { extractGeneric, GENERIC_LAYOUT } from './generic.ts';
import { guanchaMobile, guanchaUser, guanchaWww } from './guancha.ts';
import { cleanText, parseSiteDate, unique } from './text.ts';
import { dateFromUrl, stripSiteName, tidyParagraphs } from './tidy.ts';
import { PAYWALL_NOTICE, usable, type Adapter, type AdapterContext, type Draft } from './types.ts';
import { xinhua2017, xinhua2019, xinhua2021, xinhuaApp, xinhuaEnglish, xinhuaLegacy } from './xinhua.ts';
import { zaobaoCom, zaobaoSg2019, zaobaoSg2024 } from './zaobao.ts';

export { detectFromUrl } from './detect.ts';
export { MAX_CHARS, MAX_PARAGRAPHS } from './body.ts';

/** Bump when a change alters what is extracted from the same page, so stored records can be refreshed. */
export const EXTRACTOR_VERSION = '1.3.2';

export type ExtractOutcome =
  | {
      ok: true;
      article: ArticleRecord;
      notices: string[];
      /** The live element holding the body, when an adapter found one. */
      bodyElement: Element | null;
      /** The id of the layout adapter that read the body, or the generic reader's layout (GENERIC_LAYOUT). */
      adapter: string;
    }
  | { ok: false; reason: 'not-article' | 'unreadable'; message: string; site: SiteId | null };

/** Layout adapters per URL hint, the hinted one first; markup decides among the rest. */
const ADAPTERS: Record<string, Adapter[]> = {
  'guancha-www': [guanchaWww, guanchaMobile, guanchaUser],
  'guancha-m': [guanchaMobile, guanchaWww, guanchaUser],
  'guancha-user': [guanchaUser, guanchaWww, guanchaMobile],
  'xinhua-2019': [xinhua2019, xinhua2021, xinhua2017],
  'xinhua-2021': [xinhua2021, xinhua2019, xinhua2017],
  'xinhua-english': [xinhuaEnglish, xinhua2019],
  // content_NNN.htm: a later template at an old address, else the 2000s–2010s templates (the generic reader only when those find no body).
  'xinhua-content': [xinhua2019, xinhua2021, xinhua2017, xinhuaLegacy],
  'xinhua-app': [xinhuaApp, xinhua2021, xinhua2019],
  // An article-shaped address no pattern knows: straight to the generic reader.
  generic: [],
  'zaobao-com': [zaobaoCom, zaobaoSg2024, zaobaoSg2019],
  'zaobao-sg': [zaobaoSg2024, zaobaoSg2019, zaobaoCom],
};

/** Every layout adapter's id, once: each must read at least one real or built page (tests/unit/core/extract/adapters-covered.test.ts). */
export const ADAPTER_IDS: readonly string[] = [
  ...new Set(
    Object.values(ADAPTERS)
      .flat()
      .map((a) => a.id),
  ),
];

/** Extract from a document. `generic: true` lets any URL through the Readability fallback (manual save of other sites). */
export function extractArticle(doc: Document, url: string, opts: { now?: Date; generic?: boolean } = {}): ExtractOutcome {
  const now = opts.now ?? new Date();
  const detection: Detection = detectFromUrl(url);
  if (detection.kind === 'none' && !opts.generic) {
    return { ok: false, reason: 'not-article', message: `Not an article page: ${detection.reason}.`, site: siteOfUrl(url) };
  }
  const site: SiteId = detection.kind === 'article' ? detection.site : (siteOfUrl(url) ?? 'other');
  const ctx: AdapterContext = {
    doc,
    url,
    canonicalUrl: detection.kind === 'article' ? detection.canonicalUrl : genericCanonical(url),
    baseUrl: baseUrlOf(doc, url),
    now,
    language: detection.kind === 'article' ? detection.language : 'zh-Hans',
  };

  let draft: Draft | null = null;
  let reader = GENERIC_LAYOUT;
  if (detection.kind === 'article') {
    for (const adapter of ADAPTERS[detection.layoutHint] ?? []) {
      if (!adapter.matches(doc)) continue;
      const d = adapter.extract(ctx);
      if (usable(d.body)) {
        draft = d;
        reader = adapter.id;
        break;
      }
      draft ??= d; // keep the first header found, in case only the body selectors failed
    }
  }
  let extractor = draft && usable(draft.body) ? `jiedu/${draft.layout}` : '';
  if (!draft || !usable(draft.body)) {
    const g = extractGeneric(ctx);
    if (!usable(g.body)) {
      return {
        ok: false,
        reason: 'unreadable',
        message:
          detection.kind === 'article'
            ? `This looks like a ${site} article, but neither its page template nor the generic reader found any text. The site may have changed its layout, or the text has not loaded yet.`
            : 'No article text found on this page.',
        site: detection.kind === 'article' ? site : siteOfUrl(url),
      };
    }
    extractor = `jiedu/${GENERIC_LAYOUT}`;
    draft = draft ? mergeHeader(draft, g) : g;
  }
  return { ok: true, ...finish(draft, ctx, site, extractor, now), adapter: reader };
}

/** The site adapter knew the header (title, date…) but not the body: keep its header, take Readability's body. */
function mergeHeader(header: Draft, g: Draft): Draft {
  return {
    ...header,
    layout: GENERIC_LAYOUT,
    title: header.title ?? g.title,
    publishedAt: header.publishedAt ?? g.publishedAt,
    updatedAt: header.updatedAt ?? g.updatedAt,
    authors: header.authors.length > 0 ? header.authors : g.authors,
    source: header.source ?? g.source,
    editor: header.editor ?? g.editor,
    tags: header.tags.length > 0 ? header.tags : g.tags,
    body: g.body,
    notices: [...header.notices, ...g.notices],
  };
}

function finish(draft: Draft, ctx: AdapterContext, site: SiteId, extractor: string, now: Date): { article: ArticleRecord; notices: string[]; bodyElement: Element | null } {
  const body = draft.body ?? { root: null, paragraphs: [], bold: [], images: [], notices: [] };
  const notices = [...draft.notices, ...body.notices];
  // Page furniture that every layout's bodies carry as text: players, pagers, share bars, paywall prompts, editor lines.
  const tidy = tidyParagraphs(body.paragraphs, body.bold);
  let partial = draft.partial;
  if (tidy.paywalled) {
    partial ??= { page: 1, pages: null, fullTextUrl: null };
    if (!notices.includes(PAYWALL_NOTICE)) notices.push(PAYWALL_NOTICE);
  }
  let publishedAt = draft.publishedAt ?? metadataDate(ctx.doc);
  if (!publishedAt) {
    publishedAt = dateFromUrl(ctx.canonicalUrl);
    notices.push(publishedAt ? 'The page gives no publication time; the date is the one in its address.' : 'The page gives no publication time.');
  }
  // The hydration-data path builds paragraphs without the walker: apply the same limits here.
  let paragraphs = tidy.paragraphs;
  let bold = tidy.bold;
  const named = stripSiteName(cleanText(draft.title ?? ''), site);
  // Some bodies open with the headline again (news.cn pages of 2023): shown once, above the text.
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  if (named && paragraphs.length > 1 && squeeze(paragraphs[0]!) === squeeze(named)) {
    paragraphs = paragraphs.slice(1);
    bold = bold.filter((b) => b.paragraph > 0).map((b) => ({ ...b, paragraph: b.paragraph - 1 }));
  }
  if (paragraphs.length > MAX_PARAGRAPHS) {
    paragraphs = paragraphs.slice(0, MAX_PARAGRAPHS);
    notices.push(`Only the first ${MAX_PARAGRAPHS} paragraphs were kept.`);
  }
  let total = 0;
  paragraphs = paragraphs.filter((p) => (total += p.length) <= MAX_CHARS);
  const images = [...draft.leadImages];
  for (const im of body.images) if (!images.some((x) => x.src === im.src)) images.push(im);
  const title = named || paragraphs[0]?.slice(0, 60) || ctx.canonicalUrl;
  const article: ArticleRecord = {
    url: ctx.canonicalUrl,
    site,
    layout: draft.layout,
    title,
    publishedAt,
    updatedAt: draft.updatedAt,
    authors: unique(draft.authors.map(cleanText)),
    source: draft.source ? cleanText(draft.source) || null : null,
    editor: cleanText(draft.editor ?? tidy.editor ?? '') || null,
    tags: unique(draft.tags.map(cleanText)),
    paragraphs,
    bold: bold.filter((b) => b.paragraph < paragraphs.length),
    images,
    language: draft.language ?? ctx.language,
    charCount: countChars(paragraphs),
    partial,
    extractedAt: now.toISOString(),
    extractor,
    extractorVersion: EXTRACTOR_VERSION,
    contentHash: contentHash(title, paragraphs),
  };
  return { article, notices, bodyElement: body.root };
}

/** When the layout's own date line is missing: the page's metadata (Open Graph article time, Xinhua's publishdate, JSON-LD). */
function metadataDate(doc: Document): string | null {
  const meta = parseSiteDate(metaContent(doc, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate'));
  if (meta) return meta;
  const all = jsonLd(doc);
  const ld = articleLd(all) ?? all[0];
  return ld ? parseSiteDate(str(ld.datePublished) ?? str(ld.pubDate)) : null;
}

/** Other sites: the address without its fragment; the query may select the article, so it stays. */
function genericCanonical(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}
