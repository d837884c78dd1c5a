/**
 * Review in the background: cards and the review log in the database, the session's queue read
 * through the [queue+due] index, grades scheduled by FSRS (core/review/schedule.ts), and the words
 * cards study, from the vocabulary or the glossary.
 */
import Dexie from 'dexie';
import { cardId, newCard, queueOf, type CardKind, type CardSource, type ReviewCard, type ReviewGrade } from '../core/review/card.ts';
import type { StudyWord } from '../core/review/content.ts';
import { dueRanges, newLeft, sessionOrder, totalDue, type DueCount, type DueCounts, type ReviewQueue } from '../core/review/queue.ts';
import { grade, schedulerFor, undo } from '../core/review/schedule.ts';
import type { ReviewSettings } from '../core/review/settings.ts';
import { reviewStats, type ReviewStats } from '../core/review/stats.ts';
import { validTimeZone } from '../core/review/day.ts';
import { savedPinyin } from '../core/dictionary/saved-pinyin.ts';
import type { BuiltEntry } from '../core/glossary/types.ts';
import type { VocabularyRecord } from '../core/vocabulary.ts';
import type { JieduDB } from './db.ts';

export interface ReviewContext {
  db: JieduDB;
  settings: () => Promise<ReviewSettings>;
  /** The glossary's entry for a term, or null (the glossary loads on first use). */
  glossaryEntry: (term: string) => Promise<BuiltEntry | null>;
  now?: () => Date;
}

/** `inLibrary`: the article URLs that are in the library. */
function studyWordFromVocabulary(r: VocabularyRecord, inLibrary: ReadonlySet<string> = new Set()): StudyWord {
  return {
    simplified: r.simplified,
    traditional: r.traditional,
    pinyin: r.pinyin,
    english: r.english,
    note: r.note,
    contexts: r.contexts.map(({ sentence, articleUrl, articleTitle }) => ({ sentence, articleUrl, articleTitle, inLibrary: inLibrary.has(articleUrl) })),
    labels: r.tags,
  };
}

/** A glossary entry studied: its seed sentences stand for the sentences it was met in; a note is the saved word's, if it is saved. */
function studyWordFromGlossary(e: BuiltEntry, saved: VocabularyRecord | undefined): StudyWord {
  return {
    simplified: e.simplified,
    traditional: e.traditional ?? e.simplified,
    pinyin: savedPinyin(e.simplified, e.pinyin, 'mark'),
    english: [e.english, ...e.alternatives],
    note: saved?.note ?? '',
    contexts: e.citations.map((c) => ({ sentence: c.sentence, articleUrl: '', articleTitle: c.title, inLibrary: false })),
    labels: [e.category],
  };
}

const MIN_KEY = Dexie.minKey;

/** New cards begun today (their first grade since the user's midnight): today's log entries only, through the `review` index. */
async function newBegunToday(db: JieduDB, dayStart: string): Promise<number> {
  return db.reviewLog
    .where('review')
    .aboveOrEqual(dayStart)
    .filter((l) => l.state === 0)
    .count();
}

async function counts(db: JieduDB, settings: ReviewSettings, now: Date, timeZone: string): Promise<DueCounts> {
  const r = dueRanges(now, timeZone);
  const [learning, review, newWaiting, begun] = await Promise.all([
    db.cards.where('[queue+due]').between(['learning', MIN_KEY], ['learning', r.learningUntil], true, true).count(),
    db.cards.where('[queue+due]').between(['review', MIN_KEY], ['review', r.reviewUntil], true, true).count(),
    db.cards.where('[queue+due]').between(['new', MIN_KEY], ['new', '\uffff'], true, true).count(),
    newBegunToday(db, r.dayStart),
  ]);
  return { learning, review, new: Math.min(newWaiting, newLeft(settings.newPerDay, begun)) };
}

/** How many cards are due now, by queue, their total, and how many cards there are (suspended ones included). */
export async function dueCount(ctx: ReviewContext, timeZone: string): Promise<DueCount> {
  const now = ctx.now?.() ?? new Date();
  const [c, cards] = await Promise.all([counts(ctx.db, await ctx.settings(), now, validTimeZone(timeZone)), ctx.db.cards.count()]);
  return { ...c, total: totalDue(c), cards };
}

/** The words of `cards`; a card whose word is gone (deleted from the vocabulary, or no longer in the glossary) has none. */
async function wordsFor(ctx: ReviewContext, cards: readonly ReviewCard[]): Promise<Map<string, StudyWord>> {
  const keys = [...new Set(cards.map((c) => c.key))];
  const saved = new Map<string, VocabularyRecord>();
  for (const r of await ctx.db.vocabulary.bulkGet(keys)) if (r) saved.set(r.simplified, r as unknown as VocabularyRecord);
  const urls = [...new Set([...saved.values()].flatMap((r) => r.contexts.map((c) => c.articleUrl)))].filter((u) => u.length > 0);
  const inLibrary = new Set(urls.length > 0 ? ((await ctx.db.articles.where('url').anyOf(urls).keys()) as string[]) : []);
  const out = new Map<string, StudyWord>();
  for (const c of cards) {
    const id = `${c.source}|${c.key}`;
    if (out.has(id)) continue;
    if (c.source === 'vocabulary') {
      const r = saved.get(c.key);
      if (r) out.set(id, studyWordFromVocabulary(r, inLibrary));
    } else {
      const e = await ctx.glossaryEntry(c.key);
      if (e) out.set(id, studyWordFromGlossary(e, saved.get(c.key)));
    }
  }
  return out;
}

/**
 * The next cards of the session, in order, with their words; `limit` bounds what one answer
 * carries. Only what the cards need is read, each part through the [queue+due] index with its
 * limit: the counts (which cost a walk over every due card) are asked for apart, so that the
 * first card is shown without waiting for them.
 */
export async function reviewQueue(ctx: ReviewContext, timeZone: string, limit: number): Promise<ReviewQueue> {
  const { db } = ctx;
  const now = ctx.now?.() ?? new Date();
  const zone = validTimeZone(timeZone);
  const settings = await ctx.settings();
  const r = dueRanges(now, zone);
  const [begun, learning, review, nextLearning] = await Promise.all([
    newBegunToday(db, r.dayStart),
    db.cards.where('[queue+due]').between(['learning', MIN_KEY], ['learning', r.learningUntil], true, true).limit(limit).toArray(),
    db.cards.where('[queue+due]').between(['review', MIN_KEY], ['review', r.reviewUntil], true, true).limit(limit).toArray(),
    db.cards.where('[queue+due]').between(['learning', r.learningUntil], ['learning', '\uffff'], false, true).first(),
  ]);
  // New cards come last: read only as many as the day's limit and the answer leave room for.
  const room = Math.min(newLeft(settings.newPerDay, begun), limit - learning.length - review.length);
  const fresh = room > 0 ? await db.cards.where('[queue+due]').between(['new', MIN_KEY], ['new', '\uffff'], true, true).limit(room).toArray() : [];
  const cards = [...learning, ...review, ...fresh].sort(sessionOrder).slice(0, limit);
  const words = await wordsFor(ctx, cards);
  const orphans: string[] = [];
  const items = cards.flatMap((card) => {
    const word = words.get(`${card.source}|${card.key}`);
    if (!word) orphans.push(card.id);
    return word ? [{ card, word }] : [];
  });
  // Cards whose word is gone are removed as they are met (deleting a word removes its cards; these are older ones).
  if (orphans.length > 0) await db.cards.bulkDelete(orphans);
  return { items, nextLearningAt: nextLearning?.due ?? null };
}

/** Adds cards of the chosen kinds for words not yet studied in that kind; cards already there keep their state. */
export async function addCards(db: JieduDB, source: CardSource, keys: readonly string[], kinds: readonly CardKind[], now: Date = new Date()): Promise<{ added: number; existing: number }> {
  const wanted = [...new Set(keys)].flatMap((key) => kinds.map((kind) => cardId(source, key, kind)));
  return db.transaction('rw', db.cards, async () => {
    const have = await db.cards.bulkGet(wanted);
    // A millisecond apart, so that new cards come up in the order they were added.
    const fresh = wanted
      .filter((_, i) => !have[i])
      .map((id, i) => {
        const [, key, kind] = id.split('|') as [string, string, CardKind];
        return newCard(source, key, kind, new Date(now.getTime() + i));
      });
    await db.cards.bulkAdd(fresh);
    return { added: fresh.length, existing: wanted.length - fresh.length };
  });
}

/** Grades a card now: the card's new schedule and its log entry are written together. */
export async function gradeCard(ctx: ReviewContext, id: string, g: ReviewGrade, durationMs: number | null): Promise<{ card: ReviewCard; logId: number }> {
  const { db } = ctx;
  const now = ctx.now?.() ?? new Date();
  const scheduler = schedulerFor(await ctx.settings());
  return db.transaction('rw', db.cards, db.reviewLog, async () => {
    const card = await db.cards.get(id);
    if (!card) throw new Error(`No review card ${id}: it may have been removed.`);
    if (card.suspended) throw new Error('This card is suspended; unsuspend it to grade it.');
    const result = grade(scheduler, card, g, now, durationMs);
    await db.cards.put(result.card);
    const logId = await db.reviewLog.add(result.log);
    return { card: result.card, logId };
  });
}

/** Takes back the last grade given: the card's schedule as it was, the log entry gone; null when there is none to take back. */
export async function undoLastGrade(db: JieduDB): Promise<{ card: ReviewCard } | null> {
  return db.transaction('rw', db.cards, db.reviewLog, async () => {
    const last = await db.reviewLog.orderBy('id').last();
    if (!last || last.id === undefined) return null;
    const card = await db.cards.get(last.cardId);
    // Only a grade that made the card what it is now can be taken back (not one merged in from a backup).
    if (!card || card.lastReview !== last.review || !last.previous) return null;
    await db.reviewLog.delete(last.id);
    const before = undo(card, { ...last, previous: last.previous });
    await db.cards.put(before);
    return { card: before };
  });
}

export async function setSuspended(db: JieduDB, id: string, suspended: boolean): Promise<{ card: ReviewCard }> {
  return db.transaction('rw', db.cards, async () => {
    const card = await db.cards.get(id);
    if (!card) throw new Error(`No review card ${id}.`);
    const next: ReviewCard = { ...card, suspended, queue: queueOf(card.state, suspended) };
    await db.cards.put(next);
    return { card: next };
  });
}

/**
 * Removes the cards whose word is gone: a vocabulary card without its saved word (left by a version
 * that kept them), a glossary card whose entry the glossary no longer has (the glossary changes
 * only with an update of the extension, when this runs).
 */
export async function removeOrphanCards(db: JieduDB, inGlossary: (term: string) => Promise<boolean>): Promise<{ removed: number }> {
  const [cards, words] = await Promise.all([db.cards.toArray(), db.vocabulary.toCollection().primaryKeys()]);
  const saved = new Set(words);
  const terms = new Map<string, boolean>();
  for (const key of new Set(cards.filter((c) => c.source === 'glossary').map((c) => c.key))) terms.set(key, await inGlossary(key));
  const gone = cards.filter((c) => (c.source === 'vocabulary' ? !saved.has(c.key) : !terms.get(c.key))).map((c) => c.id);
  await db.cards.bulkDelete(gone);
  return { removed: gone.length };
}

export async function statistics(ctx: ReviewContext, timeZone: string): Promise<ReviewStats> {
  const now = ctx.now?.() ?? new Date();
  const zone = validTimeZone(timeZone);
  const since = new Date(now.getTime() - 31 * 86_400_000).toISOString();
  const [cards, logs] = await Promise.all([ctx.db.cards.toArray(), ctx.db.reviewLog.where('review').aboveOrEqual(since).toArray()]);
  return reviewStats(cards, logs, now, zone);
}
