/**
 * Saving words: one record per simplified headword, each new sentence added to it. The
 * pinyin is stored in one form whatever the source (core/dictionary/saved-pinyin.ts): a
 * syllable per character, in the reader's tone style.
 */
import { savedPinyin } from '../core/dictionary/saved-pinyin.ts';
import { saveWord, sentenceKey, type NewWord, type VocabularyRecord } from '../core/vocabulary.ts';
import type { WordContext } from '../core/messages.ts';
import type { ToneStyle } from '../core/pinyin/types.ts';
import type { JieduDB } from './db.ts';
import { getSettings } from './library.ts';

export interface SavedWord {
  record: VocabularyRecord;
  created: boolean;
  /** The sentence was new to the word and is now stored with it. */
  contextAdded: boolean;
}

export async function saveVocabulary(db: JieduDB, word: NewWord, context: WordContext | null, now: Date = new Date(), tone?: ToneStyle): Promise<SavedWord> {
  const stamp = now.toISOString();
  const style = tone ?? (await getSettings(db).then((s) => s.pinyinTone, () => 'mark' as const));
  const normalised: NewWord = { ...word, pinyin: savedPinyin(word.simplified, word.pinyin, style) };
  return db.transaction('rw', db.vocabulary, db.articles, async () => {
    const existing = (await db.vocabulary.get(word.simplified)) as VocabularyRecord | undefined;
    const article = context ? await db.articles.where('url').equals(context.articleUrl).first() : undefined;
    const ctx = context ? { ...context, ...(article?.id !== undefined ? { articleId: article.id } : {}), savedAt: stamp } : null;
    const record = saveWord(existing, normalised, ctx, stamp);
    if (record !== existing) await db.vocabulary.put(record as unknown as VocabularyRecord & { [k: string]: unknown });
    const key = context ? sentenceKey(context.sentence) : null;
    const contextAdded = key !== null && record.contexts.some((c) => sentenceKey(c.sentence) === key) && !(existing?.contexts.some((c) => sentenceKey(c.sentence) === key) ?? false);
    return { record, created: !existing, contextAdded };
  });
}
