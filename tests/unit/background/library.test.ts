import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { JieduDB } from '../../../src/background/db.ts';
import { getArticle, libraryStats, saveArticle } from '../../../src/background/library.ts';
import { errorKind } from '../../../src/core/errors.ts';
import { contentHash } from '../../../src/core/article.ts';
import { sampleArticle } from '../../support/sample-article.ts';

const freshDb = () => new JieduDB(`lib-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('saveArticle', () => {
  it('adds, then recognises an unchanged revisit, then updates a changed one keeping the first save time', async () => {
    const db = freshDb();
    const a = sampleArticle();
    const first = await saveArticle(db, a, new Date('2026-01-01T00:00:00Z'));
    expect(first).toMatchObject({ status: 'added', libraryCount: 1, firstSavedAt: '2026-01-01T00:00:00.000Z' });

    const again = await saveArticle(db, a, new Date('2026-01-02T00:00:00Z'));
    expect(again).toMatchObject({ status: 'unchanged', id: first.id, libraryCount: 1 });

    const paragraphs = [...a.paragraphs, '新增一段。'];
    const changed = { ...a, paragraphs, contentHash: contentHash(a.title, paragraphs) };
    const updated = await saveArticle(db, changed, new Date('2026-01-03T00:00:00Z'));
    expect(updated).toMatchObject({ status: 'updated', id: first.id, firstSavedAt: '2026-01-01T00:00:00.000Z', libraryCount: 1 });

    const stored = await getArticle(db, a.url);
    expect(stored?.paragraphs).toEqual(paragraphs);
    expect(stored?.firstSavedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(stored?.lastSavedAt).toBe('2026-01-03T00:00:00.000Z');
  });

  it('keeps articles apart by canonical URL', async () => {
    const db = freshDb();
    await saveArticle(db, sampleArticle());
    await saveArticle(db, sampleArticle({ url: 'https://www.news.cn/20240706/0123456789abcdef0123456789abcdef/c.html', site: 'xinhua' }));
    expect(await libraryStats(db)).toEqual({ articles: 2, vocabulary: 0 });
    expect((await db.articles.toArray()).map((x) => x.site).sort()).toEqual(['guancha', 'xinhua']);
  });

  it('reports a full quota clearly and keeps what was already saved', async () => {
    const db = freshDb();
    await saveArticle(db, sampleArticle());
    const original = db.articles.add.bind(db.articles);
    db.articles.add = (() => {
      const err = new Error('quota');
      err.name = 'QuotaExceededError';
      return Promise.reject(err);
    }) as unknown as typeof db.articles.add;
    await expect(saveArticle(db, sampleArticle({ url: 'https://www.guancha.cn/other/2021_07_15_1_s.shtml' }))).rejects.toSatisfy((err) => errorKind(err) === 'quota');
    db.articles.add = original;
    expect(await libraryStats(db)).toEqual({ articles: 1, vocabulary: 0 });
  });
});
