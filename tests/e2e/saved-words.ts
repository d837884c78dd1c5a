/** The library's data on the pages whose look is tested: three saved words with fixed dates. */
import type { StoredArticle } from '../../src/core/article.ts';
import type { VocabularyRecord } from '../../src/core/vocabulary.ts';

export const FIXED_DATE = '2026-12-01T08:00:00.000Z';

/** Three saved words, written here from the seed article's own sentences (not saved through the card). */
export function wordsOf(article: StoredArticle): VocabularyRecord[] {
  const sentenceWith = (w: string) => article.paragraphs.find((p) => p.includes(w)) ?? article.paragraphs[0]!;
  const word = (simplified: string, traditional: string, pinyin: string, english: string[], source: VocabularyRecord['source'], tags: string[], note: string): VocabularyRecord => ({
    simplified,
    traditional,
    pinyin,
    english,
    contexts: [{ sentence: sentenceWith(simplified).slice(0, 120), articleUrl: article.url, articleTitle: article.title, savedAt: FIXED_DATE }],
    tags,
    note,
    source,
    createdAt: FIXED_DATE,
    updatedAt: FIXED_DATE,
  });
  return [
    word('外交', '外交', 'wài jiāo', ['diplomacy', 'diplomatic', 'foreign affairs'], 'glossary', ['diplomacy'], ''),
    word('合作', '合作', 'hé zuò', ['to cooperate', 'to collaborate', 'to work together', 'cooperation'], 'dictionary', ['news', '外交'], 'often with 双方'),
    word('发展', '發展', 'fā zhǎn', ['development', 'growth', 'to develop', 'to grow', 'to expand'], 'dictionary', [], ''),
  ];
}
