/**
 * Grading through FSRS (ts-fsrs). Fuzz is off, so a grade at a given time always gives the same
 * due date, the one the tests and the user can check against ts-fsrs itself.
 */
import { fsrs, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import { queueOf, type FsrsStateNumber, type ReviewCard, type ReviewGrade, type ReviewLogEntry, type Schedule } from './card.ts';
import type { ReviewSettings } from './settings.ts';

export function schedulerFor(settings: Pick<ReviewSettings, 'retention' | 'learningSteps' | 'relearningSteps' | 'maximumInterval'>): FSRS {
  const minutes = (m: number): StepUnit => `${m}m`;
  return fsrs({
    request_retention: settings.retention,
    maximum_interval: settings.maximumInterval,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: settings.learningSteps.map(minutes),
    relearning_steps: settings.relearningSteps.map(minutes),
  });
}

export function toFsrsCard(s: Schedule): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    ...(s.lastReview ? { last_review: new Date(s.lastReview) } : {}),
  };
}

export function scheduleOf(c: Card): Schedule {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as number as FsrsStateNumber,
    lastReview: c.last_review ? c.last_review.toISOString() : null,
  };
}

export function pickSchedule(card: ReviewCard): Schedule {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

/** The card after a grade at `now`, and the log entry that records it. */
export function grade(scheduler: FSRS, card: ReviewCard, g: ReviewGrade, now: Date, durationMs: number | null = null): { card: ReviewCard; log: ReviewLogEntry & { previous: Schedule } } {
  const { card: next, log } = scheduler.next(toFsrsCard(card), now, g as Grade);
  const schedule = scheduleOf(next);
  return {
    card: { ...card, ...schedule, queue: queueOf(schedule.state, card.suspended) },
    log: {
      cardId: card.id,
      grade: g,
      state: card.state,
      review: now.toISOString(),
      scheduledDays: next.scheduled_days,
      elapsedDays: log.elapsed_days,
      stability: next.stability,
      difficulty: next.difficulty,
      durationMs,
      previous: pickSchedule(card),
    },
  };
}

/** The card as it was before the logged grade. */
export function undo(card: ReviewCard, log: ReviewLogEntry & { previous: Schedule }): ReviewCard {
  return { ...card, ...log.previous, queue: queueOf(log.previous.state, card.suspended) };
}

/** How likely the card is to be recalled at `now` (0–1), or null for a card never reviewed. */
export function retrievability(scheduler: FSRS, card: Schedule, now: Date): number | null {
  if (card.state === 0) return null;
  return scheduler.get_retrievability(toFsrsCard(card), now, false);
}

/** How long each grade would put the card away for, from `now`, in milliseconds (shown under the grade buttons). */
export function gradeIntervals(scheduler: FSRS, card: Schedule, now: Date): Record<ReviewGrade, number> {
  const preview = scheduler.repeat(toFsrsCard(card), now);
  const ms = (g: ReviewGrade) => preview[g].card.due.getTime() - now.getTime();
  return { 1: ms(1), 2: ms(2), 3: ms(3), 4: ms(4) };
}
