/**
 * Review cards and the review log. A card is one way of studying one saved word or glossary entry
 * (its kind); its scheduling state is FSRS's (ts-fsrs), with dates kept as ISO strings so that
 * records stay plain JSON in IndexedDB and in backups.
 */
import * as v from 'valibot';

export const CARD_KINDS = ['recognition', 'recall', 'pinyin'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
/** Where a card's word comes from: a saved word (keyed by its simplified form) or a glossary entry (its term). */
export const CARD_SOURCES = ['vocabulary', 'glossary'] as const;
export type CardSource = (typeof CARD_SOURCES)[number];
/** FSRS's card states: 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
export type FsrsStateNumber = 0 | 1 | 2 | 3;
/** The queue a card waits in: what the database indexes, with its due date, to find the next cards. */
const CARD_QUEUES = ['new', 'learning', 'review', 'suspended'] as const;
export type CardQueue = (typeof CARD_QUEUES)[number];
/** Grades as FSRS numbers them: Again, Hard, Good, Easy. */
export const GRADES = [1, 2, 3, 4] as const;
export type ReviewGrade = (typeof GRADES)[number];

/** The scheduling part of a card: ts-fsrs's Card, dates as ISO strings. */
export interface Schedule {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: FsrsStateNumber;
  lastReview: string | null;
}

export interface ReviewCard extends Schedule {
  /** `source|key|kind`: one card per word and kind. */
  id: string;
  source: CardSource;
  /** The saved word's simplified form, or the glossary term. */
  key: string;
  kind: CardKind;
  queue: CardQueue;
  suspended: boolean;
  createdAt: string;
}

/** One grade given: ts-fsrs's review log, plus the card's schedule before it (so that undo is exact). */
export interface ReviewLogEntry {
  id?: number;
  cardId: string;
  grade: ReviewGrade;
  /** The card's FSRS state when it was graded. */
  state: FsrsStateNumber;
  /** When it was graded (ISO). */
  review: string;
  /** Days from this review to the next due date the grade gave. */
  scheduledDays: number;
  elapsedDays: number;
  stability: number;
  difficulty: number;
  /** Time spent on the card from showing it to the grade, when the page measured it. */
  durationMs: number | null;
  /** The schedule before the grade, for undo; backups leave it out (a grade merged from one is never undone). */
  previous?: Schedule;
}

export function cardId(source: CardSource, key: string, kind: CardKind): string {
  return `${source}|${key}|${kind}`;
}

export function queueOf(state: FsrsStateNumber, suspended: boolean): CardQueue {
  if (suspended) return 'suspended';
  if (state === 0) return 'new';
  return state === 2 ? 'review' : 'learning';
}

/** A card never reviewed: due at once, in the new queue. */
export function newCard(source: CardSource, key: string, kind: CardKind, now: Date): ReviewCard {
  const stamp = now.toISOString();
  return {
    id: cardId(source, key, kind),
    source,
    key,
    kind,
    queue: 'new',
    suspended: false,
    createdAt: stamp,
    due: stamp,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  };
}

export const REVIEW_LIMITS = { keyChars: 100, durationMs: 86_400_000 } as const;

const iso = v.pipe(v.string(), v.isoTimestamp());
const nonNegative = v.pipe(v.number(), v.minValue(0), v.maxValue(1e7));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7));
const fsrsState = v.picklist([0, 1, 2, 3] as const);

const ScheduleSchema = v.strictObject({
  due: iso,
  stability: nonNegative,
  difficulty: nonNegative,
  elapsedDays: nonNegative,
  scheduledDays: nonNegative,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  lastReview: v.nullable(iso),
});

export const ReviewCardSchema = v.pipe(
  v.strictObject({
    ...ScheduleSchema.entries,
    id: v.pipe(v.string(), v.maxLength(REVIEW_LIMITS.keyChars + 40)),
    source: v.picklist(CARD_SOURCES),
    key: v.pipe(v.string(), v.minLength(1), v.maxLength(REVIEW_LIMITS.keyChars)),
    kind: v.picklist(CARD_KINDS),
    queue: v.picklist(CARD_QUEUES),
    suspended: v.boolean(),
    createdAt: iso,
  }),
  v.check((c) => c.id === cardId(c.source, c.key, c.kind), 'card id must be source|key|kind'),
  v.check((c) => c.queue === queueOf(c.state, c.suspended), 'card queue must follow its state'),
);

export const ReviewLogEntrySchema = v.strictObject({
  id: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  cardId: v.pipe(v.string(), v.maxLength(REVIEW_LIMITS.keyChars + 40)),
  grade: v.picklist(GRADES),
  state: fsrsState,
  review: iso,
  scheduledDays: nonNegative,
  elapsedDays: nonNegative,
  stability: nonNegative,
  difficulty: nonNegative,
  durationMs: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(REVIEW_LIMITS.durationMs))),
  previous: v.optional(ScheduleSchema),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const cardMatches: Same<v.InferOutput<typeof ReviewCardSchema>, ReviewCard> = true;
const logMatches: Same<v.InferOutput<typeof ReviewLogEntrySchema>, ReviewLogEntry> = true;
void cardMatches;
void logMatches;
