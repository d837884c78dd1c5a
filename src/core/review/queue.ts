/**
 * Which cards are due, in the order review shows them: learning cards whose step has come, then
 * cards in review due today (the user's day, in their time zone: a card is due for the whole of
 * its day), then new cards up to the day's limit, oldest first. The background reads each part
 * through the database's [queue+due] index, so the ranges are stated here once.
 */
import type { CardQueue, ReviewCard } from './card.ts';
import type { StudyWord } from './content.ts';
import { localDay } from './day.ts';

export interface DueRanges {
  /** Learning and relearning cards due by now. */
  learningUntil: string;
  /** Review cards due before the user's day ends. */
  reviewUntil: string;
  /** When the user's day started, to count the new cards begun today. */
  dayStart: string;
  /** The user's date (YYYY-MM-DD). */
  today: string;
}

export function dueRanges(now: Date, timeZone: string): DueRanges {
  const day = localDay(now, timeZone);
  return { learningUntil: now.toISOString(), reviewUntil: new Date(day.end - 1).toISOString(), dayStart: new Date(day.start).toISOString(), today: day.date };
}

/** New cards still to show today. */
export function newLeft(newPerDay: number, newBegunToday: number): number {
  return Math.max(0, newPerDay - newBegunToday);
}

export interface DueCounts {
  new: number;
  learning: number;
  review: number;
}

export function totalDue(c: DueCounts): number {
  return c.new + c.learning + c.review;
}

const ORDER: Record<CardQueue, number> = { learning: 0, review: 1, new: 2, suspended: 3 };

/** The session's order, for cards already known to be due. */
export function sessionOrder(a: Pick<ReviewCard, 'queue' | 'due'>, b: Pick<ReviewCard, 'queue' | 'due'>): number {
  return ORDER[a.queue] - ORDER[b.queue] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);
}

export interface ReviewItem {
  card: ReviewCard;
  word: StudyWord;
}

/** What the review page asks for first: the next cards with their words. */
export interface ReviewQueue {
  items: ReviewItem[];
  /** When the next learning card comes due, if none is due now (the page waits for it). */
  nextLearningAt: string | null;
}

/** How many cards are due now (asked for apart from the cards: counting walks every due card). */
export interface DueCount extends DueCounts {
  /** Cards due now, all queues. */
  total: number;
  /** Cards in the collection, suspended ones included. */
  cards: number;
}
