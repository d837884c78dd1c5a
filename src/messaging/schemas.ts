/** Runtime schemas for every message in the map (protocol.ts), and the check the background runs on each. */
import * as v from 'valibot';
import { ArticleRecordSchema } from '../core/article-schema.ts';
import type { MessageName, Params } from './protocol.ts';
import { PinyinLookSchema } from '../core/settings-schema.ts';
import { CATEGORIES } from '../core/glossary/types.ts';
import { VOCABULARY_LIMITS, VOCABULARY_SOURCES } from '../core/vocabulary.ts';
import { SITES } from '../core/article.ts';
import { ARTICLE_SORTS, EXPORT_FORMATS, LOOKUP_CONTEXT_LIMITS, PINYIN_CONTEXT_LIMITS, VOCAB_SORTS } from './protocol.ts';
import { VocabularyRecordSchema } from '../core/vocabulary.ts';
import { fitsSentence, type PageReading } from '../core/dictionary/page-reading.ts';
import { StoredArticleSchema } from '../core/export/backup.ts';
import { CARD_SOURCES, GRADES, REVIEW_LIMITS, ReviewCardSchema } from '../core/review/card.ts';
import { ReviewSettingsPatchSchema } from '../core/review/settings.ts';
import { AnkiSettingsPatchSchema } from '../core/anki-settings.ts';

const timeZone = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const cardKey = v.pipe(v.string(), v.minLength(1), v.maxLength(REVIEW_LIMITS.keyChars + 40));

const empty = v.strictObject({});
/** The sentence around a looked-up point, and where the point is in it. */
const lookupContext = v.strictObject({
  sentence: v.pipe(v.string(), v.minLength(1), v.maxLength(LOOKUP_CONTEXT_LIMITS.sentenceChars)),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LOOKUP_CONTEXT_LIMITS.sentenceChars - 1)),
});

/** The reading the page shows over the sentence sent (its fit to the sentence is checked with both: see page-reading.ts). */
const pageReading = v.strictObject({
  syllables: v.pipe(v.array(v.nullable(v.pipe(v.string(), v.maxLength(8)))), v.maxLength(LOOKUP_CONTEXT_LIMITS.sentenceChars)),
  words: v.pipe(v.array(v.tuple([v.pipe(v.number(), v.integer()), v.pipe(v.number(), v.integer())])), v.maxLength(LOOKUP_CONTEXT_LIMITS.sentenceChars)),
});
const readingFits = <T extends { context?: { sentence: string }; reading?: PageReading }>() =>
  v.check<T, string>(({ context, reading }) => !reading || (!!context && fitsSentence(context.sentence, reading)), 'reading must come with the sentence it reads and fit it');

/** Runtime schemas for every message's params. */
export const PARAM_SCHEMAS: { [N in MessageName]: v.GenericSchema<unknown, Params<N>> } = {
  'article/save': v.strictObject({ article: ArticleRecordSchema, trigger: v.picklist(['auto', 'manual']) }),
  'article/get': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  'article/delete': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  'library/stats': empty,
  'glossary/search': v.strictObject({
    query: v.pipe(v.string(), v.maxLength(200)),
    category: v.nullable(v.picklist(CATEGORIES)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  }),
  'glossary/entry': v.strictObject({ term: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) }),
  'glossary/in-article': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  'dict/lookup': v.pipe(
    v.strictObject({
      text: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
      context: v.optional(lookupContext),
      reading: v.optional(pageReading),
    }),
    // The sentence must hold the looked-up text's first character at the offset it names.
    v.check(({ text, context }) => !context || (context.offset < context.sentence.length && context.sentence[context.offset] === text[0]), 'context.offset must point at the looked-up text'),
    readingFits(),
  ),
  'dict/prepare': v.pipe(
    v.strictObject({
      context: v.optional(
        v.pipe(
          lookupContext,
          v.check(({ sentence, offset }) => offset < sentence.length, 'context.offset must fall in the sentence'),
        ),
      ),
      reading: v.optional(pageReading),
    }),
    readingFits(),
  ),
  'pinyin/context': v.strictObject({
    texts: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(PINYIN_CONTEXT_LIMITS.textChars))),
      v.maxLength(PINYIN_CONTEXT_LIMITS.texts),
      v.check((texts) => texts.reduce((n, t) => n + t.length, 0) <= PINYIN_CONTEXT_LIMITS.totalChars, 'too much text in one message'),
    ),
  }),
  'vocab/save': v.strictObject({
    word: v.strictObject({
      simplified: v.pipe(v.string(), v.minLength(1), v.maxLength(VOCABULARY_LIMITS.headwordChars)),
      traditional: v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.headwordChars)),
      pinyin: v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.glossChars)),
      english: v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.glossChars))), v.maxLength(VOCABULARY_LIMITS.glosses)),
      source: v.picklist(VOCABULARY_SOURCES),
      tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.tagChars))), v.maxLength(VOCABULARY_LIMITS.tags))),
      note: v.optional(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.noteChars))),
    }),
    context: v.nullable(
      v.strictObject({
        sentence: v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.sentenceChars)),
        articleUrl: v.pipe(
          v.string(),
          v.maxLength(4096),
          v.check((s) => /^https?:\/\//.test(s), 'must be an http(s) URL'),
        ),
        articleTitle: v.pipe(v.string(), v.maxLength(2000)),
      }),
    ),
  }),
  'article/query': v.strictObject({
    query: v.pipe(v.string(), v.maxLength(200)),
    site: v.nullable(v.picklist(SITES)),
    sort: v.picklist(ARTICLE_SORTS),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  }),
  'article/restore': v.strictObject({ article: StoredArticleSchema }),
  'vocab/list': v.strictObject({
    query: v.pipe(v.string(), v.maxLength(200)),
    sort: v.picklist(VOCAB_SORTS),
    tag: v.nullable(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.tagChars))),
    articleUrl: v.nullable(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.urlChars))),
    source: v.nullable(v.picklist(VOCABULARY_SOURCES)),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    allKeys: v.optional(v.boolean()),
  }),
  'vocab/update': v.strictObject({
    simplified: v.pipe(v.string(), v.minLength(1), v.maxLength(VOCABULARY_LIMITS.headwordChars)),
    note: v.optional(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.noteChars))),
    tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.tagChars))), v.maxLength(VOCABULARY_LIMITS.tags))),
  }),
  'vocab/delete': v.strictObject({ keys: v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.headwordChars))), v.maxLength(1_000_000)) }),
  'vocab/restore': v.strictObject({ records: v.pipe(v.array(VocabularyRecordSchema), v.maxLength(1_000_000)), cards: v.optional(v.pipe(v.array(ReviewCardSchema), v.maxLength(1_000_000))) }),
  'export/vocabulary': v.strictObject({
    format: v.picklist(EXPORT_FORMATS),
    keys: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.headwordChars))), v.maxLength(1_000_000))),
    articleUrl: v.nullable(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.urlChars))),
  }),
  'export/glossary': v.strictObject({ format: v.picklist(EXPORT_FORMATS) }),
  'backup/export': empty,
  // A backup of a large library runs to tens of megabytes; Chrome's message limit is 64 MB.
  'backup/import': v.strictObject({ text: v.pipe(v.string(), v.maxLength(60_000_000)), restoreSettings: v.boolean() }),
  'anki/settings': empty,
  'anki/settings/set': AnkiSettingsPatchSchema,
  'anki/check': empty,
  'anki/add': v.strictObject({ key: v.pipe(v.string(), v.minLength(1), v.maxLength(VOCABULARY_LIMITS.headwordChars)) }),
  'anki/sync': v.strictObject({ keys: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.headwordChars))), v.maxLength(1_000_000))) }),
  'review/queue': v.strictObject({ timeZone, limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)) }),
  'review/count': v.strictObject({ timeZone }),
  'review/grade': v.strictObject({
    cardId: cardKey,
    grade: v.picklist(GRADES),
    durationMs: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(REVIEW_LIMITS.durationMs))),
  }),
  'review/undo': empty,
  'review/suspend': v.strictObject({ cardId: cardKey, suspended: v.boolean() }),
  'review/add': v.strictObject({
    source: v.picklist(CARD_SOURCES),
    keys: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(REVIEW_LIMITS.keyChars))), v.maxLength(1_000_000))),
    category: v.nullable(v.picklist(CATEGORIES)),
    articleUrl: v.nullable(v.pipe(v.string(), v.maxLength(VOCABULARY_LIMITS.urlChars))),
  }),
  'review/stats': v.strictObject({ timeZone }),
  'review/settings': ReviewSettingsPatchSchema,
  'page/state': empty,
  'page/save': empty,
  'pinyin/toggle': v.strictObject({ look: v.optional(PinyinLookSchema) }),
  'pinyin/set': v.strictObject({ on: v.boolean(), look: v.optional(PinyinLookSchema) }),
  'pinyin/state': empty,
  'pinyin/prepare': v.strictObject({ look: PinyinLookSchema }),
  'terms/set': v.strictObject({ on: v.boolean() }),
  'terms/state': empty,
  'page/selection': empty,
};

export type Parsed = { ok: true; name: MessageName; params: unknown } | { ok: false; error: string };

/** Checks the envelope: a Jiedu message with a name in the map (its params are not read yet). */
export function parseEnvelope(raw: unknown): Parsed {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message is not an object' };
  const msg = raw as Record<string, unknown>;
  if (msg.jiedu !== 1) return { ok: false, error: 'not a Jiedu message' };
  const name = msg.name;
  if (typeof name !== 'string' || !Object.hasOwn(PARAM_SCHEMAS, name)) {
    return { ok: false, error: `unknown message ${JSON.stringify(String(name)).slice(0, 80)}` };
  }
  return { ok: true, name: name as MessageName, params: msg.params };
}

/** Checks a message's params against its schema; says what is wrong in one line. */
export function parseParams(name: MessageName, params: unknown): Parsed {
  const result = v.safeParse(PARAM_SCHEMAS[name], params);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    return { ok: false, error: `invalid ${name}: ${path ? `${path}: ` : ''}${issue?.message ?? 'bad params'}` };
  }
  return { ok: true, name, params: result.output };
}

/** Checks the envelope and the params of a message; says what is wrong in one line. */
export function parseMessage(raw: unknown): Parsed {
  const envelope = parseEnvelope(raw);
  return envelope.ok ? parseParams(envelope.name, envelope.params) : envelope;
}
