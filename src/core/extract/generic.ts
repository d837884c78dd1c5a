/** The fallback: Mozilla Readability, run on a copy of the document so the page is never touched. */
import { Readability } from '@mozilla/readability';
import { readBody } from './body.ts';
import { metaContent, q, textOf } from './dom.ts';
import { cleanText, parseSiteDate } from './text.ts';
import { emptyDraft, type AdapterContext, type Draft } from './types.ts';

export const GENERIC_LAYOUT = 'generic-readability';

export function extractGeneric(ctx: AdapterContext): Draft {
  const d = emptyDraft(GENERIC_LAYOUT);
  let parsed: { title: string | null | undefined; byline: string | null | undefined; publishedTime: string | null | undefined; siteName: string | null | undefined; content: unknown } | null;
  try {
    const copy = ctx.doc.cloneNode(true) as Document;
    // The serializer hands back Readability's element itself: no HTML string is made or parsed.
    parsed = new Readability(copy, { serializer: (el: Node) => el, charThreshold: 100 }).parse();
  } catch {
    parsed = null;
  }
  d.title = parsed?.title?.trim() || metaContent(ctx.doc, 'og:title') || textOf(q(ctx.doc, 'title')) || null;
  d.publishedAt = parseSiteDate(parsed?.publishedTime ?? metaContent(ctx.doc, 'article:published_time', 'datePublished'));
  d.source = parsed?.siteName?.trim() || null;
  const content = parsed?.content;
  if (isElement(content)) {
    // Read from Readability's copy: there is no live element to point the page's annotations at.
    d.body = { ...readBody(content, { baseUrl: ctx.baseUrl, exclude: 'script, style' }), root: null };
    // Readability keeps the <h1> in its content: the title is not a paragraph.
    if (d.title && d.body.paragraphs[0] === cleanText(d.title)) {
      d.body.paragraphs.shift();
      d.body.bold = d.body.bold.filter((b) => b.paragraph > 0).map((b) => ({ ...b, paragraph: b.paragraph - 1 }));
    }
  }
  const byline = parsed?.byline?.trim();
  // Sites often fill meta[name=author] with placeholders ("name, email@gmail.com"): keep only plausible names.
  if (byline && byline.length <= 60 && !/@|https?:/.test(byline)) d.authors = [byline];
  return d;
}

function isElement(v: unknown): v is Element {
  return typeof v === 'object' && v !== null && (v as { nodeType?: unknown }).nodeType === 1;
}
