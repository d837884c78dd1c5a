/** Scheduling with a fixed clock: Jiedu's grades give what ts-fsrs gives, learning steps hold, undo is exact. */
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { newCard, type ReviewCard, type ReviewGrade } from '../../../../src/core/review/card.ts';
import { grade, schedulerFor, undo } from '../../../../src/core/review/schedule.ts';
import { DEFAULT_REVIEW_SETTINGS, reviewSettingsFrom } from '../../../../src/core/review/settings.ts';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

function run(grades: [ReviewGrade, number][], settings = DEFAULT_REVIEW_SETTINGS): ReviewCard[] {
  const scheduler = schedulerFor(settings);
  let card = newCard('vocabulary', '外交', 'recognition', T0);
  const out: ReviewCard[] = [];
  for (const [g, t] of grades) {
    card = grade(scheduler, card, g, at(t)).card;
    out.push(card);
  }
  return out;
}

describe('scheduling', () => {
  it('walks the learning steps (1 min, 10 min) before a new card graduates to days', () => {
    const [again, good1, good2, good3] = run([
      [1, 0],
      [3, minutes(1)],
      [3, minutes(11)],
      [3, minutes(22)],
    ]);
    expect(again!.due).toBe(at(minutes(1)).toISOString());
    expect(again!.queue).toBe('learning');
    expect(good1!.due).toBe(at(minutes(11)).toISOString());
    expect(good1!.queue).toBe('learning');
    // Good on the last step graduates: due a whole number of days later, in review.
    expect(good2!.queue).toBe('review');
    expect(good2!.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(Date.parse(good2!.due) - at(minutes(11)).getTime()).toBe(days(good2!.scheduledDays));
    expect(good3!.state).toBe(2);
  });

  it('gives the due dates ts-fsrs gives for the same grades at the same times', () => {
    const grades: [ReviewGrade, number][] = [
      [3, 0],
      [3, minutes(10)],
      [2, days(3)],
      [1, days(12)],
      [3, days(12) + minutes(10)],
      [4, days(20)],
    ];
    const ours = run(grades);
    const f = fsrs({ request_retention: 0.9, enable_fuzz: false, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], maximum_interval: 36_500 });
    let card = createEmptyCard(T0);
    grades.forEach(([g, t], k) => {
      card = f.next(card, at(t), g as number as Rating.Again).card;
      expect(ours[k]!.due, `grade ${k + 1}`).toBe(card.due.toISOString());
      expect(ours[k]!.stability).toBeCloseTo(card.stability, 10);
    });
    // A lapse is counted, and relearning follows the relearning step.
    expect(ours[3]!.lapses).toBe(1);
    expect(ours[3]!.queue).toBe('learning');
    expect(ours[3]!.due).toBe(at(days(12) + minutes(10)).toISOString());
  });

  it('asks for more reviews when the desired retention is higher', () => {
    const grades: [ReviewGrade, number][] = [
      [3, 0],
      [3, minutes(10)],
      [3, days(5)],
    ];
    const low = run(grades, { ...DEFAULT_REVIEW_SETTINGS, retention: 0.8 }).at(-1)!;
    const high = run(grades, { ...DEFAULT_REVIEW_SETTINGS, retention: 0.97 }).at(-1)!;
    expect(high.scheduledDays).toBeLessThan(low.scheduledDays);
  });

  it('undo puts back the card exactly as it was before the grade', () => {
    const scheduler = schedulerFor(DEFAULT_REVIEW_SETTINGS);
    const start = run([
      [3, 0],
      [3, minutes(10)],
    ]).at(-1)!;
    const { card, log } = grade(scheduler, start, 1, at(days(4)), 4200);
    expect(card).not.toEqual(start);
    expect(log).toMatchObject({ cardId: start.id, grade: 1, state: 2, review: at(days(4)).toISOString(), durationMs: 4200 });
    expect(undo(card, log)).toEqual(start);
  });

  it('a suspended card keeps its queue after a grade is undone', () => {
    const scheduler = schedulerFor(DEFAULT_REVIEW_SETTINGS);
    const start = newCard('glossary', '一带一路', 'recall', T0);
    const { card, log } = grade(scheduler, start, 3, T0);
    expect(undo({ ...card, suspended: true }, log).queue).toBe('suspended');
  });

  it('stored settings out of range fall back to the defaults, field by field', () => {
    const s = reviewSettingsFrom({ retention: 1.5, newPerDay: 5, kinds: ['recall', 'pinyin'], learningSteps: 'x' });
    expect(s.retention).toBe(0.9);
    expect(s.newPerDay).toBe(5);
    expect(s.kinds).toEqual(['recall', 'pinyin']);
    expect(s.learningSteps).toEqual([1, 10]);
    expect(reviewSettingsFrom(null)).toEqual(DEFAULT_REVIEW_SETTINGS);
  });
});
