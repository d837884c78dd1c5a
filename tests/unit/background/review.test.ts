/** Review over the database: cards added, the session's queue and its limits, grades, undo and suspension. */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { JieduDB } from '../../../src/background/db.ts';
import { addCards, dueCount, gradeCard, removeOrphanCards, reviewQueue, setSuspended, statistics, undoLastGrade, type ReviewContext } from '../../../src/background/review.ts';
import { deleteVocabulary, restoreVocabulary } from '../../../src/background/library-admin.ts';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../../src/core/review/settings.ts';
import type { BuiltEntry } from '../../../src/core/glossary/types.ts';
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';
import { readingViewHref } from '../../../src/core/review/content.ts';

const word = (simplified: string, sentence = `我们讨论了${simplified}。`): VocabularyRecord => ({
  simplified,
  traditional: simplified,
  pinyin: 'x',
  english: [`${simplified} in English`],
  contexts: [{ sentence, articleUrl: 'https://www.news.cn/a/c.htm', articleTitle: '新闻', savedAt: '2026-03-01T00:00:00.000Z' }],
  tags: [],
  note: '',
  source: 'dictionary',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
});

const entry: BuiltEntry = {
  simplified: '一带一路',
  traditional: '一帶一路',
  pinyin: 'Yīdài Yīlù',
  english: 'Belt and Road',
  alternatives: ['One Belt One Road'],
  explanation: '',
  category: 'belt-and-road' as BuiltEntry['category'],
  citations: [{ seed: '001', title: '种子', sentence: '共建一带一路。' }],
};

async function setup(settings: Partial<ReviewSettings> = {}, start = '2026-03-02T02:00:00.000Z') {
  const db = new JieduDB(`review-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.vocabulary.bulkAdd([word('外交'), word('会谈'), word('合作')] as never);
  let now = new Date(start);
  const ctx: ReviewContext = {
    db,
    settings: async () => ({ ...DEFAULT_REVIEW_SETTINGS, ...settings }),
    glossaryEntry: async (term) => (term === entry.simplified ? entry : null),
    now: () => now,
  };
  return { db, ctx, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('review in the database', () => {
  it('adds a card per word and kind once; adding again keeps existing cards', async () => {
    const { db } = await setup();
    expect(await addCards(db, 'vocabulary', ['外交', '会谈'], ['recognition', 'recall'])).toEqual({ added: 4, existing: 0 });
    expect(await addCards(db, 'vocabulary', ['外交', '合作'], ['recognition'])).toEqual({ added: 1, existing: 1 });
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual([
      'vocabulary|会谈|recall',
      'vocabulary|会谈|recognition',
      'vocabulary|合作|recognition',
      'vocabulary|外交|recall',
      'vocabulary|外交|recognition',
    ]);
  });

  it('serves new cards up to the daily limit, counted from local midnight', async () => {
    const { db, ctx, setNow } = await setup({ newPerDay: 2 }, '2026-03-02T15:00:00.000Z'); // 23:00 in Shanghai
    await addCards(db, 'vocabulary', ['外交', '会谈', '合作'], ['recognition']);
    let q = await reviewQueue(ctx, 'Asia/Shanghai', 50);
    expect(await dueCount(ctx, 'Asia/Shanghai')).toEqual({ new: 2, learning: 0, review: 0, total: 2, cards: 3 });
    expect(q.items.map((i) => i.card.key)).toHaveLength(2);
    // The page's first question asks for one card: the same first card.
    expect((await reviewQueue(ctx, 'Asia/Shanghai', 1)).items.map((i) => i.card.id)).toEqual([q.items[0]!.card.id]);
    await gradeCard(ctx, q.items[0]!.card.id, 4, 1000); // Easy: straight to review
    await gradeCard(ctx, q.items[1]!.card.id, 4, 1000);
    expect((await dueCount(ctx, 'Asia/Shanghai')).new).toBe(0);
    // In New York it is still the same afternoon: the two were begun today there too.
    expect((await dueCount(ctx, 'America/New_York')).new).toBe(0);
    setNow('2026-03-02T16:01:00.000Z'); // 00:01 in Shanghai: a new day, one new card left
    q = await reviewQueue(ctx, 'Asia/Shanghai', 50);
    expect(q.items).toHaveLength(1);
    expect((await dueCount(ctx, 'Asia/Shanghai')).new).toBe(1);
    expect((await dueCount(ctx, 'America/New_York')).new).toBe(0);
  });

  it('orders learning cards due now, then reviews due today, then new; waits for the next learning step', async () => {
    const { db, ctx, setNow } = await setup({}, '2026-03-02T02:00:00.000Z');
    await addCards(db, 'vocabulary', ['外交', '会谈', '合作'], ['recognition']);
    await gradeCard(ctx, 'vocabulary|会谈|recognition', 1, null); // Again: back in 1 minute
    let q = await reviewQueue(ctx, 'UTC', 50);
    expect(q.items.map((i) => i.card.key)).toEqual(['外交', '合作']);
    expect(q.nextLearningAt).toBe('2026-03-02T02:01:00.000Z');
    setNow('2026-03-02T02:01:00.000Z');
    q = await reviewQueue(ctx, 'UTC', 50);
    expect(q.items.map((i) => `${i.card.queue} ${i.card.key}`)).toEqual(['learning 会谈', 'new 外交', 'new 合作']);
    expect(q.items[0]!.word).toMatchObject({ simplified: '会谈', contexts: [{ sentence: '我们讨论了会谈。' }] });
  });

  it('undo restores the card and removes the log entry; a second undo takes back the grade before', async () => {
    const { db, ctx } = await setup();
    await addCards(db, 'vocabulary', ['外交'], ['recognition']);
    const before = await db.cards.get('vocabulary|外交|recognition');
    const first = await gradeCard(ctx, before!.id, 3, 2000);
    const afterFirst = await db.cards.get(before!.id);
    await gradeCard(ctx, before!.id, 1, 1000);
    expect(await db.reviewLog.count()).toBe(2);
    expect((await undoLastGrade(db))?.card).toEqual(afterFirst);
    expect(first.card).toEqual(afterFirst);
    expect((await undoLastGrade(db))?.card).toEqual(before);
    expect(await db.reviewLog.count()).toBe(0);
    expect(await undoLastGrade(db)).toBeNull();
  });

  it('a suspended card stays out of the queue and the counts until unsuspended, and cannot be graded', async () => {
    const { db, ctx } = await setup();
    await addCards(db, 'vocabulary', ['外交', '会谈'], ['recognition']);
    await setSuspended(db, 'vocabulary|外交|recognition', true);
    expect((await reviewQueue(ctx, 'UTC', 50)).items.map((i) => i.card.key)).toEqual(['会谈']);
    expect((await dueCount(ctx, 'UTC')).total).toBe(1);
    await expect(gradeCard(ctx, 'vocabulary|外交|recognition', 3, null)).rejects.toThrow(/suspended/);
    await setSuspended(db, 'vocabulary|外交|recognition', false);
    expect((await dueCount(ctx, 'UTC')).total).toBe(2);
  });

  it('studies glossary entries with their seed sentences, and skips a card whose word was deleted', async () => {
    const { db, ctx } = await setup();
    await addCards(db, 'glossary', ['一带一路'], ['recall']);
    await addCards(db, 'vocabulary', ['外交'], ['recognition']);
    await db.vocabulary.delete('外交');
    const q = await reviewQueue(ctx, 'UTC', 50);
    expect(q.items).toHaveLength(1);
    expect(q.items[0]!.word).toMatchObject({
      simplified: '一带一路',
      traditional: '一帶一路',
      pinyin: 'Yī dài Yī lù',
      english: ['Belt and Road', 'One Belt One Road'],
      contexts: [{ sentence: '共建一带一路。' }],
    });
  });

  it('deleting a word deletes its cards, so they are neither due nor shown; an undo brings them back with their reviews', async () => {
    const { db, ctx } = await setup();
    await addCards(db, 'vocabulary', ['外交', '会谈'], ['recognition', 'recall']);
    await addCards(db, 'glossary', ['一带一路'], ['recall']);
    await gradeCard(ctx, 'vocabulary|外交|recall', 4, null);
    expect((await dueCount(ctx, 'UTC')).total).toBe(4);
    const { deleted, cards } = await deleteVocabulary(db, ['外交']);
    expect(cards.map((c) => c.id).sort()).toEqual(['vocabulary|外交|recall', 'vocabulary|外交|recognition']);
    expect(await dueCount(ctx, 'UTC')).toMatchObject({ total: 3, cards: 3 });
    expect((await reviewQueue(ctx, 'UTC', 50)).items.map((i) => i.card.key)).not.toContain('外交');
    // The glossary card of a term saved as a word stays: it studies the entry.
    expect(await db.cards.get('glossary|一带一路|recall')).toBeDefined();
    await restoreVocabulary(db, deleted, cards);
    expect(await db.cards.get('vocabulary|外交|recall')).toEqual(cards.find((c) => c.kind === 'recall'));
    expect((await dueCount(ctx, 'UTC')).total).toBe(4);
  });

  it('removes the cards whose word is gone: a vocabulary card without its word, a glossary card whose entry went', async () => {
    const { db } = await setup();
    await addCards(db, 'vocabulary', ['外交'], ['recognition']);
    await addCards(db, 'glossary', ['一带一路', '旧的术语'], ['recall']);
    await db.vocabulary.delete('外交'); // as an older version deleted words, keeping their cards
    await addCards(db, 'vocabulary', ['会谈'], ['recognition']);
    expect(await removeOrphanCards(db, async (term) => term === '一带一路')).toEqual({ removed: 2 });
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual(['glossary|一带一路|recall', 'vocabulary|会谈|recognition']);
  });

  it("marks each sentence whose article is in the library, for the card's link to its reading view", async () => {
    const { db, ctx } = await setup();
    await db.vocabulary.put({
      ...word('外交'),
      contexts: [...word('外交').contexts, { sentence: '外交是大事。', articleUrl: 'https://www.zaobao.com/news/china/story1.html', articleTitle: '早报', savedAt: '2026-03-01T00:00:00.000Z' }],
    } as never);
    await db.articles.add({ url: 'https://www.news.cn/a/c.htm', title: '新闻' } as never);
    await addCards(db, 'vocabulary', ['外交'], ['recognition']);
    const [item] = (await reviewQueue(ctx, 'UTC', 1)).items;
    expect(item!.word.contexts.map((c) => [c.articleUrl, c.inLibrary])).toEqual([
      ['https://www.news.cn/a/c.htm', true],
      ['https://www.zaobao.com/news/china/story1.html', false],
    ]);
    expect(readingViewHref('https://www.news.cn/a/c.htm')).toBe('library.html#read=https%3A%2F%2Fwww.news.cn%2Fa%2Fc.htm');
  });

  it('statistics count what was graded', async () => {
    const { db, ctx } = await setup();
    await addCards(db, 'vocabulary', ['外交', '会谈'], ['recognition']);
    await gradeCard(ctx, 'vocabulary|外交|recognition', 4, null);
    const s = await statistics(ctx, 'UTC');
    expect(s.reviewsPerDay.at(-1)).toEqual({ date: '2026-03-02', count: 1 });
    expect(s.cards).toMatchObject({ total: 2, new: 1, review: 1 });
    expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(1);
  });
});

describe('review messages', () => {
  // That content scripts are refused them is checked on the background's own table (conformance/messages-handled.test.ts).
  it('are validated', async () => {
    const { parseMessage } = await import('../../../src/messaging/schemas.ts');
    const { envelope } = await import('../../../src/messaging/protocol.ts');
    expect(parseMessage(envelope('review/grade', { cardId: 'vocabulary|外交|recognition', grade: 3, durationMs: 1200 }))).toMatchObject({ ok: true });
    expect(parseMessage({ jiedu: 1, name: 'review/grade', params: { cardId: 'x', grade: 5, durationMs: null } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid review\/grade: grade/),
    });
    expect(parseMessage({ jiedu: 1, name: 'review/settings', params: { retention: 2 } })).toMatchObject({ ok: false });
    expect(parseMessage({ jiedu: 1, name: 'review/settings', params: { kinds: ['recall', 'recall'] } })).toMatchObject({ ok: false });
    expect(parseMessage({ jiedu: 1, name: 'review/add', params: { source: 'glossary', keys: null, category: 'nonsense', articleUrl: null } })).toMatchObject({ ok: false });
  });
});
