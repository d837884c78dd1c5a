/** Review settings: what cards are made, how much is new each day, and what FSRS aims for. */
import * as v from 'valibot';
import { CARD_KINDS, type CardKind } from './card.ts';

export interface ReviewSettings {
  /** Card kinds made for each word added to review. */
  kinds: CardKind[];
  /** Add every word saved to the vocabulary to review as it is saved. */
  autoAddSaved: boolean;
  /** FSRS's desired retention: the probability of recalling a card when it comes due. */
  retention: number;
  /** New cards shown per day (the user's day, in their time zone). */
  newPerDay: number;
  /** Learning steps in minutes before a new card graduates to days; relearning steps after a lapse. */
  learningSteps: number[];
  relearningSteps: number[];
  /** The longest interval FSRS may give, in days. */
  maximumInterval: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  kinds: ['recognition'],
  autoAddSaved: true,
  retention: 0.9,
  newPerDay: 20,
  learningSteps: [1, 10],
  relearningSteps: [10],
  maximumInterval: 36_500,
};

const steps = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60 * 24 * 7))), v.maxLength(10));

export const ReviewSettingsSchema = v.strictObject({
  kinds: v.pipe(
    v.array(v.picklist(CARD_KINDS)),
    v.minLength(1),
    v.maxLength(CARD_KINDS.length),
    v.check((k) => new Set(k).size === k.length, 'each kind once'),
  ),
  autoAddSaved: v.boolean(),
  retention: v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
  newPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
  learningSteps: steps,
  relearningSteps: steps,
  maximumInterval: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36_500)),
});

export const ReviewSettingsPatchSchema = v.partial(ReviewSettingsSchema);
export type ReviewSettingsPatch = Partial<ReviewSettings>;

/** The stored settings with each invalid or missing field at its default (an older shape is not fatal). */
export function reviewSettingsFrom(stored: unknown): ReviewSettings {
  const out: Record<string, unknown> = { ...DEFAULT_REVIEW_SETTINGS };
  if (typeof stored === 'object' && stored !== null) {
    for (const [key, schema] of Object.entries(ReviewSettingsSchema.entries)) {
      const parsed = v.safeParse(schema, (stored as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.output;
    }
  }
  return out as unknown as ReviewSettings;
}
