/**
 * Runtime validation of an article record arriving from a content script.
 * A page is hostile input: bounds here keep one page from filling the database.
 */
import * as v from 'valibot';
import { SITES, type ArticleRecord } from './article.ts';

const LIMITS = {
  titleChars: 2_000,
  paragraphs: 5_000,
  paragraphChars: 200_000,
  totalChars: 1_000_000,
  images: 500,
  urlChars: 4_096,
  shortField: 500,
  listItems: 100,
} as const;

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlChars),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);
const isoOrNull = v.nullable(
  v.pipe(
    v.string(),
    v.maxLength(40),
    v.check((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date'),
  ),
);
const short = v.pipe(v.string(), v.maxLength(LIMITS.shortField));
const nonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ArticleRecordSchema = v.pipe(
  v.strictObject({
    url: httpUrl,
    site: v.picklist(SITES),
    layout: short,
    title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.titleChars)),
    publishedAt: isoOrNull,
    updatedAt: isoOrNull,
    authors: v.pipe(v.array(short), v.maxLength(LIMITS.listItems)),
    source: v.nullable(short),
    editor: v.nullable(short),
    tags: v.pipe(v.array(short), v.maxLength(LIMITS.listItems)),
    paragraphs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.paragraphChars))), v.maxLength(LIMITS.paragraphs)),
    bold: v.pipe(v.array(v.strictObject({ paragraph: nonNegInt, start: nonNegInt, end: nonNegInt })), v.maxLength(LIMITS.paragraphs * 4)),
    images: v.pipe(v.array(v.strictObject({ src: httpUrl, caption: v.pipe(v.string(), v.maxLength(5_000)) })), v.maxLength(LIMITS.images)),
    language: v.pipe(v.string(), v.maxLength(20)),
    charCount: nonNegInt,
    partial: v.nullable(v.strictObject({ page: nonNegInt, pages: v.nullable(nonNegInt), fullTextUrl: v.nullable(httpUrl) })),
    extractedAt: v.pipe(v.string(), v.isoTimestamp()),
    extractor: short,
    extractorVersion: short,
    contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8,64}$/)),
  }),
  v.check((a) => a.paragraphs.reduce((n, p) => n + p.length, 0) <= LIMITS.totalChars, `the article is longer than ${LIMITS.totalChars} characters`),
);

// Compile-time guarantee that the schema and the interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<v.InferOutput<typeof ArticleRecordSchema>, ArticleRecord> = true;
void schemaMatchesInterface;
