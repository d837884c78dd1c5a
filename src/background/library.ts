/** The library's operations on articles, over a JieduDB. */
import type { ArticleRecord, StoredArticle } from '../core/article.ts';
import type { LibraryStats, SaveResult } from '../messaging/protocol.ts';
import type { JieduDB } from './db.ts';

/**
 * Saves by canonical URL: a new article is added; a revisit replaces the text
 * when it changed and always keeps when it was first saved. A full quota rejects
 * with the browser's QuotaExceededError, which errorKind() reports as 'quota'.
 */
export async function saveArticle(db: JieduDB, article: ArticleRecord, now: Date = new Date()): Promise<SaveResult> {
  const stamp = now.toISOString();
  const result = await db.transaction('rw', db.articles, async () => {
    const existing = await db.articles.where('url').equals(article.url).first();
    if (!existing || existing.id === undefined) {
      const id = await db.articles.add({ ...article, firstSavedAt: stamp, lastSavedAt: stamp });
      return { status: 'added' as const, id, firstSavedAt: stamp };
    }
    if (existing.contentHash === article.contentHash) {
      await db.articles.update(existing.id, { lastSavedAt: stamp });
      return { status: 'unchanged' as const, id: existing.id, firstSavedAt: existing.firstSavedAt };
    }
    const updated: StoredArticle = { ...article, id: existing.id, firstSavedAt: existing.firstSavedAt, lastSavedAt: stamp };
    await db.articles.put(updated);
    return { status: 'updated' as const, id: existing.id, firstSavedAt: existing.firstSavedAt };
  });
  return { ...result, libraryCount: await db.articles.count() };
}

export async function getArticle(db: JieduDB, url: string): Promise<StoredArticle | null> {
  return (await db.articles.where('url').equals(url).first()) ?? null;
}

export async function deleteArticle(db: JieduDB, url: string): Promise<boolean> {
  return (await db.articles.where('url').equals(url).delete()) > 0;
}

export async function libraryStats(db: JieduDB): Promise<LibraryStats> {
  const [articles, vocabulary] = await Promise.all([db.articles.count(), db.vocabulary.count()]);
  return { articles, vocabulary };
}
