/** The article record: what Jiedu keeps of a page. Plain text only, never page HTML. */
import { cyrb53Hex } from './hash.ts';

export const SITES = ['guancha', 'xinhua', 'zaobao', 'other'] as const;
export type SiteId = (typeof SITES)[number];

export interface ArticleImage {
  /** Absolute URL. */
  src: string;
  caption: string;
}

export interface BoldRange {
  paragraph: number;
  start: number;
  end: number;
}

export interface ArticleRecord {
  /** Canonical URL: the key of the library. */
  url: string;
  site: SiteId;
  /** Which page template the adapter recognised, e.g. "guancha-www", "xinhua-2021". */
  layout: string;
  title: string;
  /** ISO 8601 with +08:00, or null when the page does not say. */
  publishedAt: string | null;
  updatedAt: string | null;
  authors: string[];
  /** 来源, e.g. "新华社". */
  source: string | null;
  editor: string | null;
  tags: string[];
  paragraphs: string[];
  bold: BoldRange[];
  images: ArticleImage[];
  /** BCP 47: "zh-Hans", "en". */
  language: string;
  charCount: number;
  /** Set when only part of the article is on this page (guancha page 1 of n). */
  partial: { page: number; pages: number | null; fullTextUrl: string | null } | null;
  extractedAt: string;
  extractor: string;
  extractorVersion: string;
  /** Hash of title and paragraphs: tells whether a revisit changed the text. */
  contentHash: string;
}

/** A stored article: the record plus what the library adds. */
export interface StoredArticle extends ArticleRecord {
  id?: number;
  firstSavedAt: string;
  lastSavedAt: string;
}

/** A fingerprint of title and paragraphs: tells whether a revisit changed the text. */
export function contentHash(title: string, paragraphs: readonly string[]): string {
  return cyrb53Hex([title, ...paragraphs], { separate: true });
}

export function countChars(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += [...p.replace(/\s/g, '')].length;
  return n;
}
