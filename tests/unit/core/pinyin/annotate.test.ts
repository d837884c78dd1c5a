import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { NAMES, annotate, type Segment, formatSyllable, isHan, stripTone, toneOf, withTone } from '../../../../src/core/pinyin/index.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';
import { pinyinCommand } from '../../../../src/cli/commands/pinyin.ts';
import { readingAt } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const seeds = readdirSync(join(ROOT, 'assets/seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseSeed(f, readFileSync(join(ROOT, 'assets/seeds', f), 'utf8')));

const join_ = (text: string) =>
  annotate(text)
    .map((s) => s.text)
    .join('');

/** Deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const POOL = [
  ...'中国同中亚国家举行会谈为了长重行的了一不',
  ...'abcXYZ 0123456789',
  ...'，。、；：？！“”‘’（）《》—…·「」',
  '😀',
  '👍🏽',
  '🇨🇳',
  '𠀀',
  '𪚥',
  '\u3005',
  '\u2F00',
  '〇',
  '\n',
  '\t',
  '\u00a0',
  '\u200b',
  'é',
  'e\u0301',
  '\ud800',
  '\udc00',
];

describe('annotate: round trip', () => {
  it('the segments concatenate back to every seed paragraph exactly', () => {
    for (const s of seeds) for (const p of [s.title, ...s.paragraphs]) expect(join_(p)).toBe(p);
  });

  it('the segments concatenate back to random mixed strings (emoji, surrogates, Latin, digits, punctuation)', () => {
    const next = rng(20240714);
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = Math.floor(next() * 40);
      for (let k = 0; k < len; k++) s += POOL[Math.floor(next() * POOL.length)] ?? '';
      const segs = annotate(s);
      expect(segs.map((x) => x.text).join('')).toBe(s);
      for (const seg of segs) {
        const han = [...seg.text].filter(isHan).length;
        if (seg.pinyin) {
          expect(han).toBe([...seg.text].length);
          expect(seg.pinyin.split(' ')).toHaveLength(han);
        } else expect(han).toBe(0);
      }
    }
  });

  it('handles the empty string and text without Han', () => {
    expect(annotate('')).toEqual([]);
    expect(annotate('G20, 2024!')).toEqual([{ text: 'G20, 2024!', pinyin: '' }]);
  });

  it('gives the shape the CLI prints', async () => {
    expect(annotate('举行会谈，')).toEqual([
      { text: '举行', pinyin: 'jǔ xíng' },
      { text: '会谈', pinyin: 'huì tán' },
      { text: '，', pinyin: '' },
    ]);
    await expect(pinyinCommand.run(['举行会谈，'])).resolves.toEqual(annotate('举行会谈，'));
    await expect(pinyinCommand.run(['举行', '--tone', 'number'])).resolves.toEqual([{ text: '举行', pinyin: 'ju3 xing2' }]);
    await expect(pinyinCommand.run([])).rejects.toThrow(/usage/);
    await expect(pinyinCommand.run(['x', '--tone', 'bad'])).rejects.toThrow(/--tone/);
    await expect(pinyinCommand.run(['x', '--context', 'maybe'])).rejects.toThrow(/--context/);
  }, 60_000);

  it('writes the neutral tone as dictionaries do, or citation tones when asked, keeping suffixes and particles light', () => {
    const read = (text: string, neutral?: 'dictionary' | 'citation') =>
      annotate(text, neutral ? { neutral } : {})
        .filter((s) => s.pinyin)
        .map((s) => s.pinyin)
        .join(' ');
    expect(read('我认识他的朋友。')).toBe('wǒ rèn shi tā de péng you');
    expect(read('我认识他的朋友。', 'dictionary')).toBe('wǒ rèn shi tā de péng you');
    expect(read('我认识他的朋友。', 'citation')).toBe('wǒ rèn shí tā de péng yǒu');
    expect(read('孩子们喜欢桌子吗？', 'citation')).toBe('hái zi men xǐ huān zhuō zi ma');
    expect(annotate('认识', { neutral: 'citation', tone: 'number' })).toEqual([{ text: '认识', pinyin: 'ren4 shi2' }]);
  });

  it('the CLI lays context readings over the first ones unless told not to', async () => {
    // 莞 alone is wǎn in the general dictionary; in 东莞 the model reads guǎn.
    const first = (await pinyinCommand.run(['东莞企业', '--context', 'no'])) as Segment[];
    const final = (await pinyinCommand.run(['东莞企业'])) as Segment[];
    expect(first.map((s) => s.pinyin).join(' ')).toContain('wǎn');
    expect(final.map((s) => s.pinyin).join(' ')).toContain('guǎn');
    expect(final.map((s) => s.text).join('')).toBe('东莞企业');
  }, 60_000);

  it('the CLI reads --file', async () => {
    const file = join(ROOT, 'assets/seeds', seeds[2]?.file ?? '');
    const out = (await pinyinCommand.run(['--file', file])) as Segment[];
    expect(out.map((s) => s.text).join('')).toBe(readFileSync(file, 'utf8'));
  });
});

describe('annotate: names', () => {
  const cases: [string, string][] = [
    ['阿什哈巴德', 'ā shí hā bā dé'],
    ['杜尚别', 'dù shàng bié'],
    ['穆赫里丁', 'mù hè lǐ dīng'],
    ['梅列多夫', 'méi liè duō fū'],
    ['拉赫蒙', 'lā hè méng'],
    ['塔利班', 'tǎ lì bān'],
    ['喀布尔', 'kā bù ěr'],
    ['撒马尔罕', 'sā mǎ ěr hǎn'],
    ['塔什干', 'tǎ shí gān'],
    ['比什凯克', 'bǐ shí kǎi kè'],
    ['米尔济约耶夫', 'mǐ ěr jì yuē yē fū'],
  ];
  it.each(cases)('%s is one word read %s, also inside a sentence', (name, reading) => {
    expect(annotate(name)).toEqual([{ text: name, pinyin: reading }]);
    const segs = annotate(`王毅在${name}同对方举行会谈。`);
    expect(segs).toContainEqual({ text: name, pinyin: reading });
  });

  it('every lexicon name has one syllable per character', () => {
    for (const [name, reading] of Object.entries(NAMES)) expect([name, reading.split(' ').length]).toEqual([name, name.length]);
  });
});

describe('annotate: tone styles', () => {
  it('mark, number (neutral = 5, as CC-CEDICT) and none', () => {
    const text = '我们的朋友举行了绿色会谈';
    expect(
      annotate(text, { tone: 'mark' })
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('wǒ men de péng you jǔ xíng le lǜ sè huì tán');
    expect(
      annotate(text, { tone: 'number' })
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('wo3 men5 de5 peng2 you5 ju3 xing2 le5 lü4 se4 hui4 tan2');
    expect(
      annotate(text, { tone: 'none' })
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('wo men de peng you ju xing le lü se hui tan');
  });

  it('toneOf, stripTone, withTone and formatSyllable agree', () => {
    expect(['ā', 'xíng', 'jǔ', 'lǜ', 'de', 'ju3', 'de5', 'de0', 'ḿ', 'ň'].map(toneOf)).toEqual([1, 2, 3, 4, 5, 3, 5, 5, 2, 3]);
    expect(stripTone('lǜ')).toBe('lü');
    expect(['gou', 'xiong', 'huai', 'lüe', 'gui', 'liu', 'er'].map((s) => withTone(s, 3))).toEqual(['gǒu', 'xiǒng', 'huǎi', 'lüě', 'guǐ', 'liǔ', 'ěr']);
    for (const s of ['zhuàng', 'nǚ', 'ér', 'de', 'guó', 'yuè']) expect(withTone(stripTone(s), toneOf(s))).toBe(s);
    expect(formatSyllable('nǚ', 'number')).toBe('nü3');
  });
});

describe('annotate: 一/不 sandhi', () => {
  it('is off by default: dictionary tones', () => {
    expect(readingAt('【一】切')).toBe('yī');
    expect(readingAt('【不】是')).toBe('bù');
  });
  it('applies when asked', () => {
    const on = { sandhi: true };
    expect(readingAt('坚决同【一】切恐怖势力划清界限', on)).toBe('yí');
    expect(readingAt('【一】带一路', on)).toBe('yí');
    expect(readingAt('一带【一】路', on)).toBe('yí');
    expect(readingAt('【一】年', on)).toBe('yì');
    expect(readingAt('【一】些问题', on)).toBe('yì');
    expect(readingAt('【不】是', on)).toBe('bú');
    expect(readingAt('【不】同', on)).toBe('bù');
    expect(readingAt('【不】断加强', on)).toBe('bú');
  });
  it('keeps yī for numerals and ordinals', () => {
    const on = { sandhi: true };
    expect(readingAt('第【一】次', on)).toBe('yī');
    expect(readingAt('统【一】', on)).toBe('yī');
    expect(readingAt('【一】是全面建设发展共同体', on)).toBe('yī');
    expect(readingAt('十【一】月', on)).toBe('yī');
    expect(readingAt('唯【一】', on)).toBe('yī');
  });
});

describe("annotate leaves pinyin-pro's global state alone", () => {
  it('raw pinyin-pro gives the same output before and after annotate', () => {
    const text = seeds.map((s) => [s.title, ...s.paragraphs].join('\n')).join('\n');
    const before = pinyin(text, { type: 'array' });
    const beforeNoSandhi = pinyin(text, { type: 'array', toneSandhi: false });
    for (const s of seeds) annotate([s.title, ...s.paragraphs].join('\n'), { sandhi: true, tone: 'number' });
    annotate(text, { segmenter: 'pinyin-pro' });
    expect(pinyin(text, { type: 'array' })).toEqual(before);
    expect(pinyin(text, { type: 'array', toneSandhi: false })).toEqual(beforeNoSandhi);
    // the known raw errors are still there: we did not patch the library
    expect(pinyin('举行会谈', { type: 'array', toneSandhi: false })).toEqual(['jǔ', 'háng', 'huì', 'tán']);
  });
});
