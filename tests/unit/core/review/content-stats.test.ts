/** Card faces (the saved sentence, the word blanked) and the statistics behind the charts. */
import { describe, expect, it } from 'vitest';
import { blanked, cardFace, splitSentence, type StudyWord } from '../../../../src/core/review/content.ts';
import { reviewStats } from '../../../../src/core/review/stats.ts';

const word: StudyWord = {
  simplified: '外交',
  traditional: '外交',
  pinyin: 'wài jiāo',
  english: ['diplomacy'],
  note: '',
  contexts: [
    { sentence: '中国外交部发言人说，外交工作要服务大局。', articleUrl: 'https://www.news.cn/a.htm', articleTitle: 'A', inLibrary: true },
    { sentence: '这是一次重要的外交活动。', articleUrl: 'https://www.zaobao.com/b', articleTitle: 'B', inLibrary: false },
  ],
  labels: [],
};

describe('card faces', () => {
  it('marks every occurrence of the word in its sentence, and a recall card blanks them', () => {
    const parts = splitSentence(word.contexts[0]!.sentence, word);
    expect(parts.filter((p) => p.word).length).toBe(2);
    expect(parts.map(blanked).join('')).toBe('中国＿＿部发言人说，＿＿工作要服务大局。');
    expect(parts.map((p) => p.text).join('')).toBe(word.contexts[0]!.sentence);
  });

  it('a word saved from several articles shows them in turn', () => {
    expect(cardFace({ kind: 'recognition', reps: 0 }, word)).toMatchObject({ contextIndex: 1, context: { articleTitle: 'A' } });
    expect(cardFace({ kind: 'recognition', reps: 1 }, word)).toMatchObject({ contextIndex: 2, context: { articleTitle: 'B' } });
    expect(cardFace({ kind: 'recall', reps: 2 }, word).contextIndex).toBe(1);
    expect(cardFace({ kind: 'recall', reps: 0 }, { ...word, contexts: [] })).toMatchObject({ context: null, contextIndex: 0, sentence: [] });
  });

  it('finds the traditional form as well', () => {
    expect(
      splitSentence('兩岸關係', { ...word, simplified: '关系', traditional: '關係' })
        .filter((p) => p.word)
        .map((p) => p.text),
    ).toEqual(['關係']);
  });
});

describe('statistics', () => {
  const now = new Date('2026-03-02T04:00:00Z'); // 12:00 in Shanghai
  it('forecasts by local day, overdue cards today, and counts reviews per day and retention', () => {
    const cards = [
      { queue: 'review' as const, due: '2026-02-20T00:00:00.000Z' }, // overdue
      { queue: 'review' as const, due: '2026-03-02T15:30:00.000Z' }, // 23:30 today
      { queue: 'review' as const, due: '2026-03-02T16:30:00.000Z' }, // 00:30 tomorrow
      { queue: 'learning' as const, due: '2026-03-02T04:10:00.000Z' },
      { queue: 'new' as const, due: '2026-03-01T00:00:00.000Z' },
      { queue: 'suspended' as const, due: '2026-03-02T00:00:00.000Z' },
    ];
    const logs = [
      { review: '2026-03-01T15:59:00.000Z', state: 2 as const, grade: 3 as const }, // 23:59 yesterday
      { review: '2026-03-01T16:01:00.000Z', state: 2 as const, grade: 1 as const }, // 00:01 today
      { review: '2026-03-02T03:00:00.000Z', state: 0 as const, grade: 3 as const },
      { review: '2025-01-01T00:00:00.000Z', state: 2 as const, grade: 1 as const }, // outside the 30 days
    ];
    const s = reviewStats(cards, logs, now, 'Asia/Shanghai');
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast.slice(0, 2)).toEqual([
      { date: '2026-03-02', count: 3 },
      { date: '2026-03-03', count: 1 },
    ]);
    expect(s.reviewsPerDay).toHaveLength(30);
    expect(s.reviewsPerDay.slice(-2)).toEqual([
      { date: '2026-03-01', count: 1 },
      { date: '2026-03-02', count: 2 },
    ]);
    expect(s.retention).toBe(0.5);
    expect(s.retentionOf).toBe(2);
    expect(s.cards).toEqual({ total: 6, new: 1, learning: 1, review: 3, suspended: 1 });
  });
});
