/** 观察者网: www article pages, the phone site and 风闻 community posts. */
import { readBody } from './body.ts';
import { absoluteHttpUrl, firstText, jsonLd, metaContent, q, qa, str, textOf } from './dom.ts';
import { afterLabel, cleanText, parseRelativeDate, parseSiteDate, unique } from './text.ts';
import { emptyDraft, type Adapter, type AdapterContext, type Draft } from './types.ts';

const NOT_TEXT = [
  'script',
  'style',
  '.share',
  '.other-box',
  '.img-special',
  '.post-member',
  '.gc-comment',
  '.comment-list',
  '.comment-component',
  '#select_page',
  '.module-page',
  '.key-word',
  '.article-other',
].join(', ');

/** "guancha.cn 的标题 - 观察者网" and similar <title> suffixes. */
function pageTitle(doc: Document): string | null {
  const t = textOf(q(doc, 'title'));
  return t ? t.replace(/\s*[-_|｜]\s*(观察者网|观察者|风闻社区|风闻)\s*$/, '') || null : null;
}

/** Columnists' bodies open with 【文/观察者网专栏作者 王文】 or 【文/王文】. */
function bylineFromBody(first: string | undefined): string[] {
  const m = first ? /^【\s*文\s*[/／]\s*(?:观察者网(?:专栏作者|特约作者|专栏|)\s*)?([^】]{1,40})】/.exec(first) : null;
  return m?.[1] ? [cleanText(m[1])] : [];
}

export const guanchaWww: Adapter = {
  id: 'guancha-www',
  site: 'guancha',
  matches: (doc) => q(doc, '.left-main') !== null || q(doc, 'div.content.all-txt') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('guancha-www');
    const main = q(doc, 'li.left-main') ?? q(doc, '.left-main') ?? doc;
    const ld = jsonLd(doc)[0];
    d.title = firstText(main, [':scope > h3', 'h3']) ?? (ld ? str(ld.title) : null) ?? pageTitle(doc);
    for (const span of qa(main, '.time.fix span, .time span')) {
      const t = textOf(span);
      if (/最后更新/.test(t)) d.updatedAt ??= parseSiteDate(t);
      else if (/来源/.test(t)) d.source ??= afterLabel(t, /来源/);
      else if (!/字号/.test(t)) d.publishedAt ??= parseSiteDate(t);
    }
    const body = q(main, 'div.content.all-txt') ?? q(doc, 'div.content.all-txt') ?? q(doc, '.all-txt');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: NOT_TEXT });
    d.authors = unique(qa(main, '.author-intro p > a').map(textOf));
    if (d.authors.length === 0) d.authors = bylineFromBody(d.body?.paragraphs[0]);
    d.tags = unique(qa(main, '.key-word a').map(textOf));
    for (const li of qa(main, 'ul.article-other li')) d.editor ??= afterLabel(textOf(li), /责任编辑/);
    readPagination(ctx, main, d);
    return d;
  },
};

/**
 * "#select_page .module-page": numbered links, the current page as `.active`, and
 * "余下全文" (a.last) pointing at the `_s.shtml` full text. On `_s` pages there is nothing to do.
 */
function readPagination(ctx: AdapterContext, main: ParentNode, d: Draft): void {
  if (/_s\.shtml(?:[?#]|$)/i.test(ctx.url)) return;
  const pager = q(main, '#select_page .module-page') ?? q(ctx.doc, '#select_page .module-page');
  if (!pager) return;
  const numbers = qa(pager, 'a, span')
    .map((e) => textOf(e))
    .filter((t) => /^\d+$/.test(t))
    .map(Number);
  const pages = numbers.length > 0 ? Math.max(...numbers) : null;
  if (pages === null || pages < 2) return;
  const active = Number(textOf(q(pager, '.active')));
  const fromUrl = /_(\d+)\.shtml(?:[?#]|$)/.exec(ctx.url)?.[1];
  const page = Number.isInteger(active) && active > 0 ? active : fromUrl ? Number(fromUrl) : 1;
  const last = q(pager, 'a.last');
  const target = /['"]([^'"]*_s\.shtml)['"]/.exec(last?.getAttribute('onclick') ?? '')?.[1] ?? last?.getAttribute('href');
  const fullTextUrl = absoluteHttpUrl(target, ctx.baseUrl) ?? ctx.canonicalUrl;
  // Said once, in `partial`: the popup words it in the reader's language and links the full text.
  d.partial = { page, pages, fullTextUrl };
}

export const guanchaMobile: Adapter = {
  id: 'guancha-m',
  site: 'guancha',
  matches: (doc) => q(doc, '.textPageCont') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('guancha-m');
    d.title = firstText(doc, ['.article-title h1', '.article-title', 'h1', 'h3']) ?? metaContent(doc, 'og:title') ?? pageTitle(doc);
    const info = firstText(doc, ['.time', '.article-time', '.pubtime', '.info', '.article-info']);
    d.publishedAt = parseSiteDate(info);
    d.source = afterLabel(info ?? '', /来源/) ?? afterLabel(firstText(doc, ['.source']) ?? '', /来源/);
    if (d.source) d.source = d.source.split(/\s/)[0] ?? null;
    const body = q(doc, '.textPageCont');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: `${NOT_TEXT}, .more-cont, .show-more, .open-app` });
    d.authors = unique(qa(doc, '.author-intro a, .author-name').map(textOf));
    if (d.authors.length === 0) d.authors = bylineFromBody(d.body?.paragraphs[0]);
    d.tags = unique(qa(doc, '.key-word a, .tags a').map(textOf));
    for (const li of qa(doc, '.article-other li, .editor')) d.editor ??= afterLabel(textOf(li), /责任编辑/);
    return d;
  },
};

export const guanchaUser: Adapter = {
  id: 'guancha-user',
  site: 'guancha',
  matches: (doc) => q(doc, '.article-txt-content') !== null,
  extract(ctx: AdapterContext): Draft {
    const { doc } = ctx;
    const d = emptyDraft('guancha-user');
    d.title = firstText(doc, ['div.article-content > h1', '.article-content h1', 'h1']) ?? pageTitle(doc);
    // The page also lists recommended columnists in the same markup (.user-main h4 a): only the post's own box counts.
    const box = q(doc, '.article-content .user-box') ?? q(doc, '.user-box') ?? doc;
    d.publishedAt = parseRelativeDate(firstText(box, ['span.time1', '.time1']) ?? firstText(doc, ['span.time1']), ctx.now);
    d.authors = unique(qa(box, '.user-main h4 a').map(textOf)).slice(0, 1);
    d.source = '风闻';
    const body = q(doc, '.article-txt-content');
    if (body) d.body = readBody(body, { baseUrl: ctx.baseUrl, exclude: 'script, style, .article-expand-more, .expand-more, .mzsm' });
    d.tags = unique(qa(doc, '.article-tag a, .tags a').map(textOf));
    return d;
  },
};
