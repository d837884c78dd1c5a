/** Review statistics people look at as charts: what comes due, how much was reviewed, how much was remembered. */
import { localDate, localDay } from './day.ts';
import type { ReviewCard, ReviewLogEntry } from './card.ts';

export interface DayCount {
  date: string;
  count: number;
}

export interface ReviewStats {
  /** Cards coming due on each of the next `days` days (today first, overdue cards counted today). */
  forecast: DayCount[];
  /** Reviews on each of the last `days` days (today last). */
  reviewsPerDay: DayCount[];
  /** Share of reviews of cards in review (not learning) graded Hard, Good or Easy, over the last `days` days; null with none. */
  retention: number | null;
  /** Reviews the retention is measured on. */
  retentionOf: number;
  cards: { total: number; new: number; learning: number; review: number; suspended: number };
}

function days(first: Date, n: number, step: 1 | -1, timeZone: string): string[] {
  const out: string[] = [];
  let t = localDay(first, timeZone);
  for (let k = 0; k < n; k++) {
    out.push(t.date);
    t = localDay(new Date(step === 1 ? t.end + 1 : t.start - 1), timeZone);
  }
  return out;
}

export function reviewStats(
  cards: Iterable<Pick<ReviewCard, 'queue' | 'due'>>,
  logs: Iterable<Pick<ReviewLogEntry, 'review' | 'state' | 'grade'>>,
  now: Date,
  timeZone: string,
  span = 30,
): ReviewStats {
  const ahead = days(now, span, 1, timeZone);
  const behind = days(now, span, -1, timeZone).reverse();
  const today = ahead[0]!;
  const forecast = new Map(ahead.map((d) => [d, 0]));
  const perDay = new Map(behind.map((d) => [d, 0]));
  const counts = { total: 0, new: 0, learning: 0, review: 0, suspended: 0 };
  // The local day of a time is found once per distinct UTC minute (every zone offset is whole minutes).
  const dayOfDue = new Map<string, string>();
  for (const c of cards) {
    counts.total++;
    counts[c.queue]++;
    if (c.queue !== 'review' && c.queue !== 'learning') continue;
    const key = c.due.slice(0, 16);
    let d = dayOfDue.get(key);
    if (d === undefined) {
      d = localDate(Date.parse(c.due), timeZone);
      dayOfDue.set(key, d);
    }
    if (d < today) d = today;
    if (forecast.has(d)) forecast.set(d, forecast.get(d)! + 1);
  }
  let recalled = 0;
  let measured = 0;
  const first = behind[0]!;
  for (const l of logs) {
    const key = l.review.slice(0, 16);
    let d = dayOfDue.get(key);
    if (d === undefined) {
      d = localDate(Date.parse(l.review), timeZone);
      dayOfDue.set(key, d);
    }
    if (d < first) continue;
    if (perDay.has(d)) perDay.set(d, perDay.get(d)! + 1);
    if (l.state === 2) {
      measured++;
      if (l.grade > 1) recalled++;
    }
  }
  return {
    forecast: [...forecast].map(([date, count]) => ({ date, count })),
    reviewsPerDay: [...perDay].map(([date, count]) => ({ date, count })),
    retention: measured === 0 ? null : recalled / measured,
    retentionOf: measured,
    cards: counts,
  };
}
