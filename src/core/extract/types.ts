import type { ArticleImage, ArticleRecord, SiteId } from '../article.ts';
import type { BodyResult } from './body.ts';
import type { Language } from './detect.ts';

/** What an adapter is given. */
export interface AdapterContext {
  doc: Document;
  /** The page's own URL, as loaded. */
  url: string;
  canonicalUrl: string;
  /** For relative links: <base href> or the page URL. */
  baseUrl: string;
  now: Date;
  language: Language;
}

/** What an adapter read; index.ts turns it into an ArticleRecord. */
export interface Draft extends Pick<ArticleRecord, 'layout' | 'publishedAt' | 'updatedAt' | 'authors' | 'source' | 'editor' | 'tags' | 'partial'> {
  /** null when the page gives none: the record is then titled by its first paragraph. */
  title: string | null;
  /** Images outside the body (hero pictures), placed before the body's. */
  leadImages: ArticleImage[];
  /** null when the body selectors found nothing: the generic fallback then reads the body. */
  body: BodyResult | null;
  notices: string[];
  language?: Language;
}

export interface Adapter {
  /** Layout name, also the extractor name after "jiedu/". */
  id: string;
  site: SiteId;
  /** Cheap markup test: does this page look like this layout at all? */
  matches(doc: Document): boolean;
  extract(ctx: AdapterContext): Draft;
}

export function emptyDraft(layout: string): Draft {
  return {
    layout,
    title: null,
    publishedAt: null,
    updatedAt: null,
    authors: [],
    source: null,
    editor: null,
    tags: [],
    leadImages: [],
    body: null,
    partial: null,
    notices: [],
  };
}

/** A body counts only if it produced at least one paragraph. */
export function usable(body: BodyResult | null): body is BodyResult {
  return body !== null && body.paragraphs.length > 0;
}

/** Said once, whether the paywall was seen in the markup (an overlay) or as a prompt left in the text. */
export const PAYWALL_NOTICE = 'The site shows only the beginning of this article to readers who are not subscribed: the text stops there.';
