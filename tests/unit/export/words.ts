/** Vocabulary for the golden files: plain words and every awkward thing a field can hold. */
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';

const T0 = '2025-03-01T08:00:00.000Z';
const T1 = '2025-03-02T09:30:00.000Z';

export const GOLDEN_WORDS: VocabularyRecord[] = [
  {
    simplified: '外交',
    traditional: '外交',
    pinyin: 'wài jiāo',
    english: ['diplomacy', 'diplomatic', 'foreign affairs'],
    contexts: [
      {
        sentence: '中国外交部发言人表示，中方愿同各方加强沟通。',
        articleUrl: 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm',
        articleTitle: '外交部：中方愿同各方加强沟通',
        articleId: 3,
        savedAt: T0,
      },
    ],
    tags: ['diplomacy'],
    note: '',
    source: 'dictionary',
    createdAt: T0,
    updatedAt: T0,
  },
  {
    simplified: '外长',
    traditional: '外長',
    pinyin: 'wài zhǎng',
    english: ['foreign minister'],
    contexts: [
      {
        sentence: '国务委员兼外长王毅同塔吉克斯坦外长举行会谈。',
        articleUrl: 'https://www.guancha.cn/politics/2019_09_09_517162.shtml',
        articleTitle: '王毅同塔外长会谈',
        savedAt: T0,
      },
      {
        sentence: '两国外长再次通电话。',
        articleUrl: 'https://www.zaobao.com/realtime/world/story20211118-1214802',
        articleTitle: '两国外长通电话',
        savedAt: T1,
      },
    ],
    tags: ['diplomacy', 'people & titles'],
    note: 'short for 外交部长',
    source: 'glossary',
    createdAt: T0,
    updatedAt: T1,
  },
  {
    simplified: '关系',
    traditional: '關係',
    pinyin: 'guān xi',
    english: ['relation', 'relationship'],
    contexts: [],
    tags: [],
    note: 'tab\there, "quotes", a comma, and\na second line',
    source: 'dictionary',
    createdAt: T0,
    updatedAt: T0,
  },
  {
    simplified: '<b>&amp;',
    traditional: '<b>&amp;',
    pinyin: 'x',
    english: ['markup <script>alert(1)</script> & "entities" \'too\''],
    contexts: [
      {
        sentence: 'He said "1 < 2 & 3 > 2"\tthen left.\r\nNext line.',
        articleUrl: 'javascript:alert(1)',
        articleTitle: 'A "title" with <tags>',
        savedAt: T0,
      },
    ],
    tags: ['odd tag', 'x\ty'],
    note: '=HYPERLINK("http://evil.example")',
    source: 'manual',
    createdAt: T0,
    updatedAt: T0,
  },
  {
    simplified: '𠮷野家',
    traditional: '𠮷野家',
    pinyin: 'jí yě jiā',
    english: ['Yoshinoya (restaurant chain) 🍜', 'uses 𠮷 (U+20BB7, CJK Extension B)'],
    contexts: [
      {
        sentence: '我在𠮷野家吃饭😋，很好吃。',
        articleUrl: 'https://example.com/a?b=1&c="2"',
        articleTitle: 'Emoji 👩‍👩‍👧 and 𠮷',
        savedAt: T1,
      },
    ],
    tags: ['food'],
    note: '-ism at the start, +1, @mention',
    source: 'manual',
    createdAt: T1,
    updatedAt: T1,
  },
  {
    simplified: '女儿',
    traditional: '女兒',
    pinyin: 'nǚ ér',
    english: ['daughter', ''],
    contexts: [],
    tags: [],
    note: '',
    source: 'dictionary',
    createdAt: T1,
    updatedAt: T1,
  },
];
