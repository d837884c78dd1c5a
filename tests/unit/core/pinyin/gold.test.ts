import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { annotate, hanChars, isHan, scoreAgainstGold, syllablesOf, type GoldDoc } from '../../../../src/core/pinyin/index.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const GOLD = join(ROOT, 'tests/fixtures/pinyin-gold');
const docs = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc & { file: string });

const raw = (p: string) => {
  const r = pinyin(p, { type: 'array', toneSandhi: false });
  return [...p].flatMap((ch, i) => (isHan(ch) ? [r[i] ?? ''] : []));
};

describe('pinyin gold standard', () => {
  it('covers the five seeds exactly as parseSeed gives them', () => {
    expect(docs.map((d) => d.seed)).toEqual(['000', '001', '002', '003', '004']);
    for (const d of docs) {
      const seed = parseSeed(d.file, readFileSync(join(ROOT, 'assets/seeds', d.file), 'utf8'));
      expect(d.text).toEqual([seed.title, ...seed.paragraphs]);
      d.text.forEach((t, i) => expect(d.readings[i]).toHaveLength(hanChars(t).length));
    }
  });

  it('annotate scores at least 99.8 % of syllables, above raw pinyin-pro', () => {
    const ours = scoreAgainstGold(docs, (p) => syllablesOf(annotate(p)));
    const base = scoreAgainstGold(docs, raw);
    const pct = (x: number) => `${(100 * x).toFixed(3)} %`;
    console.log(
      `pinyin gold (${ours.total} syllables): annotate ${pct(ours.accuracy)} (${ours.total - ours.correct} wrong), raw pinyin-pro ${pct(base.accuracy)} (${base.total - base.correct} wrong)`,
    );
    for (const m of ours.mismatches) console.log(`  p${m.paragraph} ${m.context}: gold ${m.expected}, ours ${m.got}`);
    expect(ours.total).toBeGreaterThan(11_000);
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.998);
    expect(ours.accuracy).toBeGreaterThan(base.accuracy);
  });

  it('is still above 99.8 % with the fallback segmenter (no Intl.Segmenter)', () => {
    const ours = scoreAgainstGold(docs, (p) => syllablesOf(annotate(p, { segmenter: 'pinyin-pro' })));
    console.log(`pinyin gold with pinyin-pro's segmenter: ${(100 * ours.accuracy).toFixed(3)} %`);
    for (const m of ours.mismatches) console.log(`  p${m.paragraph} ${m.context}: gold ${m.expected}, ours ${m.got}`);
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.998);
  });

  it('scoreAgainstGold reports mismatches with context', () => {
    const doc: GoldDoc = { seed: 't', text: ['举行会谈'], readings: [['jǔ', 'xíng', 'huì', 'tán']] };
    const s = scoreAgainstGold([doc], () => ['jǔ', 'háng', 'huì', 'tán']);
    expect(s).toMatchObject({ total: 4, correct: 3, accuracy: 0.75 });
    expect(s.mismatches[0]).toMatchObject({ paragraph: 0, index: 1, char: '行', expected: 'xíng', got: 'háng', context: '举【行】会谈' });
    expect(() => scoreAgainstGold([{ ...doc, readings: [['jǔ']] }], () => [])).toThrow(/1 readings for 4/);
  });
});
