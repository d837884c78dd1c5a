/** The review messages' handlers, and the review section of the settings item. */
import * as v from 'valibot';
import { fromPages, type Handlers } from '../messaging/router.ts';
import type { JieduDB } from './db.ts';
import type { GlossaryService } from './glossary.ts';
import type { BuiltEntry } from '../core/glossary/types.ts';
import type { ReviewAddParams } from '../messaging/protocol.ts';
import { ReviewSettingsSchema, reviewSettingsFrom, type ReviewSettings, type ReviewSettingsPatch } from '../core/review/settings.ts';
import { loadSection, saveSection } from '../platform/settings-store.ts';
import { addCards, dueCount, gradeCard, reviewQueue, setSuspended, statistics, undoLastGrade, type ReviewContext } from './review.ts';

export async function readReviewSettings(): Promise<ReviewSettings> {
  return reviewSettingsFrom(await loadSection('review'));
}

async function writeReviewSettings(patch: ReviewSettingsPatch): Promise<ReviewSettings> {
  const next = v.parse(ReviewSettingsSchema, { ...(await readReviewSettings()), ...patch });
  await saveSection('review', next);
  return next;
}

type ReviewHandlers = Pick<Handlers, `review/${string}` & keyof Handlers>;

/** Keys of the words `params` names (see ReviewAddParams). */
async function keysToAdd(db: JieduDB, glossary: () => Promise<GlossaryService>, params: ReviewAddParams): Promise<string[]> {
  if (params.keys) return params.keys;
  if (params.source === 'vocabulary') {
    const words = (await db.vocabulary.toArray()) as unknown as { simplified: string; contexts: { articleUrl: string }[] }[];
    return words.filter((w) => params.articleUrl === null || w.contexts.some((c) => c.articleUrl === params.articleUrl)).map((w) => w.simplified);
  }
  const g = await glossary();
  if (params.articleUrl !== null) return (await g.inArticle(db, params.articleUrl)).map((t) => t.term);
  return g.search('', params.category, 1_000_000).items.map((e) => e.simplified);
}

export function reviewHandlers(db: JieduDB, glossary: () => Promise<GlossaryService>): ReviewHandlers {
  const glossaryEntry = async (term: string): Promise<BuiltEntry | null> => (await glossary()).byTerm(term);
  const ctx: ReviewContext = { db, settings: readReviewSettings, glossaryEntry };
  return {
    'review/queue': fromPages(async ({ timeZone, limit }) => reviewQueue(ctx, timeZone, limit)),
    'review/count': fromPages(async ({ timeZone }) => dueCount(ctx, timeZone)),
    'review/grade': fromPages(async ({ cardId, grade, durationMs }) => gradeCard(ctx, cardId, grade, durationMs)),
    'review/undo': fromPages(async () => undoLastGrade(db)),
    'review/suspend': fromPages(async ({ cardId, suspended }) => setSuspended(db, cardId, suspended)),
    'review/add': fromPages(async (params) => addCards(db, params.source, await keysToAdd(db, glossary, params), (await readReviewSettings()).kinds)),
    'review/stats': fromPages(async ({ timeZone }) => statistics(ctx, timeZone)),
    'review/settings': fromPages(async (patch) => (Object.keys(patch).length === 0 ? readReviewSettings() : writeReviewSettings(patch))),
  };
}
