import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHan } from '../../../src/core/pinyin/han.ts';
import { segmentRun, textBoundaries } from '../../../src/core/pinyin/segment.ts';
import { parseSeed } from '../../../src/core/seeds.ts';

const ROOT = join(import.meta.dirname, '../../..');

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
    .map((f): [string, string] => [f, readFileSync(join(ROOT, 'tests/fixtures/real-pages', f), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, '\n')]),
];

describe('segmenting a whole text once', () => {
  it.each(texts)('cuts every Han run of %s where segmenting the run alone does', (_name, text) => {
    const all = textBoundaries(text, 'intl')!;
    const runs = hanRuns(text);
    expect(runs.length).toBeGreaterThan(20);
    for (const { run, start } of runs) {
      const given = new Set([0, run.length, ...all.filter((b) => b > start && b < start + run.length).map((b) => b - start)]);
      expect(segmentRun(run, 'intl', given)).toEqual(segmentRun(run, 'intl'));
    }
  });

  it('is null under the pinyin-pro segmenter, which reads run by run', () => {
    expect(textBoundaries('举行会谈', 'pinyin-pro')).toBeNull();
  });
});
