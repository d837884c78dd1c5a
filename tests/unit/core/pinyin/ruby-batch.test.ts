import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../../src/core/pinyin/annotate.ts';
import { annotateDom, rubyPinyin, rubyWord } from '../../../../src/core/pinyin/ruby.ts';

function readings(root: Element): [string, string][] {
  return [...root.querySelectorAll('ruby')].map((r) => [rubyWord(r), rubyPinyin(r)]);
}

function perNode(texts: string[]): [string, string][] {
  return texts.flatMap((t) =>
    annotate(t)
      .filter((s) => s.pinyin)
      .map((s): [string, string] => [s.text, s.pinyin]),
  );
}

describe('annotateDom reads a block of text nodes in one pass', () => {
  it('gives each node the readings it would get on its own', () => {
    const texts = ['王毅表示，', '中塔是友好近邻和全面战略伙伴', '。双方率先建立发展共同体，', '为此举行会谈。'];
    const { document } = parseHTML(`<div id="r"><p>${texts[0]}<b>${texts[1]}</b>${texts[2]}<i>${texts[3]}</i></p></div>`);
    const root = (document as unknown as Document).getElementById('r')!;
    const before = root.innerHTML;
    const handle = annotateDom(root);
    expect(readings(root)).toEqual(perNode(texts));
    expect(root.textContent!.replace(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]/g, '')).toBe(texts.join(''));
    handle.remove();
    expect(root.innerHTML).toBe(before);
  });

  it('falls back to one node at a time when a text holds the separator', () => {
    const { document } = parseHTML('<div id="r"><p>甲</p><p>乙</p></div>');
    const root = (document as unknown as Document).getElementById('r')!;
    root.querySelector('p')!.firstChild!.textContent = '举行\u0000会谈';
    annotateDom(root);
    expect(readings(root)).toEqual([...perNode(['举行\u0000会谈']), ...perNode(['乙'])]);
  });
});
