/**
 * The vocabulary record: one per simplified headword, with every sentence it was saved from.
 */
import * as v from 'valibot';

export const VOCABULARY_SOURCES = ['glossary', 'dictionary', 'manual'] as const;
export type VocabularySource = (typeof VOCABULARY_SOURCES)[number];

export interface VocabularyContext {
  sentence: string;
  articleUrl: string;
  articleTitle: string;
  /** The library's id of the article; local to one database, so imports re-link by articleUrl. */
  articleId?: number;
  savedAt: string;
}

export interface VocabularyRecord {
  /** The key. */
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
  contexts: VocabularyContext[];
  tags: string[];
  note: string;
  source: VocabularySource;
  createdAt: string;
  updatedAt: string;
}

export const VOCABULARY_LIMITS = {
  headwordChars: 100,
  sentenceChars: 5_000,
  urlChars: 4_096,
  titleChars: 2_000,
  glosses: 200,
  glossChars: 2_000,
  contexts: 1_000,
  tags: 100,
  tagChars: 100,
  noteChars: 20_000,
} as const;

const iso = v.pipe(v.string(), v.isoTimestamp());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const VocabularyContextSchema = v.strictObject({
  sentence: text(VOCABULARY_LIMITS.sentenceChars),
  articleUrl: text(VOCABULARY_LIMITS.urlChars),
  articleTitle: text(VOCABULARY_LIMITS.titleChars),
  articleId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  savedAt: iso,
});

export const VocabularyRecordSchema = v.strictObject({
  simplified: v.pipe(v.string(), v.minLength(1), v.maxLength(VOCABULARY_LIMITS.headwordChars)),
  traditional: text(VOCABULARY_LIMITS.headwordChars),
  pinyin: text(VOCABULARY_LIMITS.headwordChars * 8),
  english: v.pipe(v.array(text(VOCABULARY_LIMITS.glossChars)), v.maxLength(VOCABULARY_LIMITS.glosses)),
  contexts: v.pipe(v.array(VocabularyContextSchema), v.maxLength(VOCABULARY_LIMITS.contexts)),
  tags: v.pipe(v.array(text(VOCABULARY_LIMITS.tagChars)), v.maxLength(VOCABULARY_LIMITS.tags)),
  note: text(VOCABULARY_LIMITS.noteChars),
  source: v.picklist(VOCABULARY_SOURCES),
  createdAt: iso,
  updatedAt: iso,
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<v.InferOutput<typeof VocabularyRecordSchema>, VocabularyRecord> = true;
void schemaMatchesInterface;

/** Two sentences are the same when they differ only in spacing or Unicode normal form. */
export function sentenceKey(sentence: string): string {
  return sentence.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The record with one more context, unless that sentence is already there. Returns `existing`
 * itself when nothing changes, so a caller can skip the write.
 */
export function addContext(existing: VocabularyRecord, context: VocabularyContext, now: string = context.savedAt): VocabularyRecord {
  const key = sentenceKey(context.sentence);
  if (existing.contexts.some((c) => sentenceKey(c.sentence) === key)) return existing;
  if (existing.contexts.length >= VOCABULARY_LIMITS.contexts) return existing;
  return { ...existing, contexts: [...existing.contexts, { ...context }], updatedAt: later(existing.updatedAt, now) };
}

export interface NewWord {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
  source: VocabularySource;
  tags?: string[];
  note?: string;
}

/**
 * Saving a word: a new record the first time, the same record with one more sentence after
 * that. The key never repeats, so a word is never in the list twice.
 */
export function saveWord(existing: VocabularyRecord | undefined, word: NewWord, context: VocabularyContext | null, now: string): VocabularyRecord {
  if (existing) {
    if (existing.simplified !== word.simplified) throw new Error(`saveWord: ${word.simplified} is not ${existing.simplified}`);
    return context ? addContext(existing, context, now) : existing;
  }
  return {
    simplified: word.simplified,
    traditional: word.traditional,
    pinyin: word.pinyin,
    english: [...word.english],
    contexts: context ? [{ ...context }] : [],
    tags: [...new Set(word.tags ?? [])],
    note: word.note ?? '',
    source: word.source,
    createdAt: now,
    updatedAt: now,
  };
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function earlier(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function mergeNotes(newer: string, older: string): string {
  if (newer === older || older.trim() === '' || newer.includes(older)) return newer;
  if (newer.trim() === '' || older.includes(newer)) return older;
  // Both say something different: keep both, so that merging never drops what the user wrote.
  return `${newer}\n\n${older}`;
}

/**
 * Two records of the same word (from two devices, or a backup and the library): the newer
 * one's dictionary fields, every context of both (each sentence once: the current record's first, then the new ones),
 * every tag, both notes. Merging a record into itself gives it back unchanged.
 */
export function mergeVocabularyRecords(current: VocabularyRecord, incoming: VocabularyRecord): VocabularyRecord {
  if (current.simplified !== incoming.simplified) throw new Error(`cannot merge ${incoming.simplified} into ${current.simplified}`);
  const incomingNewer = Date.parse(incoming.updatedAt) > Date.parse(current.updatedAt);
  const [newer, older] = incomingNewer ? [incoming, current] : [current, incoming];
  const seen = new Set<string>();
  const contexts: VocabularyContext[] = [];
  for (const c of [...current.contexts, ...incoming.contexts]) {
    const key = sentenceKey(c.sentence);
    if (seen.has(key)) continue;
    seen.add(key);
    contexts.push(c);
  }
  return {
    simplified: current.simplified,
    traditional: newer.traditional,
    pinyin: newer.pinyin,
    english: [...newer.english],
    contexts,
    tags: [...new Set([...current.tags, ...incoming.tags])],
    note: mergeNotes(newer.note, older.note),
    source: newer.source,
    createdAt: earlier(current.createdAt, incoming.createdAt),
    updatedAt: later(current.updatedAt, incoming.updatedAt),
  };
}
