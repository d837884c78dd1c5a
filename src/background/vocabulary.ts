/**
 * Saving words: one record per simplified headword, each new sentence added to it. The
 * pinyin is stored in one form whatever the source (core/dictionary/saved-pinyin.ts): a
 * syllable per character, in the reader's tone style.
 */
import { isVariantNote } from '../core/dictionary/rank.ts';
import { savedPinyin } from '../core/dictionary/saved-pinyin.ts';
import { saveWord, sentenceKey, type NewWord, type VocabularyRecord } from '../core/vocabulary.ts';
import type { WordContext } from '../messaging/protocol.ts';
import type { ToneStyle } from '../core/pinyin/types.ts';
import type { JieduDB } from './db.ts';

export interface SavedWord {
  record: VocabularyRecord;
  created: boolean;
  /** The sentence was new to the word and is now stored with it. */
  contextAdded: boolean;
  /** The word had been stored with a variant's entry (as Save once kept CC-CEDICT's first entry) and now has this one. */
  corrected: boolean;
}

/**
 * A dictionary word stored with a variant's entry: its first sense is a variant note (与 saved
 * as 與 yú "variant of 歟|欤[yú]; and; …"), or its pinyin lists every reading ("yú / yǔ / yù"),
 * as Save and the context menu stored words before entries were ranked.
 */
function storedFromVariant(existing: VocabularyRecord): boolean {
  return existing.source === 'dictionary' && (isVariantNote(existing.english[0] ?? '') || existing.pinyin.includes(' / '));
}

export async function saveVocabulary(db: JieduDB, word: NewWord, context: WordContext | null, now: Date = new Date(), tone: ToneStyle = 'mark'): Promise<SavedWord> {
  const stamp = now.toISOString();
  const normalised: NewWord = { ...word, pinyin: savedPinyin(word.simplified, word.pinyin, tone) };
  return db.transaction('rw', db.vocabulary, db.articles, async () => {
    const stored = (await db.vocabulary.get(word.simplified)) as VocabularyRecord | undefined;
    // Saving such a word again puts the entry that fits the sentence in its place; contexts, tags and note stay.
    const corrected = stored !== undefined && word.source === 'dictionary' && storedFromVariant(stored) && !isVariantNote(normalised.english[0] ?? '');
    const existing = corrected ? { ...stored, traditional: normalised.traditional, pinyin: normalised.pinyin, english: [...normalised.english], updatedAt: stamp } : stored;
    const article = context ? await db.articles.where('url').equals(context.articleUrl).first() : undefined;
    const ctx = context ? { ...context, ...(article?.id !== undefined ? { articleId: article.id } : {}), savedAt: stamp } : null;
    const record = saveWord(existing, normalised, ctx, stamp);
    if (record !== stored) await db.vocabulary.put(record as unknown as VocabularyRecord & { [k: string]: unknown });
    const key = context ? sentenceKey(context.sentence) : null;
    const contextAdded = key !== null && record.contexts.some((c) => sentenceKey(c.sentence) === key) && !(stored?.contexts.some((c) => sentenceKey(c.sentence) === key) ?? false);
    return { record, created: !stored, contextAdded, corrected };
  });
}
