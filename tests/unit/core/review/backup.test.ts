/** Backups carry review cards and the review log: a round trip of 10,000 cards and 100,000 log entries, old backups, merging. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JieduDB } from '../../../../src/background/db.ts';
import { exportBackup, importBackup } from '../../../../src/background/library-admin.ts';
import { undoLastGrade } from '../../../../src/background/review.ts';
import { BACKUP_VERSION, makeBackup, parseBackup, serializeBackup } from '../../../../src/core/export/backup.ts';
import { DEFAULT_ANKI_SETTINGS } from '../../../../src/core/anki-settings.ts';
import { mergeReview } from '../../../../src/core/review/backup.ts';
import { newCard, type ReviewCard, type ReviewGrade, type ReviewLogEntry } from '../../../../src/core/review/card.ts';
import { grade, schedulerFor } from '../../../../src/core/review/schedule.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../../../src/core/review/settings.ts';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const newDb = () => new JieduDB(`backup-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

/** `cards` cards, each graded `grades` times at growing intervals (generated test data, scheduled by FSRS). */
function studied(cards: number, grades: number): { cards: ReviewCard[]; log: ReviewLogEntry[] } {
  const scheduler = schedulerFor(DEFAULT_REVIEW_SETTINGS);
  const outCards: ReviewCard[] = [];
  const log: ReviewLogEntry[] = [];
  for (let i = 0; i < cards; i++) {
    let card = newCard('vocabulary', `词${i}`, (['recognition', 'recall', 'pinyin'] as const)[i % 3]!, new Date(T0 + i * 1000));
    let t = T0 + i * 1000;
    for (let k = 0; k < grades; k++) {
      t = Math.max(t + 60_000, Date.parse(card.due));
      const r = grade(scheduler, card, (((i + k) % 4) + 1) as ReviewGrade, new Date(t), 1000 + k);
      card = r.card;
      log.push({ ...r.log, id: log.length + 1 });
    }
    outCards.push(i % 97 === 0 ? { ...card, suspended: true, queue: 'suspended' } : card);
  }
  return { cards: outCards, log };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const withoutIds = (log: ReviewLogEntry[]) => log.map(({ id: _id, ...l }) => l).sort((a, b) => (a.cardId + a.review < b.cardId + b.review ? -1 : 1));

describe('review data in backups', () => {
  it('round-trips 10,000 cards and 100,000 log entries through a backup file into an empty library', () => {
    const data = studied(10_000, 10);
    expect(data.log).toHaveLength(100_000);
    const backup = makeBackup({ articles: [], vocabulary: [], settings: { ...DEFAULT_SETTINGS }, cards: data.cards, reviewLog: data.log }, new Date(T0));
    const back = parseBackup(serializeBackup(backup));
    expect(back).toEqual(backup);
    const merged = mergeReview({ cards: [], log: [] }, { cards: back.cards, log: back.reviewLog });
    expect(merged.added).toEqual({ cards: 10_000, log: 100_000 });
    expect(merged.toPut.cards).toEqual(data.cards);
    expect(withoutIds(merged.toPut.log)).toEqual(withoutIds(data.log));
    // The same file again adds nothing.
    const again = mergeReview({ cards: merged.toPut.cards, log: merged.toPut.log }, { cards: back.cards, log: back.reviewLog });
    expect(again.toPut).toEqual({ cards: [], log: [] });
  }, 60_000);

  it('carries cards and log through export, an empty database and import (1,000 cards, 10,000 grades)', async () => {
    const data = studied(1_000, 10);
    const source = newDb();
    await source.cards.bulkAdd(data.cards);
    await source.reviewLog.bulkAdd(data.log);
    const { text } = await exportBackup(source, { settings: DEFAULT_SETTINGS, reviewSettings: DEFAULT_REVIEW_SETTINGS, ankiSettings: DEFAULT_ANKI_SETTINGS }, new Date(T0));
    const target = newDb();
    expect((await importBackup(target, text)).review).toEqual({ cardsAdded: 1_000, cardsUpdated: 0, logAdded: 10_000 });
    expect((await target.cards.toArray()).sort(byId)).toEqual([...data.cards].sort(byId));
    // The file leaves out the schedule before each grade (kept for undo only).
    expect(withoutIds(await target.reviewLog.toArray())).toEqual(withoutIds(data.log.map(({ previous: _p, ...l }) => l)));
    expect((await importBackup(target, text)).review).toEqual({ cardsAdded: 0, cardsUpdated: 0, logAdded: 0 });
    expect(await target.reviewLog.count()).toBe(10_000);
  }, 60_000);

  it('still imports a version 1 backup (no review data), losing nothing of it', async () => {
    const text = readFileSync(new URL('../../../fixtures/export-golden/backup-v1.json', import.meta.url), 'utf8');
    expect(JSON.parse(text).version).toBe(1);
    const backup = parseBackup(text);
    expect(backup).toMatchObject({ version: BACKUP_VERSION, cards: [], reviewLog: [], reviewSettings: {}, ankiSettings: {} });
    const db = newDb();
    const result = await importBackup(db, text);
    expect(result.added.vocabulary).toBe(JSON.parse(text).vocabulary.length);
    expect(await db.vocabulary.count()).toBe(JSON.parse(text).vocabulary.length);
    expect(result.review).toEqual({ cardsAdded: 0, cardsUpdated: 0, logAdded: 0 });
  });

  it('still imports a version 2 backup (no review or AnkiConnect settings), losing nothing of it', async () => {
    const text = readFileSync(new URL('../../../fixtures/export-golden/backup-v2.json', import.meta.url), 'utf8');
    const file = JSON.parse(text) as { version: number; vocabulary: unknown[]; settings: object };
    expect(file.version).toBe(2);
    const backup = parseBackup(text);
    expect(backup).toMatchObject({ version: BACKUP_VERSION, settings: file.settings, reviewSettings: {}, ankiSettings: {} });
    const db = newDb();
    const result = await importBackup(db, text);
    expect(result.added.vocabulary).toBe(file.vocabulary.length);
    expect(await db.vocabulary.count()).toBe(file.vocabulary.length);
  });

  it('refuses a backup with a bad card, naming it', () => {
    const data = studied(2, 1);
    const backup = makeBackup({ articles: [], vocabulary: [], settings: {}, cards: data.cards, reviewLog: data.log });
    const bad = JSON.parse(serializeBackup(backup));
    bad.cards[1].queue = 'review';
    bad.cards[1].state = 0;
    expect(() => parseBackup(JSON.stringify(bad))).toThrow(/cards\[1\] \(vocabulary\|词1\|recall\): card queue must follow its state/);
  });

  it('an older backup never rolls a card back; log entries are merged by card and time', () => {
    const later = studied(1, 3);
    const earlier = studied(1, 2);
    const merged = mergeReview({ cards: later.cards, log: later.log }, { cards: earlier.cards, log: earlier.log });
    expect(merged.toPut.cards).toEqual([]);
    expect(merged.added.log).toBe(0);
    const forward = mergeReview({ cards: earlier.cards, log: earlier.log }, { cards: later.cards, log: later.log });
    expect(forward.updated.cards).toBe(1);
    expect(forward.added.log).toBe(1);
    expect(forward.toPut.log[0]).not.toHaveProperty('id');
  });

  it('undo does not take back a grade that an import merged in behind the card', async () => {
    const db = newDb();
    const later = studied(1, 3);
    await db.cards.bulkPut(later.cards);
    // A log entry from another device, older than the card's own last review, added last.
    await db.reviewLog.add({ ...later.log[0]!, id: undefined, review: '2024-12-31T00:00:00.000Z' } as ReviewLogEntry);
    expect(await undoLastGrade(db)).toBeNull();
    expect(await db.cards.toArray()).toEqual(later.cards);
  });
});
