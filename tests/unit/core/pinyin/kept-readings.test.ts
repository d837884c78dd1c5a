import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotate, forgetWordReadings, WordReadings } from '../../../../src/core/pinyin/annotate.ts';
import { annotateDom, forgetReadings } from '../../../../src/core/pinyin/ruby.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';

const SEEDS = join(import.meta.dirname, '../../../../assets/seeds');
const seed = (file: string) => parseSeed(file, readFileSync(join(SEEDS, file), 'utf8'));

describe('word readings kept between calls', () => {
  it('a paragraph reads the same whatever was read before it', () => {
    const a = seed('001_18db919ca564c70d.txt').paragraphs;
    const b = seed('000_6ce5575ba27e451a.txt').paragraphs;
    forgetWordReadings();
    const alone = b.map((p) => annotate(p));
    forgetWordReadings();
    for (const p of a) annotate(p);
    const after = b.map((p) => annotate(p));
    expect(after).toEqual(alone);
  });

  it('reads 增长 and 相处 as the words they are, also after a whole article of other words', () => {
    forgetWordReadings();
    for (const p of seed('001_18db919ca564c70d.txt').paragraphs) annotate(p);
    expect(annotate('保持双边贸易额逆势增长良好势头')).toContainEqual({ text: '增长', pinyin: 'zēng zhǎng' });
    expect(annotate('同邻国友好相处')).toContainEqual({ text: '相处', pinyin: 'xiāng chǔ' });
  });
});

describe('text readings kept by annotateDom', () => {
  const page = () => {
    const { document } = parseHTML('<div id="r"><p>中方愿同塔方加强发展战略对接。</p><p>长期以来，双方<b>行</b>之有效。</p></div>');
    return (document as unknown as Document).getElementById('r')!;
  };

  it('annotating again gives the same DOM, and the options are part of what is kept', () => {
    forgetReadings();
    const root = page();
    const before = root.innerHTML;
    const first = annotateDom(root, { tone: 'mark' });
    const marked = root.innerHTML;
    first.remove();
    expect(root.innerHTML).toBe(before);
    const again = annotateDom(root, { tone: 'mark' });
    expect(root.innerHTML).toBe(marked);
    again.remove();
    const numbered = annotateDom(root, { tone: 'number' });
    expect(root.innerHTML).not.toBe(marked);
    expect(root.querySelector('rt')!.textContent).toMatch(/[1-5]/);
    numbered.remove();
    expect(root.innerHTML).toBe(before);
  });

  it('after forgetReadings the readings are computed again, and equal', () => {
    const root = page();
    const h = annotateDom(root);
    const kept = root.innerHTML;
    h.remove();
    forgetReadings();
    annotateDom(root);
    expect(root.innerHTML).toBe(kept);
  });
});

describe('the handle counts the words it put in the page', () => {
  it('words equals the ruby elements under the root, and drops to 0 on remove', () => {
    const { document } = parseHTML('<div id="r"><p>中方愿同塔方加强发展战略对接。</p><p>长期以来，<b>双方</b>合作。</p></div>');
    const root = (document as unknown as Document).getElementById('r')!;
    const h = annotateDom(root);
    expect(h.words).toBe(root.querySelectorAll('span.jiedu-run > ruby').length);
    expect(h.words).toBeGreaterThan(5);
    const p = document.createElement('p');
    p.textContent = '举行会谈';
    root.appendChild(p);
    h.annotateSubtree(p);
    expect(h.words).toBe(root.querySelectorAll('span.jiedu-run > ruby').length);
    h.remove();
    expect(h.words).toBe(0);
  });
});

describe('WordReadings when full', () => {
  it('answers every word of the call that fills it, then starts again', () => {
    const memo = new WordReadings(3);
    expect(memo.of(['举行', '会谈'])).toEqual([
      ['jǔ', 'xíng'],
      ['huì', 'tán'],
    ]);
    // Two kept, two new: over the limit of 3. The kept ones must still be answered.
    expect(memo.of(['举行', '会谈', '双方', '同意'])).toEqual([
      ['jǔ', 'xíng'],
      ['huì', 'tán'],
      ['shuāng', 'fāng'],
      ['tóng', 'yì'],
    ]);
    expect(memo.size).toBe(2);
    expect(memo.of(['举行'])).toEqual([['jǔ', 'xíng']]);
  });
});

describe('the word count follows the page', () => {
  it('does not count words the page has removed since', () => {
    const { document } = parseHTML('<div id="r"><p id="a">中方愿同塔方加强合作。</p><p>双方举行会谈。</p></div>');
    const root = (document as unknown as Document).getElementById('r')!;
    const h = annotateDom(root);
    const all = h.words;
    const inA = document.getElementById('a')!.querySelectorAll('span.jiedu-run > ruby').length;
    document.getElementById('a')!.remove();
    expect(h.words).toBe(all - inA);
    expect(inA).toBeGreaterThan(2);
  });
});
