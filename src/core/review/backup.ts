/**
 * Review data in a backup: cards merged by id (the one reviewed later wins, so importing an
 * older backup never rolls a card back), log entries by card and time (ids are local to one
 * database and are left for it to assign).
 */
import type { ReviewCard, ReviewLogEntry } from './card.ts';

export interface ReviewData {
  cards: readonly ReviewCard[];
  log: readonly ReviewLogEntry[];
}

export interface ReviewMerge {
  toPut: { cards: ReviewCard[]; log: ReviewLogEntry[] };
  added: { cards: number; log: number };
  updated: { cards: number };
}

/** Later is the card reviewed more recently, then the one reviewed more often. */
function later(a: ReviewCard, b: ReviewCard): boolean {
  const ra = a.lastReview ?? '';
  const rb = b.lastReview ?? '';
  return ra !== rb ? ra > rb : a.reps > b.reps || (a.reps === b.reps && a.suspended !== b.suspended && a.suspended);
}

const logKey = (l: Pick<ReviewLogEntry, 'cardId' | 'review'>) => `${l.cardId}\u0000${l.review}`;

export function mergeReview(current: ReviewData, incoming: ReviewData): ReviewMerge {
  const out: ReviewMerge = { toPut: { cards: [], log: [] }, added: { cards: 0, log: 0 }, updated: { cards: 0 } };
  const byId = new Map(current.cards.map((c) => [c.id, c]));
  for (const c of incoming.cards) {
    const existing = byId.get(c.id);
    if (!existing) out.added.cards++;
    else if (later(c, existing)) out.updated.cards++;
    else continue;
    byId.set(c.id, c);
    out.toPut.cards.push(c);
  }
  const seen = new Set(current.log.map(logKey));
  for (const l of incoming.log) {
    const key = logKey(l);
    if (seen.has(key)) continue;
    seen.add(key);
    const { id: _id, ...entry } = l;
    out.toPut.log.push(entry);
    out.added.log++;
  }
  return out;
}
