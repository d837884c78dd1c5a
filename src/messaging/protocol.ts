/**
 * The one message map between the extension's contexts. Each name maps to its
 * params and result; the background registers a handler per name in one table.
 * Params are validated at runtime before a handler sees them (see
 * schemas.ts: a content script runs beside page code and its messages
 * are untrusted), and a failure comes back as `{ ok: false, error }` — never
 * silence, never a hang. This module holds types only, so that the content
 * script, loaded on every page, does not carry the validators.
 */
import type { ArticleRecord, SiteId, StoredArticle } from '../core/article.ts';
import type { BuiltEntry, Category, GlossaryEntry } from '../core/glossary/types.ts';
import { parsePinyinLook, type PinyinLook, type TONE_COLOR_SCHEMES } from '../core/settings.ts';
import type { DictEntry } from '../core/dictionary/types.ts';
import type { ReadingGroup } from '../core/dictionary/rank.ts';
import type { PageReading } from '../core/dictionary/page-reading.ts';
import type { NewWord, VocabularyRecord } from '../core/vocabulary.ts';
import type { AnkiSettings, AnkiSettingsPatch } from '../core/anki-settings.ts';
import type { AnkiProblem, SyncCounts } from '../core/anki-connect.ts';
import type { CardSource, ReviewCard, ReviewGrade } from '../core/review/card.ts';
import type { DueCount, ReviewQueue } from '../core/review/queue.ts';
import type { ReviewSettings, ReviewSettingsPatch } from '../core/review/settings.ts';
import type { ReviewStats } from '../core/review/stats.ts';
import type { ErrorKind } from '../core/errors.ts';

type SaveStatus = 'added' | 'updated' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  id: number;
  firstSavedAt: string;
  libraryCount: number;
}

export interface LibraryStats {
  articles: number;
  vocabulary: number;
}

/** What the content script knows about its page; the popup asks the tab for it. */
export type PageState =
  | { kind: 'not-article'; url: string; reason: string }
  | { kind: 'pending'; url: string; site: SiteId }
  | { kind: 'unreadable'; url: string; site: SiteId | null; message: string }
  | {
      kind: 'detected';
      url: string;
      article: Pick<ArticleRecord, 'url' | 'site' | 'title' | 'publishedAt' | 'layout' | 'charCount' | 'partial'>;
      notices: string[];
      save: { status: SaveStatus | 'not-saved'; firstSavedAt: string | null };
    }
  | { kind: 'error'; url: string; message: string };

/** A glossary entry as lists show it: the entry, and how many seed sentences cite it. */
export interface GlossaryListItem extends GlossaryEntry {
  citationCount: number;
}

export interface GlossaryEntryDetail {
  entry: BuiltEntry;
  /** Saved articles whose text holds the term, most recent first. */
  savedArticles: { url: string; title: string; count: number }[];
}

/** The words that start at one point of a text, longest first, with the glossary's entry when one matches. */
export interface LookupMatch {
  word: string;
  /** UTF-16 code units. */
  length: number;
  /** Ranked for a reader: the reading in the sentence first, then main entries before variants (dictionary/rank.ts). */
  entries: DictEntry[];
  /** The same entries grouped by pronunciation, in the same order. */
  groups: ReadingGroup[];
  /** The pinyin engine's reading of the word in the sentence (tone marks, a syllable per character), when a sentence was sent. */
  reading: string | null;
  /** What Save keeps from the dictionary: the entry that fits the sentence, with its senses. */
  save: DictEntry | null;
  glossary: GlossaryListItem | null;
}

/** The sentence around a look-up's point, so the background can read the word there (bounded: see LOOKUP_CONTEXT_LIMITS). */
export interface LookupContext {
  sentence: string;
  /** Where the looked-up text starts in `sentence` (UTF-16 units). */
  offset: number;
}

export const LOOKUP_CONTEXT_LIMITS = { sentenceChars: 256 } as const;

/** Where a saved word was met. */
export interface WordContext {
  sentence: string;
  articleUrl: string;
  articleTitle: string;
}

/** What one pinyin/context message may carry: an article's blocks, not a whole library. */
export const PINYIN_CONTEXT_LIMITS = { texts: 500, textChars: 50_000, totalChars: 200_000 } as const;

/** Texts for pinyin/context in requests within those limits; a text longer than one may hold is left out. */
export function contextBatches(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const t of texts) {
    if (t.length > PINYIN_CONTEXT_LIMITS.textChars) continue;
    if (batch.length >= PINYIN_CONTEXT_LIMITS.texts || chars + t.length > PINYIN_CONTEXT_LIMITS.totalChars) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(t);
    chars += t.length;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** Messages handled by the background. */
export interface BackgroundMessages {
  'article/save': { params: { article: ArticleRecord; trigger: 'auto' | 'manual' }; result: SaveResult };
  'article/get': { params: { url: string }; result: StoredArticle | null };
  'article/delete': { params: { url: string }; result: { deleted: boolean } };
  'library/stats': { params: Record<string, never>; result: LibraryStats };
  'glossary/search': { params: { query: string; category: Category | null; limit: number }; result: { items: GlossaryListItem[]; total: number } };
  'glossary/entry': { params: { term: string }; result: GlossaryEntryDetail | null };
  'glossary/in-article': { params: { url: string }; result: { term: string; count: number; english: string; pinyin: string }[] };
  /**
   * `context`: the sentence around the point, for the reading in context (optional: the CLI and older callers send text only).
   * `reading`: the reading the page shows over that sentence, when it has pinyin on in the engine's own look (see page-reading.ts).
   */
  'dict/lookup': { params: { text: string; context?: LookupContext; reading?: PageReading }; result: { matches: LookupMatch[] } };
  /**
   * A look-up is likely: the button went down on Chinese text. The background starts (if the
   * browser had stopped it), opens the dictionary and reads the sentence around the point
   * (`context`) while the button is held, before the click asks.
   */
  'dict/prepare': { params: { context?: LookupContext; reading?: PageReading }; result: { prepared: true } };
  /** Readings decided by context for texts as the annotator reads them: per text, [offset, tone-marked reading] where they differ. */
  'pinyin/context': { params: { texts: string[] }; result: { readings: [number, string][][] } };
  /**
   * `contextAdded`: the sentence was new to the word and was stored (false when it was already there, or none was sent).
   * `corrected`: the word had been stored with a variant's entry and now has the one sent.
   */
  'vocab/save': { params: { word: NewWord; context: WordContext | null }; result: { record: VocabularyRecord; created: boolean; contextAdded: boolean; corrected: boolean } };
  'article/query': { params: ArticleQuery; result: { items: ArticleListItem[]; total: number } };
  'article/restore': { params: { article: StoredArticle }; result: { id: number } };
  'vocab/list': { params: VocabQuery; result: VocabListResult };
  'vocab/update': { params: { simplified: string; note?: string; tags?: string[] }; result: VocabularyRecord };
  /** Deletes words and their review cards; the answer holds both, for an undo. */
  'vocab/delete': { params: { keys: string[] }; result: { deleted: VocabularyRecord[]; cards: ReviewCard[] } };
  'vocab/restore': { params: { records: VocabularyRecord[]; cards?: ReviewCard[] }; result: { restored: number } };
  'export/vocabulary': { params: { format: ExportFormat; keys: string[] | null; articleUrl: string | null }; result: ExportFile };
  'export/glossary': { params: { format: ExportFormat }; result: ExportFile };
  'backup/export': { params: Record<string, never>; result: { text: string; filename: string } };
  'backup/import': { params: { text: string; restoreSettings: boolean }; result: BackupImportResult };
  'anki/settings': { params: Record<string, never>; result: AnkiSettings };
  'anki/settings/set': { params: AnkiSettingsPatch; result: AnkiSettings };
  /** Whether AnkiConnect answers, and the decks, note types and the chosen type's fields there. */
  'anki/check': { params: Record<string, never>; result: AnkiReply<{ version: number; decks: string[]; models: string[]; fields: string[] }> };
  'anki/add': { params: { key: string }; result: AnkiReply<{ status: 'added' | 'duplicate' }> };
  'anki/sync': { params: { keys: string[] | null }; result: AnkiReply<SyncCounts> };
  /** Review: the next cards due in the user's time zone (an IANA name), at most `limit`. */
  'review/queue': { params: { timeZone: string; limit: number }; result: ReviewQueue };
  'review/count': { params: { timeZone: string }; result: DueCount };
  'review/grade': { params: { cardId: string; grade: ReviewGrade; durationMs: number | null }; result: { card: ReviewCard; logId: number } };
  /** Takes back the last grade given; null when there is none. */
  'review/undo': { params: Record<string, never>; result: { card: ReviewCard } | null };
  'review/suspend': { params: { cardId: string; suspended: boolean }; result: { card: ReviewCard } };
  'review/add': { params: ReviewAddParams; result: { added: number; existing: number } };
  'review/stats': { params: { timeZone: string }; result: ReviewStats };
  /** The review settings after applying `patch` (an empty patch reads them). */
  'review/settings': { params: ReviewSettingsPatch; result: ReviewSettings };
}

/**
 * Words to add to review, in the kinds the settings choose. Saved words: `keys`, else those saved
 * from `articleUrl`, else all. Glossary entries: `keys` (terms), else a `category`, else the terms
 * of the saved article `articleUrl`.
 */
export interface ReviewAddParams {
  source: CardSource;
  keys: string[] | null;
  category: Category | null;
  articleUrl: string | null;
}

/** Messages handled by a content script (sent to a tab). */
export interface ContentMessages {
  'page/state': { params: Record<string, never>; result: PageState };
  'page/save': { params: Record<string, never>; result: PageState };
  /** `look`: the settings to draw with, when the sender has them (the page asks for them otherwise). */
  'pinyin/toggle': { params: { look?: PinyinLook }; result: PinyinState };
  /** Switch pinyin on (again, with the current settings) or off. */
  'pinyin/set': { params: { on: boolean; look?: PinyinLook }; result: PinyinState };
  'pinyin/state': { params: Record<string, never>; result: PinyinState };
  /** Read the article ahead, in idle time, so that switching on then only builds the DOM (sent when the popup opens). */
  'pinyin/prepare': { params: { look: PinyinLook }; result: { preparing: boolean } };
  /** Mark the article's glossary terms, or take the marks off. */
  'terms/set': { params: { on: boolean }; result: TermsState };
  'terms/state': { params: Record<string, never>; result: TermsState };
  /** The reader's selection and the sentence around it, for saving it from the context menu. */
  'page/selection': { params: Record<string, never>; result: { text: string; sentence: string; article: { url: string; title: string } } };
}

export interface TermsState {
  on: boolean;
  /** Terms marked in the page. */
  count: number;
}

export interface PinyinState {
  on: boolean;
  /** Words annotated so far. */
  words: number;
  scope: 'article' | 'page';
}

type MessageMap = BackgroundMessages & ContentMessages;
export type MessageName = keyof MessageMap;
export type Params<N extends MessageName> = MessageMap[N]['params'];
export type Result<N extends MessageName> = MessageMap[N]['result'];

export interface Envelope<N extends MessageName = MessageName> {
  jiedu: 1;
  name: N;
  params: Params<N>;
}

/** Ports the background and the tabs are asked on (see ports.ts: sendToTab, sendToBackground, answerOnPort). */
export const TAB_PORT = 'jiedu-tab';
export const BACKGROUND_PORT = 'jiedu-background';

/** `kind` says what went wrong in a way the UI can translate (see core/errors.ts); `error` is the English detail. */
export type Reply<R> = { ok: true; result: R } | { ok: false; error: string; kind?: ErrorKind };

export function envelope<N extends MessageName>(name: N, params: Params<N>): Envelope<N> {
  return { jiedu: 1, name, params };
}

/** A request to a content script: one of its messages with that message's params. */
export type ContentRequest = { [N in keyof ContentMessages]: { name: N; params: Params<N> } }[keyof ContentMessages];

/**
 * Checks a message sent to a content script (only the extension can send one,
 * but the check is cheap and keeps the content script free of the validators).
 */
export function parseContentRequest(raw: unknown): ContentRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as { jiedu?: unknown; name?: unknown; params?: unknown };
  if (msg.jiedu !== 1 || typeof msg.params !== 'object' || msg.params === null) return null;
  const keys = Object.keys(msg.params);
  switch (msg.name) {
    case 'page/state':
    case 'page/save':
    case 'pinyin/state':
    case 'terms/state':
    case 'page/selection':
      return keys.length === 0 ? { name: msg.name, params: {} } : null;
    case 'terms/set': {
      const on = (msg.params as { on?: unknown }).on;
      return keys.length === 1 && typeof on === 'boolean' ? { name: msg.name, params: { on } } : null;
    }
    case 'pinyin/prepare': {
      const look = keys.length === 1 ? parsePinyinLook((msg.params as { look?: unknown }).look) : null;
      return look ? { name: msg.name, params: { look } } : null;
    }
    case 'pinyin/toggle':
    case 'pinyin/set': {
      const { on, look: rawLook, ...rest } = msg.params as { on?: unknown; look?: unknown };
      if (Object.keys(rest).length > 0) return null;
      const look = rawLook === undefined ? undefined : parsePinyinLook(rawLook);
      if (look === null) return null;
      const withLook = look ? { look } : {};
      if (msg.name === 'pinyin/toggle') return 'on' in msg.params ? null : { name: msg.name, params: withLook };
      return typeof on === 'boolean' ? { name: msg.name, params: { on, ...withLook } } : null;
    }
    default:
      return null;
  }
}

/** Library page: articles as lists show them, without the text (the reading view asks for it). */
export type ArticleListItem = Omit<StoredArticle, 'paragraphs' | 'bold' | 'images'> & { imageCount: number };
export const ARTICLE_SORTS = ['saved', 'published', 'site', 'title'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
export interface ArticleQuery {
  query: string;
  site: SiteId | null;
  sort: ArticleSort;
  offset: number;
  limit: number;
}

export const VOCAB_SORTS = ['recent', 'created', 'pinyin', 'characters'] as const;
export type VocabSort = (typeof VOCAB_SORTS)[number];
export interface VocabQuery {
  /** Characters, pinyin with or without tones, or English. */
  query: string;
  sort: VocabSort;
  tag: string | null;
  articleUrl: string | null;
  source: VocabularyRecord['source'] | null;
  offset: number;
  limit: number;
  /** Also return the key of every match (for "select all"). */
  allKeys?: boolean;
}
export interface VocabListResult {
  items: VocabularyRecord[];
  total: number;
  /** Every tag in the vocabulary, sorted. */
  tags: string[];
  /** Articles that words were saved from, with how many words each. */
  articles: { url: string; title: string; words: number }[];
  keys?: string[];
}

/** An AnkiConnect answer, or what went wrong in terms the page can put into words. */
export type AnkiReply<T> = ({ ok: true } & T) | { ok: false; problem: AnkiProblem; detail: string; origin: string };

export const EXPORT_FORMATS = ['apkg', 'anki', 'pleco', 'csv', 'tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What an Anki package is made of; the page packs it (sql.js is loaded there, and only then). */
export interface PackageSource {
  words: VocabularyRecord[];
  /** Each word's first saved sentence in pinyin, in the reader's tone style ('' without a sentence). */
  sentencePinyin: string[];
  toneColors: (typeof TONE_COLOR_SCHEMES)[number];
  /** Listening cards asked for (the Anki options), and when that last changed (ISO, or ''). */
  listening: boolean;
  listeningChangedAt: string;
}
export interface ExportFile {
  /** The file's text; empty for a package, which the page builds from `package`. */
  text: string;
  package?: PackageSource;
  filename: string;
  mime: string;
  count: number;
}
export interface BackupImportResult {
  added: { articles: number; vocabulary: number };
  updated: { articles: number; vocabulary: number };
  /** Review cards added or brought up to a later review, and log entries added. */
  review: { cardsAdded: number; cardsUpdated: number; logAdded: number };
  /** The settings the file holds were laid over this browser's (the user asked for it). */
  settingsRestored: boolean;
}
