/** Saving words: one record per simplified headword, each new sentence added to it. */
import { saveWord, type NewWord, type VocabularyRecord } from '../core/vocabulary.ts';
import type { WordContext } from '../core/messages.ts';
import type { JieduDB } from './db.ts';

export async function saveVocabulary(db: JieduDB, word: NewWord, context: WordContext | null, now: Date = new Date()): Promise<{ record: VocabularyRecord; created: boolean }> {
  const stamp = now.toISOString();
  return db.transaction('rw', db.vocabulary, db.articles, async () => {
    const existing = (await db.vocabulary.get(word.simplified)) as VocabularyRecord | undefined;
    const article = context ? await db.articles.where('url').equals(context.articleUrl).first() : undefined;
    const ctx = context ? { ...context, ...(article?.id !== undefined ? { articleId: article.id } : {}), savedAt: stamp } : null;
    const record = saveWord(existing, word, ctx, stamp);
    if (record !== existing) await db.vocabulary.put(record as unknown as VocabularyRecord & { [k: string]: unknown });
    return { record, created: !existing };
  });
}
