import { readFileSync, readdirSync } from 'node:fs';
import { decodeHtml } from '../../../../src/core/extract/charset.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHan } from '../../../../src/core/pinyin/han.ts';
import { segmentRun, textBoundaries } from '../../../../src/core/pinyin/segment.ts';
import { analyse } from '../../../../src/core/pinyin/annotate.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';

const ROOT = join(import.meta.dirname, '../../../..');

/** Han runs of a text with their offsets. */
function hanRuns(text: string): { run: string; start: number }[] {
  const out: { run: string; start: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const han = i < text.length && isHan(text[i] ?? '');
    if (han && start < 0) start = i;
    if (!han && start >= 0) {
      out.push({ run: text.slice(start, i), start });
      start = -1;
    }
  }
  return out;
}

const texts: [string, string][] = [
  ...readdirSync(join(ROOT, 'assets/seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f): [string, string] => {
      const s = parseSeed(f, readFileSync(join(ROOT, 'assets/seeds', f), 'utf8'));
      return [f, [s.title, ...s.paragraphs].join('\n')];
    }),
  ...readdirSync(join(ROOT, 'tests/fixtures/real-pages'))
    .filter((f) => f.endsWith('.html'))
    // The pages' text with the markup taken out (one of them is a fragment a DOM parser does not take whole).
    .map((f): [string, string] => [f, decodeHtml(readFileSync(join(ROOT, 'tests/fixtures/real-pages', f))).replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, '\n')]),
];

/** The texts' Han words as segmenting each run on its own gives them: the reference. */
function wordsRunByRun(text: string): string[] {
  return hanRuns(text).flatMap(({ run }) => segmentRun(run, 'intl').map((w) => w.text));
}

const edges: [string, string][] = [
  ['texts joined by the separator annotateDom uses', '王毅表示，\u0000中塔是友好近邻\u0000和全面战略伙伴。双方率先建立发展共同体'],
  ['Han beyond the BMP next to a run', '吉𠮷野家在北京举行会谈𠮷利'],
  ['an iteration mark and kana next to runs', '人々の生活中方愿同塔方加强合作ひらがな双方同意'],
];

describe('segmenting a whole text once', () => {
  it.each([...texts, ...edges])('gives %s the words segmenting each run alone gives', (_name, text) => {
    const words = analyse(text, { segmenter: 'intl' })
      .filter((w) => w.han)
      .map((w) => w.text);
    expect(words.join('')).toBe(
      hanRuns(text)
        .map((r) => r.run)
        .join(''),
    );
    expect(words).toEqual(wordsRunByRun(text));
  });

  it('is null under the pinyin-pro segmenter, which reads run by run', () => {
    expect(textBoundaries('举行会谈', 'pinyin-pro')).toBeNull();
  });
});
