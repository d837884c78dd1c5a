/**
 * The news-register development sentences (tests/fixtures/news-sentences/dev.txt, built):
 * the families the lexicon and rules were written for, each read right. The held-out file
 * beside it is only measured (npm run bench), never asserted here, so no change is made
 * to pass it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, annotate } from '../../../../src/core/pinyin/index.ts';
import { contextReadings } from '../../../../src/core/pinyin/context.ts';
import { cppForm, parseMarkedSentences } from '../../../support/cpp.ts';
import { loadCliContextSources } from '../../../../src/cli/polyphone-model.ts';

const DIR = join(import.meta.dirname, '../../../fixtures/news-sentences');
const sources = await loadCliContextSources();

const readingAt = (text: string, at: number): string => {
  for (const w of analyse(text, { context: contextReadings(text, sources) })) if (w.han && at >= w.start && at < w.start + w.text.length) return w.syllables[at - w.start] ?? '';
  return '';
};

describe('marked sentences', () => {
  it('become one item per mark, offsets into the sentence without its marks', () => {
    expect(parseMarkedSentences('# a comment\n银{yin2}行{hang2}行长\n\n率{shuai4}领')).toEqual([
      { text: '银行行长', at: 0, label: 'yin2' },
      { text: '银行行长', at: 1, label: 'hang2' },
      { text: '率领', at: 0, label: 'shuai4' },
    ]);
  });

  it('refuse a mark with no character before it or no tone', () => {
    expect(() => parseMarkedSentences('{hang2}行')).toThrow(/line 1/);
    expect(() => parseMarkedSentences('行{hang}')).toThrow(/line 1/);
  });
});

describe('news-register development sentences', () => {
  const items = parseMarkedSentences(readFileSync(join(DIR, 'dev.txt'), 'utf8'));
  it.each(items.map((it) => [`${it.text.slice(0, it.at)}【${it.text[it.at]}】${it.text.slice(it.at + 1)}`, it] as const))('%s', (_, it) => {
    expect(cppForm(readingAt(it.text, it.at))).toBe(cppForm(it.label));
  });
});

describe('neutral-tone words at the end of a longer word', () => {
  it('keep the light syllable (什么时候, 小时候, 大部分) in the default style, and its citation tone on request', () => {
    expect(
      annotate('什么时候')
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('shén me shí hou');
    expect(
      annotate('大部分人')
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('dà bù fen rén');
    expect(
      annotate('什么时候', { neutral: 'citation' })
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('shén me shí hòu');
  });

  it('leave a longer word that starts with one alone (东西方 dōng xī fāng)', () => {
    expect(
      annotate('东西方')
        .map((s) => s.pinyin)
        .join(' '),
    ).toBe('dōng xī fāng');
  });
});
