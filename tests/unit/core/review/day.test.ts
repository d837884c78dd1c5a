/** The user's day in their time zone, across midnight and daylight-saving changes. */
import { describe, expect, it } from 'vitest';
import { localDay, validTimeZone } from '../../../../src/core/review/day.ts';
import { dueRanges, newLeft, sessionOrder, type DueRanges } from '../../../../src/core/review/queue.ts';
import type { ReviewCard } from '../../../../src/core/review/card.ts';

/** A card is due when its queue's range reaches its due time, as the background's queries read the ranges. */
function isDue(card: Pick<ReviewCard, 'queue' | 'due'>, ranges: DueRanges): boolean {
  if (card.queue === 'learning') return card.due <= ranges.learningUntil;
  if (card.queue === 'review') return card.due <= ranges.reviewUntil;
  return card.queue === 'new';
}

describe('the local day', () => {
  it('starts at local midnight in Shanghai, New York and Kathmandu', () => {
    expect(localDay(new Date('2026-03-02T15:59:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-03-02',
      start: Date.parse('2026-03-01T16:00:00Z'),
      end: Date.parse('2026-03-02T16:00:00Z'),
    });
    expect(localDay(new Date('2026-03-02T16:00:00Z'), 'Asia/Shanghai').date).toBe('2026-03-03');
    expect(localDay(new Date('2026-03-02T16:00:00Z'), 'America/New_York')).toMatchObject({ date: '2026-03-02', start: Date.parse('2026-03-02T05:00:00Z') });
    expect(localDay(new Date('2026-03-02T18:14:00Z'), 'Asia/Kathmandu')).toMatchObject({ date: '2026-03-02', end: Date.parse('2026-03-02T18:15:00Z') });
  });

  it('is 23 and 25 hours long on the days clocks change', () => {
    const spring = localDay(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = localDay(new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(validTimeZone('Mars/Olympus')).toBe('UTC');
    expect(validTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
  });
});

describe('what is due', () => {
  // A card in review due at 00:30 on 3 March, Shanghai time.
  const card = { queue: 'review' as const, due: '2026-03-02T16:30:00.000Z' };

  it('a card in review is due for the whole of its local day, and not before it starts', () => {
    expect(isDue(card, dueRanges(new Date('2026-03-02T15:59:00Z'), 'Asia/Shanghai'))).toBe(false); // 23:59 on the 2nd
    expect(isDue(card, dueRanges(new Date('2026-03-02T16:01:00Z'), 'Asia/Shanghai'))).toBe(true); // 00:01 on the 3rd, before 00:30
  });

  it('the same instant is another day in another zone', () => {
    const now = new Date('2026-03-02T16:01:00Z');
    // New York: 11:01 on the 2nd, and the card's due time (11:30) is within that day.
    expect(isDue(card, dueRanges(now, 'America/New_York'))).toBe(true);
    // Auckland: 05:01 on the 3rd, the card due at 05:30 the same day.
    expect(isDue(card, dueRanges(now, 'Pacific/Auckland'))).toBe(true);
    // A card due at 11:30 UTC on the 3rd: 00:30 on the 4th in Auckland, 06:30 on the 3rd in New York, so due in neither today.
    const later = { queue: 'review' as const, due: '2026-03-03T11:30:00.000Z' };
    expect(isDue(later, dueRanges(now, 'Pacific/Auckland'))).toBe(false); // 00:30 on the 4th in Auckland
    expect(isDue(later, dueRanges(now, 'America/New_York'))).toBe(false);
  });

  it('a learning card is due at its minute, not at the end of the day', () => {
    const learning = { queue: 'learning' as const, due: '2026-03-02T10:10:00.000Z' };
    expect(isDue(learning, dueRanges(new Date('2026-03-02T10:09:00Z'), 'UTC'))).toBe(false);
    expect(isDue(learning, dueRanges(new Date('2026-03-02T10:10:00Z'), 'UTC'))).toBe(true);
    expect(isDue({ queue: 'suspended', due: '2000-01-01T00:00:00.000Z' }, dueRanges(new Date(), 'UTC'))).toBe(false);
  });

  it('the new-card limit counts from the start of the local day', () => {
    const r = dueRanges(new Date('2026-03-02T15:00:00Z'), 'Asia/Shanghai');
    expect(r).toMatchObject({ today: '2026-03-02', dayStart: '2026-03-01T16:00:00.000Z' });
    expect(newLeft(20, 7)).toBe(13);
    expect(newLeft(20, 25)).toBe(0);
  });

  it('orders learning before review before new, each by due time', () => {
    const cards = [
      { queue: 'new' as const, due: '2026-01-01T00:00:00.000Z' },
      { queue: 'review' as const, due: '2026-03-01T00:00:00.000Z' },
      { queue: 'learning' as const, due: '2026-03-02T00:00:00.000Z' },
      { queue: 'review' as const, due: '2026-02-01T00:00:00.000Z' },
    ];
    expect([...cards].sort(sessionOrder).map((c) => `${c.queue} ${c.due.slice(0, 7)}`)).toEqual(['learning 2026-03', 'review 2026-02', 'review 2026-03', 'new 2026-01']);
  });
});
