/**
 * Readings decided by context (the polyphone model with the dictionary's word readings),
 * laid over the base engine: CPP's dev split, sentences written for these tests, and
 * sentences from the real pages in tests/fixtures/real-pages (none from the seeds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, annotate } from '../../../../src/core/pinyin/index.ts';
import { contextReadings, type ContextSources } from '../../../../src/core/pinyin/context.ts';
import { cppForm, parseCpp, scoreCpp } from '../../../support/cpp.ts';
import { RULES } from '../../../../src/core/pinyin/rules.ts';
import { loadCliContextSources } from '../../../../src/cli/polyphone-model.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const sources: ContextSources = await loadCliContextSources();

const readingAt = (text: string, at: number, context?: ReadonlyMap<number, string>): string => {
  for (const w of analyse(text, { context })) if (w.han && at >= w.start && at < w.start + w.text.length) return w.syllables[at - w.start] ?? '';
  return '';
};
/** The reading of the character marked 【X】 with context. */
const read = (marked: string): string => {
  const at = marked.indexOf('【');
  const text = marked.replace(/[【】]/g, '');
  return readingAt(text, at, contextReadings(text, sources));
};

describe('context readings', () => {
  it('read CPP dev sentences better than the base engine (every fifth line; the bench scores all 9,893)', () => {
    // The file is ordered by character, so a sample takes lines from all of it.
    const items = parseCpp(readFileSync(join(ROOT, 'tests/fixtures/cpp/dev.sent'), 'utf8'), readFileSync(join(ROOT, 'tests/fixtures/cpp/dev.lb'), 'utf8')).filter((_, i) => i % 5 === 0);
    const ours = scoreCpp(items, (it) => readingAt(it.text, it.at, contextReadings(it.text, sources)));
    const base = scoreCpp(items, (it) => readingAt(it.text, it.at));
    expect(ours.strict / ours.total).toBeGreaterThan(0.97);
    expect(ours.strict - base.strict).toBeGreaterThan(100);
    // About 2,000 sentences through the model: seconds on a quiet machine, many times that on a busy one.
  }, 180_000);

  it.each([
    ['他在中国【银】行工作。', 'yín'],
    ['中国银【行】在当地设立分行。', 'háng'],
    ['外交部【长】在会上发言。', 'zhǎng'],
    ['这条路很【长】。', 'cháng'],
    ['他的【得】分最高。', 'dé'],
    ['天气预报说明天会下【雪】。', 'xuě'],
    ['这本书我看【了】三遍。', 'le'],
    ['中方愿【为】地区和平稳定发挥建设性作用。', 'wèi'],
    ['双方同意以建交三十周年【为】契机。', 'wéi'],
    ['会议【还】讨论了气候变化问题。', 'hái'],
    ['他按时【还】清了贷款。', 'huán'],
    ['各方【都】认为应尽快重启谈判。', 'dōu'],
    ['联合国总部设在纽约，日内瓦是欧洲的外交之【都】。', 'dū'],
    ['这部电影讲述了一个感人的【传】记故事。', 'zhuàn'],
    ['妈妈，【为】什么还不能出去？', 'wèi'],
    ['这些带有几分【调】侃意味的举动。', 'tiáo'],
    ['以避免失业【率】激增。', 'lǜ'],
    ['东【莞】企业喜忧参半。', 'guǎn'],
    ['海新科技董事【长】当面告诉笔者。', 'zhǎng'],
    ['由于成本增加等原因，【的】确逼迫企业转型。', 'dí'],
    ['这样的对手肯定打垮不【了】中国企业。', 'liǎo'],
    ['……【更】有无数普通的人默默付出。', 'gèng'],
    ['失业保险制度为受【冠】病疫情影响的人提供补贴。', 'guān'],
    ['两国山水【相】连。', 'xiāng'],
    ['今年增长率将【为】百分之三。', 'wéi'],
    ['贸易总额将【为】一百亿元。', 'wéi'],
    ['这些都【为】非法行为。', 'wéi'],
    ['双方要【着】眼长远。', 'zhuó'],
    ['各方应【着】力推进合作。', 'zhuó'],
    ['飞机安全【着】陆。', 'zhuó'],
    ['他因违纪受到处【分】。', 'fèn'],
    ['我们要把好消息【传】给大家。', 'chuán'],
  ])('%s → %s', (marked, want) => {
    expect(read(marked)).toBe(want);
  });

  it('returns only the readings that differ from the base engine, and annotate lays them over', () => {
    // Sentences in the style of CPP's, where context changes readings (贬为 wéi, 高句丽 gōu).
    const text = '楚王韩信被贬为淮阴侯，后被吕后处死。高句丽的军队向南扩张。';
    const ctx = contextReadings(text, sources);
    expect(ctx.size).toBeGreaterThan(0);
    for (const [at, reading] of ctx) expect(reading).not.toBe(readingAt(text, at));
    const plain = annotate(text)
      .map((s) => s.pinyin)
      .join('|');
    const laid = annotate(text, { context: ctx })
      .map((s) => s.pinyin)
      .join('|');
    expect(laid).not.toBe(plain);
    for (const [at, reading] of ctx) expect(readingAt(text, at, ctx)).toBe(reading);
    expect(
      annotate(text, { context: ctx })
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('leaves the lexicon and the rules that outrank the model alone', () => {
    const text = '王毅一行抵达阿什哈巴德，同土方举行会谈。各方应加强协调。高句丽的军队向南扩张。';
    const ctx = contextReadings(text, sources);
    // Context does change something here, so the checks below look at a real answer.
    expect(ctx.size).toBeGreaterThan(0);
    let standing = 0;
    for (const w of analyse(text)) {
      for (let i = 0; i < w.text.length; i++) {
        const src = w.sources[i] ?? '';
        if (src === 'lexicon' || RULES.some((r) => r.outranksModel && src === `rule:${r.id}`)) {
          standing++;
          expect(ctx.has(w.start + i)).toBe(false);
        }
      }
    }
    // 一行, 阿什哈巴德, 举行 (lexicon) and 应 (rule) were all looked at.
    expect(standing).toBeGreaterThanOrEqual(8);
    expect(read('各方【应】加强协调。')).toBe('yīng');
  });

  it('reads a long paragraph in pieces with no reading lost', () => {
    const sentence = '中方愿同各方一道，为维护地区和平稳定作出积极贡献，';
    const text = sentence.repeat(40);
    const ctx = contextReadings(text, sources);
    const words = analyse(text, { context: ctx });
    expect(words.map((w) => w.text).join('')).toBe(text);
    // The same clause reads the same wherever it stands in the paragraph.
    const first = annotate(sentence, { context: contextReadings(sentence, sources) })
      .map((s) => s.pinyin)
      .join(' ')
      .trim();
    expect(
      annotate(text, { context: ctx })
        .map((s) => s.pinyin)
        .join(' '),
    ).toContain(first);
  });

  it('writes CPP labels and tone-marked readings in one form', () => {
    expect(cppForm('lǜ')).toBe('lv4');
    expect(cppForm('lu:4')).toBe('lv4');
    expect(cppForm('lv4')).toBe('lv4');
    expect(cppForm('de')).toBe('de5');
    expect(cppForm('wéi')).toBe('wei2');
  });
});
