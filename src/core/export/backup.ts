/**
 * The JSON backup: everything the library holds, in a file the extension can read back.
 * Pure functions; the database layer writes `mergeBackup(...).toPut` in one transaction.
 */
import * as v from 'valibot';
import type { StoredArticle } from '../article.ts';
import { ArticleRecordSchema } from '../article-schema.ts';
import { SettingsPatchSchema } from '../settings-schema.ts';
import { VocabularyRecordSchema, mergeVocabularyRecords, type VocabularyRecord } from '../vocabulary.ts';
import { ReviewCardSchema, ReviewLogEntrySchema, type ReviewCard, type ReviewLogEntry } from '../review/card.ts';

const BACKUP_FORMAT = 'jiedu-backup';
/**
 * 2 added review cards and the review log, 3 the review and AnkiConnect settings; an older
 * file still imports (with no review data, no such settings).
 */
export const BACKUP_VERSION = 3;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

const iso = v.pipe(v.string(), v.isoTimestamp());

export const StoredArticleSchema = v.strictObject({
  ...ArticleRecordSchema.pipe[0].entries,
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  firstSavedAt: iso,
  lastSavedAt: iso,
});

/** Known settings are checked; unknown ones (from a newer version) are kept for the caller to judge. */
const BackupSettingsSchema = v.looseObject(SettingsPatchSchema.entries);
export type BackupSettings = v.InferOutput<typeof BackupSettingsSchema>;

const BackupV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: iso,
  articles: v.array(StoredArticleSchema),
  vocabulary: v.array(VocabularyRecordSchema),
  settings: BackupSettingsSchema,
});

const BackupV2Schema = v.strictObject({
  ...BackupV1Schema.entries,
  version: v.literal(2),
  cards: v.array(ReviewCardSchema),
  reviewLog: v.array(ReviewLogEntrySchema),
});

/**
 * A settings section as stored: read on import by its owner's schema, which keeps each valid
 * field (a field of a newer version, or one out of range, falls back rather than refusing the file).
 */
const SectionSchema = v.record(v.string(), v.unknown());

const BackupSchema = v.strictObject({
  ...BackupV2Schema.entries,
  version: v.literal(BACKUP_VERSION),
  reviewSettings: SectionSchema,
  ankiSettings: SectionSchema,
});

export interface JieduBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  articles: StoredArticle[];
  vocabulary: VocabularyRecord[];
  settings: BackupSettings;
  cards: ReviewCard[];
  reviewLog: ReviewLogEntry[];
  reviewSettings: Record<string, unknown>;
  ankiSettings: Record<string, unknown>;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleSchemaMatches: Same<v.InferOutput<typeof StoredArticleSchema>, StoredArticle> = true;
const backupSchemaMatches: Same<v.InferOutput<typeof BackupSchema>, JieduBackup> = true;
void articleSchemaMatches;
void backupSchemaMatches;

export function makeBackup(
  data: {
    articles: readonly StoredArticle[];
    vocabulary: readonly VocabularyRecord[];
    settings: BackupSettings;
    cards?: readonly ReviewCard[];
    reviewLog?: readonly ReviewLogEntry[];
    reviewSettings?: object;
    ankiSettings?: object;
  },
  now: Date = new Date(),
): JieduBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    articles: [...data.articles],
    vocabulary: [...data.vocabulary],
    settings: { ...data.settings },
    cards: [...(data.cards ?? [])],
    reviewLog: [...(data.reviewLog ?? [])],
    reviewSettings: { ...data.reviewSettings },
    ankiSettings: { ...data.ankiSettings },
  };
}

export function serializeBackup(backup: JieduBackup): string {
  return JSON.stringify(backup);
}

export type BackupErrorKind = 'corrupt' | 'foreign' | 'version' | 'invalid';

export class BackupError extends Error {
  constructor(
    readonly kind: BackupErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

type PathItem = { key: unknown };

function pathOf(path: readonly PathItem[] | undefined): string {
  let out = '';
  for (const item of path ?? []) out += typeof item.key === 'number' ? `[${item.key}]` : out === '' ? String(item.key) : `.${String(item.key)}`;
  return out || '(top level)';
}

/** Names the record a path points into, so the message says which word or article is wrong. */
function recordLabel(data: Record<string, unknown>, path: readonly PathItem[] | undefined): string {
  const [list, index] = path ?? [];
  if (!list || !index || typeof index.key !== 'number') return '';
  const items = data[String(list.key)];
  const record = Array.isArray(items) ? (items[index.key] as unknown) : undefined;
  if (typeof record !== 'object' || record === null) return '';
  const r = record as Record<string, unknown>;
  const name = list.key === 'vocabulary' ? r.simplified : list.key === 'articles' ? r.url : list.key === 'cards' ? r.id : list.key === 'reviewLog' ? r.cardId : undefined;
  return typeof name === 'string' ? ` (${name.slice(0, 80)})` : '';
}

/**
 * Reads a backup file's text. Throws BackupError saying what is wrong and where: not JSON,
 * not a Jiedu backup, a version this code does not know, or which record fails and why.
 */
export function parseBackup(text: string): JieduBackup {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new BackupError('corrupt', `the file is not valid JSON (${detail}); it may be cut short or damaged`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BackupError('foreign', 'this is not a Jiedu backup: expected a JSON object with "format": "jiedu-backup"');
  }
  const obj = data as Record<string, unknown>;
  if (obj.format !== BACKUP_FORMAT) {
    const found = typeof obj.format === 'string' ? `"format": ${JSON.stringify(obj.format.slice(0, 60))}` : 'no "format" field';
    throw new BackupError('foreign', `this is not a Jiedu backup (${found}, expected "${BACKUP_FORMAT}")`);
  }
  if (typeof obj.version !== 'number' || !READABLE_VERSIONS.includes(obj.version)) {
    const newer = typeof obj.version === 'number' && obj.version > BACKUP_VERSION;
    throw new BackupError(
      'version',
      newer
        ? `this backup is version ${obj.version}, made by a newer Jiedu; this one reads version ${BACKUP_VERSION}: update Jiedu first`
        : `unsupported backup version ${JSON.stringify(obj.version)} (this Jiedu reads version ${BACKUP_VERSION})`,
    );
  }
  const result = obj.version === 1 ? v.safeParse(BackupV1Schema, data) : obj.version === 2 ? v.safeParse(BackupV2Schema, data) : v.safeParse(BackupSchema, data);
  if (!result.success) {
    const shown = result.issues.slice(0, 3).map((i) => `${pathOf(i.path)}${recordLabel(obj, i.path)}: ${i.message}`);
    const more = result.issues.length > 3 ? ` (and ${result.issues.length - 3} more problems)` : '';
    throw new BackupError('invalid', `the backup has a bad record: ${shown.join('; ')}${more}`);
  }
  // An older file reads as a file of this version without what it did not hold yet.
  const out = result.output;
  const backup: JieduBackup =
    out.version === 1
      ? { ...out, version: BACKUP_VERSION, cards: [], reviewLog: [], reviewSettings: {}, ankiSettings: {} }
      : out.version === 2
        ? { ...out, version: BACKUP_VERSION, reviewSettings: {}, ankiSettings: {} }
        : out;
  duplicates(
    backup.articles.map((a) => a.url),
    'articles',
    'url',
  );
  duplicates(
    backup.vocabulary.map((w) => w.simplified),
    'vocabulary',
    'simplified',
  );
  duplicates(
    backup.cards.map((c) => c.id),
    'cards',
    'id',
  );
  return backup;
}

function duplicates(keys: string[], list: string, key: string): void {
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    const first = seen.get(k);
    if (first !== undefined) throw new BackupError('invalid', `the backup has a bad record: ${list}[${i}] repeats the ${key} of ${list}[${first}] (${k.slice(0, 80)})`);
    seen.set(k, i);
  });
}

interface BackupCounts {
  articles: number;
  vocabulary: number;
}

export interface BackupMerge {
  /** Records to write: new ones, and existing ones with what the backup adds. Unchanged records are left out. */
  toPut: { articles: StoredArticle[]; vocabulary: VocabularyRecord[] };
  added: BackupCounts;
  updated: BackupCounts;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(ra[k], rb[k]));
}

function withoutId(article: StoredArticle): StoredArticle {
  const { id: _id, ...rest } = article;
  return rest;
}

function mergeArticle(current: StoredArticle, incoming: StoredArticle): StoredArticle {
  // The later save has the later text; the first save date is the earlier of the two.
  const incomingNewer = Date.parse(incoming.lastSavedAt) > Date.parse(current.lastSavedAt);
  const base = incomingNewer ? incoming : current;
  const merged: StoredArticle = {
    ...withoutId(base),
    firstSavedAt: Date.parse(incoming.firstSavedAt) < Date.parse(current.firstSavedAt) ? incoming.firstSavedAt : current.firstSavedAt,
    lastSavedAt: incomingNewer ? incoming.lastSavedAt : current.lastSavedAt,
  };
  if (current.id !== undefined) merged.id = current.id;
  return merged;
}

/**
 * Merges a backup into the library by key: articles by url, words by simplified headword
 * (contexts, tags and notes of both kept). Article ids are local to one database: an incoming
 * id is kept only when no current article holds it; otherwise the article goes in without one
 * (the database assigns it) and contexts that pointed to it lose their articleId, keeping their
 * articleUrl to re-link by.
 */
export function mergeBackup(
  current: { articles: readonly StoredArticle[]; vocabulary: readonly VocabularyRecord[] },
  incoming: { articles: readonly StoredArticle[]; vocabulary: readonly VocabularyRecord[] },
): BackupMerge {
  const out: BackupMerge = { toPut: { articles: [], vocabulary: [] }, added: { articles: 0, vocabulary: 0 }, updated: { articles: 0, vocabulary: 0 } };
  const articleByUrl = new Map(current.articles.map((a) => [a.url, a]));
  const takenIds = new Set<number>();
  for (const a of current.articles) if (a.id !== undefined) takenIds.add(a.id);
  /** incoming article id → id in the merged library (undefined: not known until the database assigns it). */
  const idMap = new Map<number, number | undefined>();
  const idByUrl = new Map<string, number>();
  for (const a of current.articles) if (a.id !== undefined) idByUrl.set(a.url, a.id);

  const articlePutAt = new Map<string, number>();
  const newUrls = new Set<string>();
  const updatedUrls = new Set<string>();
  const putArticle = (a: StoredArticle): void => {
    const at = articlePutAt.get(a.url);
    if (at === undefined) articlePutAt.set(a.url, out.toPut.articles.push(a) - 1);
    else out.toPut.articles[at] = a;
  };
  for (const a of incoming.articles) {
    const existing = articleByUrl.get(a.url);
    if (existing) {
      if (a.id !== undefined) idMap.set(a.id, existing.id);
      const merged = mergeArticle(existing, a);
      if (!deepEqual(merged, existing)) {
        articleByUrl.set(a.url, merged);
        putArticle(merged);
        if (!newUrls.has(a.url) && !updatedUrls.has(a.url)) out.updated.articles++;
        updatedUrls.add(a.url);
      }
      continue;
    }
    let article = a;
    if (a.id !== undefined) {
      if (takenIds.has(a.id)) {
        article = withoutId(a);
        idMap.set(a.id, undefined);
      } else {
        takenIds.add(a.id);
        idMap.set(a.id, a.id);
        idByUrl.set(a.url, a.id);
      }
    }
    articleByUrl.set(a.url, article);
    newUrls.add(a.url);
    putArticle(article);
    out.added.articles++;
  }

  // Only contexts that carry an id are touched: one without stays as the user's data has it.
  const relink = (w: VocabularyRecord): VocabularyRecord => {
    if (!w.contexts.some((c) => c.articleId !== undefined)) return w;
    return {
      ...w,
      contexts: w.contexts.map((c) => {
        if (c.articleId === undefined) return c;
        const { articleId, ...rest } = c;
        const mapped = idMap.has(articleId) ? idMap.get(articleId) : idByUrl.get(c.articleUrl);
        return mapped === undefined ? rest : { ...rest, articleId: mapped };
      }),
    };
  };

  const wordByKey = new Map(current.vocabulary.map((w) => [w.simplified, w]));
  const isNew = new Set<string>();
  const updatedWords = new Set<string>();
  /** Where each key sits in toPut: a word listed twice in the incoming data is written once. */
  const putAt = new Map<string, number>();
  const put = (w: VocabularyRecord): void => {
    const at = putAt.get(w.simplified);
    if (at === undefined) putAt.set(w.simplified, out.toPut.vocabulary.push(w) - 1);
    else out.toPut.vocabulary[at] = w;
  };
  for (const w of incoming.vocabulary) {
    const record = relink(w);
    const existing = wordByKey.get(w.simplified);
    if (!existing) {
      wordByKey.set(w.simplified, record);
      isNew.add(w.simplified);
      put(record);
      out.added.vocabulary++;
      continue;
    }
    const merged = mergeVocabularyRecords(existing, record);
    if (!deepEqual(merged, existing)) {
      wordByKey.set(w.simplified, merged);
      put(merged);
      if (!isNew.has(w.simplified) && !updatedWords.has(w.simplified)) out.updated.vocabulary++;
      updatedWords.add(w.simplified);
    }
  }
  return out;
}
