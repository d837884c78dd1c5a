/**
 * "The text at a point" (src/content/text-at-point.ts), the one module the look-up card, the
 * term card and a saved selection take their word and sentence from, in both browsers' own
 * layout and caret APIs. The module is bundled as it is and run in a blank tab over small
 * documents built here (built fixtures, in the manner of Yomitan's HTML test cases): a word
 * split by inline markup, a block's end, pinyin and a script inside a paragraph, the caret
 * on either half of a character.
 */
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build.ts';
import { forEachBrowser, type Tab } from '../harness/index.ts';

const bundle = esbuild.build({ entryPoints: [join(ROOT, 'src/content/text-at-point.ts')], bundle: true, format: 'iife', globalName: 'textAtPoint', write: false }).then((r) => r.outputFiles[0]!.text);

/**
 * The documents, as [tag, attributes, ...children]: a paragraph whose word runs through a <b> and a
 * link, a second paragraph, one with pinyin ruby and a script, in a 20 px font.
 */
type Spec = string | [string, Record<string, string>, ...Spec[]];
const DOCUMENT: Spec[] = [
  ['p', { id: 'split' }, '中国外交', ['b', {}, '部发言人'], '表示，双方将', ['a', { href: '#' }, '加强'], '合作。第二句话。'],
  ['p', { id: 'next' }, '下一段。'],
  ['p', { id: 'ruby' }, ['ruby', {}, '外', ['rt', {}, 'wài'], '交', ['rt', {}, 'jiāo']], '部长', ['script', {}, 'void "脚本";'], '出席。'],
];

/** Builds the documents in the tab and loads the module there, as `globalThis.textAtPoint`. */
async function prepare(tab: Tab): Promise<void> {
  await tab.evaluate(
    ({ spec }) => {
      const build = (s: Spec): Node => {
        if (typeof s === 'string') return document.createTextNode(s);
        const [tag, attrs, ...children] = s;
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        for (const c of children) el.append(build(c));
        return el;
      };
      document.body.replaceChildren(...spec.map(build));
      document.body.style.font = '20px sans-serif';
      document.body.style.width = '600px';
    },
    { spec: DOCUMENT },
  );
  await tab.evaluateExpression(`${await bundle}; globalThis.textAtPoint = textAtPoint; true`);
}

interface Api {
  textAtCaret(node: Text, offset: number, max: number): { text: string; sentence: string; context: { sentence: string; offset: number } } | null;
  caretAt(x: number, y: number): { node: Text; offset: number } | null;
  rangeOfChars(block: Element, node: Text, offset: number, count: number): Range;
  blockTextAt(block: Element, node: Node, offset: number): { full: string; at: number };
  blockOf(node: Node): Element;
}

forEachBrowser('the text at a point', (h) => {
  it('takes the word and sentence through inline markup, stops at the block, and leaves pinyin and scripts out', async () => {
    const tab = await h().newTab();
    await prepare(tab);
    const got = await tab.evaluate(() => {
      const api = (globalThis as unknown as { textAtPoint: Api }).textAtPoint;
      const text = (id: string, i = 0) => [...document.getElementById(id)!.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)[i] as Text;
      const inB = document.querySelector('#split b')!.firstChild as Text;
      const inLink = document.querySelector('#split a')!.firstChild as Text;
      const base = document.querySelector('#ruby ruby')!.firstChild as Text;
      const pinyin = document.querySelector('#ruby rt')!.firstChild as Text;
      const atFa = api.textAtCaret(inB, 1, 4);
      return {
        // 发 inside <b>: the text goes on past the </b>; the sentence is the whole first one.
        fa: atFa && { text: atFa.text, sentence: atFa.sentence, pointed: atFa.context.sentence[atFa.context.offset] },
        // 加 in the link, 12 characters asked: the paragraph ends first, the next one is not read.
        jia: api.textAtCaret(inLink, 0, 12)?.text,
        // A character under pinyin: the pinyin and the script's text are not part of what a reader sees.
        wai: api.textAtCaret(base, 0, 10)?.text,
        onPinyin: api.textAtCaret(pinyin, 0, 4),
        onComma: api.textAtCaret(text('split', 1), 2, 4),
        // Five characters from 交 in the first text node, across the <b>.
        range: api.rangeOfChars(document.getElementById('split')!, text('split'), 3, 5).toString(),
        // A point between an element's children (before the <b>) falls on the <b>'s first character.
        between: api.blockTextAt(document.getElementById('split')!, document.getElementById('split')!, 1),
        block: api.blockOf(inB).id,
      };
    });
    expect(got.fa).toEqual({ text: '发言人表', sentence: '中国外交部发言人表示，双方将加强合作。', pointed: '发' });
    expect(got.jia).toBe('加强合作。第二句话。');
    expect(got.wai).toBe('外交部长出席。');
    expect(got.onPinyin).toBeNull();
    expect(got.onComma).toBeNull();
    expect(got.range).toBe('交部发言人');
    expect(got.between).toEqual({ full: '中国外交部发言人表示，双方将加强合作。第二句话。', at: 4 });
    expect(got.block).toBe('split');
    await tab.close();
  });

  it('puts the caret on the character whose box holds the point, on either half of it', async () => {
    const tab = await h().newTab();
    await prepare(tab);
    const got = await tab.evaluate(() => {
      const api = (globalThis as unknown as { textAtPoint: Api }).textAtPoint;
      const node = document.querySelector('#split b')!.firstChild as Text;
      // 言, the second character in the <b>.
      const r = document.createRange();
      r.setStart(node, 1);
      r.setEnd(node, 2);
      const box = r.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const at = (x: number) => {
        const c = api.caretAt(x, y);
        return c && { same: c.node === node, offset: c.offset };
      };
      return { width: box.width, left: at(box.left + box.width * 0.25), right: at(box.left + box.width * 0.75), outside: api.caretAt(box.left, -50) };
    });
    expect(got.width).toBeGreaterThan(10);
    expect(got.left).toEqual({ same: true, offset: 1 });
    expect(got.right).toEqual({ same: true, offset: 1 });
    expect(got.outside).toBeNull();
    await tab.close();
  });
});
