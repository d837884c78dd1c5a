/**
 * The library page's operations: article and word queries, edits with undo,
 * exports and the JSON backup. Lists are answered from summaries kept in
 * memory while the worker lives, because reading 1,000 full articles or 10,000
 * words from IndexedDB on every keystroke would not keep up with typing; any
 * write to a table (here, elsewhere in the worker, or in a test) drops its summary.
 */
import Dexie from 'dexie';
import type { StoredArticle } from '../core/article.ts';
import { compactPinyin } from '../core/glossary/pinyin-form.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { ArticleListItem, ArticleQuery, BackupImportResult, ExportFile, PackageSource, ExportFormat, VocabListResult, VocabQuery } from '../messaging/protocol.ts';
import { makeBackup, mergeBackup, parseBackup, serializeBackup, toAnki, toCsv, toPleco, toTsv, type BackupSettings, type JieduBackup, type NoteFieldOptions } from '../core/export/index.ts';
import type { SettingsInBackup } from './settings-backup.ts';
import type { VocabularyRecord } from '../core/vocabulary.ts';
import type { JieduDB, VocabularyRow } from './db.ts';
import { HAN_SCRIPT } from '../core/han-script.ts';
import { mergeReview } from '../core/review/backup.ts';
import type { ReviewCard } from '../core/review/card.ts';

type Table = 'articles' | 'vocabulary';

interface ArticleEntry {
  item: ArticleListItem;
  haystack: string;
}

interface WordEntry {
  record: VocabularyRecord;
  forms: string;
  toned: string;
  toneless: string;
  english: string;
}

interface Cache {
  articles: ArticleEntry[] | null;
  vocabulary: WordEntry[] | null;
  /** Bumped by every invalidation: a read that started before a write must not be kept after it. */
  version: { articles: number; vocabulary: number };
}

const caches = new WeakMap<JieduDB, Cache>();
let listening = false;

function cacheOf(db: JieduDB): Cache {
  let c = caches.get(db);
  if (!c) {
    c = { articles: null, vocabulary: null, version: { articles: 0, vocabulary: 0 } };
    caches.set(db, c);
  }
  if (!listening) {
    listening = true;
    // Dexie reports every committed write by database and table ("idb://jiedu/vocabulary/…").
    Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
      for (const key of Object.keys(parts)) {
        const m = /^idb:\/\/(.*)\/(articles|vocabulary)\//.exec(key);
        if (m) invalidateByName(m[1]!, m[2] as Table);
      }
    });
  }
  return c;
}

/** Databases seen so far by name, so a mutation event can find its cache. */
const byName = new Map<string, Set<JieduDB>>();
function remember(db: JieduDB): void {
  let set = byName.get(db.name);
  if (!set) byName.set(db.name, (set = new Set()));
  set.add(db);
}
function invalidateByName(name: string, table: Table): void {
  for (const db of byName.get(name) ?? []) invalidate(db, table);
}
function invalidate(db: JieduDB, table: Table): void {
  const c = caches.get(db);
  if (c) {
    c[table] = null;
    c.version[table]++;
  }
}

function summary(a: StoredArticle): ArticleListItem {
  const { paragraphs: _p, bold: _b, images, ...rest } = a;
  return { ...rest, imageCount: images.length };
}

async function articleEntries(db: JieduDB): Promise<ArticleEntry[]> {
  remember(db);
  const c = cacheOf(db);
  if (c.articles) return c.articles;
  const version = c.version.articles;
  const out: ArticleEntry[] = [];
  await db.articles.each((a) => {
    const item = summary(a);
    out.push({ item, haystack: [a.title, a.source ?? '', ...a.authors, ...a.tags, a.url].join('\n').toLowerCase() });
  });
  if (c.version.articles === version) c.articles = out;
  return out;
}

function wordEntry(record: VocabularyRecord): WordEntry {
  return {
    record,
    forms: `${record.simplified}\n${record.traditional}`,
    toned: compactPinyin(record.pinyin, { tones: true }),
    toneless: compactPinyin(record.pinyin),
    english: record.english.join('\n').toLowerCase(),
  };
}

async function wordEntries(db: JieduDB): Promise<WordEntry[]> {
  remember(db);
  const c = cacheOf(db);
  if (c.vocabulary) return c.vocabulary;
  const version = c.version.vocabulary;
  const rows = (await db.vocabulary.toArray()) as unknown as VocabularyRecord[];
  const out = rows.map(wordEntry);
  if (c.version.vocabulary === version) c.vocabulary = out;
  return out;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const collator = new Intl.Collator('zh-Hans-u-co-pinyin');

const ARTICLE_ORDER: Record<ArticleQuery['sort'], (a: ArticleListItem, b: ArticleListItem) => number> = {
  saved: (a, b) => byString(b.lastSavedAt, a.lastSavedAt),
  // Articles with no date go last, not first.
  published: (a, b) => byString(b.publishedAt ?? '', a.publishedAt ?? '') || byString(b.lastSavedAt, a.lastSavedAt),
  site: (a, b) => byString(a.site, b.site) || byString(b.publishedAt ?? '', a.publishedAt ?? ''),
  title: (a, b) => collator.compare(a.title, b.title),
};

export async function queryArticles(db: JieduDB, q: ArticleQuery): Promise<{ items: ArticleListItem[]; total: number }> {
  const needle = q.query.trim().toLowerCase();
  const all = await articleEntries(db);
  const matching: ArticleListItem[] = [];
  for (const e of all) {
    if (q.site && e.item.site !== q.site) continue;
    if (needle && !e.haystack.includes(needle)) continue;
    matching.push(e.item);
  }
  matching.sort(ARTICLE_ORDER[q.sort]);
  return { items: matching.slice(q.offset, q.offset + q.limit), total: matching.length };
}

/** Puts a deleted article back as it was: its id when still free, and when it was first saved. */
export async function restoreArticle(db: JieduDB, article: StoredArticle): Promise<{ id: number }> {
  const id = await db.transaction('rw', db.articles, async () => {
    const sameUrl = await db.articles.where('url').equals(article.url).first();
    if (sameUrl?.id !== undefined) {
      // Saved again since the delete: keep the newer text, but the first save date of the two.
      const firstSavedAt = article.firstSavedAt < sameUrl.firstSavedAt ? article.firstSavedAt : sameUrl.firstSavedAt;
      await db.articles.update(sameUrl.id, { firstSavedAt });
      return sameUrl.id;
    }
    const taken = article.id !== undefined && (await db.articles.get(article.id)) !== undefined;
    const { id: _id, ...rest } = article;
    return db.articles.put(taken || article.id === undefined ? rest : { ...rest, id: article.id });
  });
  invalidate(db, 'articles');
  return { id };
}

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/i;

function vocabOrder(sort: VocabQuery['sort']): (a: WordEntry, b: WordEntry) => number {
  switch (sort) {
    case 'recent':
      return (a, b) => byString(b.record.updatedAt, a.record.updatedAt) || byString(a.record.simplified, b.record.simplified);
    case 'created':
      return (a, b) => byString(b.record.createdAt, a.record.createdAt) || byString(a.record.simplified, b.record.simplified);
    case 'pinyin':
      return (a, b) => byString(a.toneless, b.toneless) || byString(a.toned, b.toned) || byString(a.record.simplified, b.record.simplified);
    case 'characters':
      return (a, b) => collator.compare(a.record.simplified, b.record.simplified) || byString(a.record.simplified, b.record.simplified);
  }
}

/** One test for a query: characters, pinyin (toned only matches toned), or English. */
function vocabMatcher(query: string): ((e: WordEntry) => boolean) | null {
  const q = query.trim().normalize('NFC');
  if (!q) return null;
  if (HAN_SCRIPT.test(q)) return (e) => e.forms.includes(q);
  const english = q.toLowerCase();
  const toned = TONED.test(q);
  const pin = compactPinyin(q, { tones: toned });
  return (e) => (pin !== '' && (toned ? e.toned : e.toneless).includes(pin)) || e.english.includes(english);
}

interface WordIndex {
  entries: WordEntry[];
  /** Entries in each sort order, sorted once per change of the table: a query only filters. */
  sorted: Map<VocabQuery['sort'], WordEntry[]>;
  tags: string[];
  articles: VocabListResult['articles'];
  articleSets: WeakMap<WordEntry, Set<string>>;
}

const indexes = new WeakMap<WordEntry[], WordIndex>();

function wordIndex(entries: WordEntry[]): WordIndex {
  let index = indexes.get(entries);
  if (index) return index;
  const tags = new Set<string>();
  const articles = new Map<string, { url: string; title: string; words: number }>();
  const articleSets = new WeakMap<WordEntry, Set<string>>();
  for (const e of entries) {
    for (const t of e.record.tags) tags.add(t);
    const seen = new Set<string>();
    for (const c of e.record.contexts) {
      if (seen.has(c.articleUrl)) continue;
      seen.add(c.articleUrl);
      const a = articles.get(c.articleUrl);
      if (a) a.words++;
      else articles.set(c.articleUrl, { url: c.articleUrl, title: c.articleTitle, words: 1 });
    }
    articleSets.set(e, seen);
  }
  index = {
    entries,
    sorted: new Map(),
    tags: [...tags].sort(byString),
    articles: [...articles.values()].sort((a, b) => collator.compare(a.title, b.title)),
    articleSets,
  };
  indexes.set(entries, index);
  return index;
}

export async function listVocabulary(db: JieduDB, q: VocabQuery): Promise<VocabListResult> {
  const index = wordIndex(await wordEntries(db));
  let ordered = index.sorted.get(q.sort);
  if (!ordered) {
    ordered = [...index.entries].sort(vocabOrder(q.sort));
    index.sorted.set(q.sort, ordered);
  }
  const test = vocabMatcher(q.query);
  const filtered = !test && q.source === null && q.tag === null && q.articleUrl === null;
  const matching = filtered
    ? ordered
    : ordered.filter((e) => {
        const r = e.record;
        if (q.source && r.source !== q.source) return false;
        if (q.tag !== null && !r.tags.includes(q.tag)) return false;
        if (q.articleUrl !== null && !index.articleSets.get(e)?.has(q.articleUrl)) return false;
        return !test || test(e);
      });
  const result: VocabListResult = {
    items: matching.slice(q.offset, q.offset + q.limit).map((e) => e.record),
    total: matching.length,
    tags: index.tags,
    articles: index.articles,
  };
  if (q.allKeys) result.keys = matching.map((e) => e.record.simplified);
  return result;
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

export async function updateVocabulary(db: JieduDB, patch: { simplified: string; note?: string; tags?: string[] }, now: Date = new Date()): Promise<VocabularyRecord> {
  const record = await db.transaction('rw', db.vocabulary, async () => {
    const existing = (await db.vocabulary.get(patch.simplified)) as VocabularyRecord | undefined;
    if (!existing) throw new Error(`no saved word ${patch.simplified}`);
    const next: VocabularyRecord = {
      ...existing,
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      updatedAt: now.toISOString(),
    };
    await db.vocabulary.put(next as unknown as VocabularyRow);
    return next;
  });
  invalidate(db, 'vocabulary');
  return record;
}

/** Deletes words and their review cards (which would otherwise stay counted as due); both come back with an undo. */
export async function deleteVocabulary(db: JieduDB, keys: readonly string[]): Promise<{ deleted: VocabularyRecord[]; cards: ReviewCard[] }> {
  const result = await db.transaction('rw', db.vocabulary, db.cards, async () => {
    const found = (await db.vocabulary.bulkGet([...keys])).filter((r): r is VocabularyRow => r !== undefined) as unknown as VocabularyRecord[];
    const words = found.map((r) => r.simplified);
    await db.vocabulary.bulkDelete(words);
    const cards =
      words.length > 0
        ? await db.cards
            .where('key')
            .anyOf(words)
            .filter((c) => c.source === 'vocabulary')
            .toArray()
        : [];
    await db.cards.bulkDelete(cards.map((c) => c.id));
    return { deleted: found, cards };
  });
  invalidate(db, 'vocabulary');
  return result;
}

/** Undo of a delete: the records as they were, merged with any that were saved again in between. */
export async function restoreVocabulary(db: JieduDB, records: readonly VocabularyRecord[], cards: readonly ReviewCard[] = []): Promise<{ restored: number }> {
  await db.transaction('rw', db.vocabulary, db.cards, async () => {
    // A card made again when the word was saved again in between, and not yet graded, gives way to the one with the reviews.
    const now = await db.cards.bulkGet(cards.map((c) => c.id));
    await db.cards.bulkPut(cards.filter((_, i) => !now[i] || now[i].reps === 0));
    const current = await db.vocabulary.bulkGet(records.map((r) => r.simplified));
    const rows = records.map((r, i) => {
      const now = current[i] as unknown as VocabularyRecord | undefined;
      return now ? (mergeBackup({ articles: [], vocabulary: [now] }, { articles: [], vocabulary: [r] }).toPut.vocabulary[0] ?? now) : r;
    });
    await db.vocabulary.bulkPut(rows as unknown as VocabularyRow[]);
  });
  invalidate(db, 'vocabulary');
  return { restored: records.length };
}

/** How an export reads the reader's settings: sentence pinyin in their tone style, tone colours and listening cards for a package. */
export interface ExportLook extends NoteFieldOptions {
  toneColors?: PackageSource['toneColors'];
  listeningChangedAt?: string;
}

const FORMATS: Record<Exclude<ExportFormat, 'apkg'>, { write: (words: readonly VocabularyRecord[], opts: NoteFieldOptions) => string; ext: string; mime: string }> = {
  anki: { write: (w, opts) => toAnki(w, opts), ext: 'anki.txt', mime: 'text/plain;charset=utf-8' },
  pleco: { write: (w) => toPleco(w), ext: 'pleco.txt', mime: 'text/plain;charset=utf-8' },
  csv: { write: toCsv, ext: 'csv', mime: 'text/csv;charset=utf-8' },
  tsv: { write: toTsv, ext: 'tsv', mime: 'text/tab-separated-values;charset=utf-8' },
};

function day(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `opts` fills the note fields that need more than the word (the saved sentence's pinyin). */
function exportFile(words: readonly VocabularyRecord[], format: ExportFormat, name: string, now: Date = new Date(), opts: ExportLook = {}): ExportFile {
  if (format === 'apkg') {
    const read = opts.sentencePinyin;
    const sentencePinyin = words.map((w) => (read && w.contexts[0] ? read(w.contexts[0].sentence) : ''));
    const pkg: PackageSource = { words: [...words], sentencePinyin, toneColors: opts.toneColors ?? 'off', listening: opts.listening ?? false, listeningChangedAt: opts.listeningChangedAt ?? '' };
    return { text: '', package: pkg, filename: `jiedu-${name}-${day(now)}.apkg`, mime: 'application/octet-stream', count: words.length };
  }
  const f = FORMATS[format];
  return { text: f.write(words, opts), filename: `jiedu-${name}-${day(now)}.${f.ext}`, mime: f.mime, count: words.length };
}

/** Words to export: a selection (in the order given), or all (oldest first, as they were saved), optionally one article's. */
export async function exportVocabulary(
  db: JieduDB,
  params: { format: ExportFormat; keys: string[] | null; articleUrl: string | null },
  now: Date = new Date(),
  opts: ExportLook = {},
): Promise<ExportFile> {
  let words: VocabularyRecord[];
  if (params.keys) {
    words = ((await db.vocabulary.bulkGet(params.keys)) as unknown as (VocabularyRecord | undefined)[]).filter((w): w is VocabularyRecord => w !== undefined);
  } else {
    words = (await wordEntries(db)).map((e) => e.record).sort((a, b) => byString(a.createdAt, b.createdAt) || byString(a.simplified, b.simplified));
  }
  const url = params.articleUrl;
  if (url !== null) words = words.filter((w) => w.contexts.some((c) => c.articleUrl === url));
  const name = params.keys ? 'vocabulary-selection' : url !== null ? 'vocabulary-article' : 'vocabulary';
  return exportFile(words, params.format, name, now, opts);
}

/** Glossary entries in the vocabulary's shape, so every export format can carry them. */
function glossaryAsVocabulary(entries: readonly GlossaryEntry[], now: Date = new Date()): VocabularyRecord[] {
  const stamp = now.toISOString();
  return entries.map((e) => ({
    simplified: e.simplified,
    traditional: e.traditional ?? e.simplified,
    pinyin: e.pinyin,
    english: [e.english, ...e.alternatives],
    contexts: [],
    tags: [e.category],
    note: e.explanation,
    source: 'glossary',
    createdAt: stamp,
    updatedAt: stamp,
  }));
}

export function exportGlossary(entries: readonly GlossaryEntry[], format: ExportFormat, now: Date = new Date(), opts: ExportLook = {}): ExportFile {
  return exportFile(glossaryAsVocabulary(entries, now), format, 'glossary', now, opts);
}

/** The library and the settings (read by the caller from extension storage) in one file. */
export async function exportBackup(db: JieduDB, settings: SettingsInBackup, now: Date = new Date()): Promise<{ text: string; filename: string }> {
  const { articles, vocabulary, cards, reviewLog } = await db.transaction('r', [db.articles, db.vocabulary, db.cards, db.reviewLog], async () => ({
    articles: await db.articles.toArray(),
    vocabulary: (await db.vocabulary.toArray()) as unknown as VocabularyRecord[],
    cards: await db.cards.toArray(),
    // Without the schedule before each grade, kept for undo only: it would double the file.
    reviewLog: (await db.reviewLog.toArray()).map(({ previous: _previous, ...entry }) => entry),
  }));
  const text = serializeBackup(
    makeBackup({ articles, vocabulary, settings: { ...settings.settings } as BackupSettings, reviewSettings: settings.reviewSettings, ankiSettings: settings.ankiSettings, cards, reviewLog }, now),
  );
  return { text, filename: `jiedu-backup-${day(now)}.json` };
}

/**
 * Merges a backup into the library in one transaction over both tables: all of it or
 * nothing. The file is checked in full before the transaction opens, so a corrupt or
 * foreign file is refused with parseBackup's message and the library is left as it was.
 * The settings it holds are restored only when `restore` is given (the user asked), after
 * the library is in.
 */
export async function importBackup(db: JieduDB, text: string, restore?: (backup: JieduBackup) => Promise<void>): Promise<BackupImportResult> {
  const backup = parseBackup(text);
  try {
    const result = await db.transaction('rw', [db.articles, db.vocabulary, db.cards, db.reviewLog], async () => {
      const current = {
        articles: await db.articles.toArray(),
        vocabulary: (await db.vocabulary.toArray()) as unknown as VocabularyRecord[],
      };
      const merge = mergeBackup(current, backup);
      if (merge.toPut.articles.length) await db.articles.bulkPut(merge.toPut.articles);
      if (merge.toPut.vocabulary.length) await db.vocabulary.bulkPut(merge.toPut.vocabulary as unknown as VocabularyRow[]);
      const review = mergeReview({ cards: await db.cards.toArray(), log: await db.reviewLog.toArray() }, { cards: backup.cards, log: backup.reviewLog });
      if (review.toPut.cards.length) await db.cards.bulkPut(review.toPut.cards);
      if (review.toPut.log.length) await db.reviewLog.bulkAdd(review.toPut.log);
      return { added: merge.added, updated: merge.updated, review: { cardsAdded: review.added.cards, cardsUpdated: review.updated.cards, logAdded: review.added.log } };
    });
    if (restore) await restore(backup);
    return { ...result, settingsRestored: restore !== undefined };
  } finally {
    invalidate(db, 'articles');
    invalidate(db, 'vocabulary');
  }
}
