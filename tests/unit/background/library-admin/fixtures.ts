/** Generated data for the library-admin tests (built here, not taken from real pages). */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JieduDB, type VocabularyRow } from '../../../../src/background/db.ts';
import type { StoredArticle } from '../../../../src/core/article.ts';
import type { VocabularyRecord } from '../../../../src/core/vocabulary.ts';
import { sampleArticle } from '../../../support/sample-article.ts';

export const freshDb = (): JieduDB => new JieduDB(`admin-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

export function storedArticle(i: number, over: Partial<StoredArticle> = {}): StoredArticle {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    ...sampleArticle({
      url: `https://www.guancha.cn/generated/2024_01_${day}_${i}_s.shtml`,
      title: `生成的文章 ${i}`,
      publishedAt: `2024-01-${day}T08:00:00+08:00`,
      paragraphs: [`第${i}篇文章的第一段。`, '外交部发言人表示，中方愿同各方加强沟通。'],
    }),
    firstSavedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    lastSavedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    ...over,
  };
}

export function word(i: number, over: Partial<VocabularyRecord> = {}): VocabularyRecord {
  const stamp = new Date(Date.UTC(2025, 1, 1) + i * 1000).toISOString();
  return {
    simplified: `词${i}`,
    traditional: `詞${i}`,
    pinyin: `cí ${i}`,
    english: [`generated word ${i}`],
    contexts: [{ sentence: `这是第${i}个词的句子。`, articleUrl: storedArticle(i % 1000).url, articleTitle: `生成的文章 ${i % 1000}`, savedAt: stamp }],
    tags: i % 2 ? ['odd'] : ['even'],
    note: '',
    source: i % 3 === 0 ? 'glossary' : 'dictionary',
    createdAt: stamp,
    updatedAt: stamp,
    ...over,
  };
}

export const REAL_WORDS: VocabularyRecord[] = [
  word(0, { simplified: '外交', traditional: '外交', pinyin: 'wài jiāo', english: ['diplomacy', 'foreign affairs'], tags: ['diplomacy'] }),
  word(1, { simplified: '外长', traditional: '外長', pinyin: 'wài zhǎng', english: ['foreign minister'], tags: ['diplomacy', 'titles'] }),
  word(2, { simplified: '会谈', traditional: '會談', pinyin: 'huì tán', english: ['talks', 'discussions'], tags: [], source: 'manual' }),
];

export async function putWords(db: JieduDB, words: readonly VocabularyRecord[]): Promise<void> {
  await db.vocabulary.bulkPut(words as unknown as VocabularyRow[]);
}
