import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotateDom, toneOf } from '../../../../src/core/pinyin/index.ts';
import { pinyinCss } from '../../../../src/core/pinyin/ruby-style.ts';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings.ts';
import { rubyPinyin, rubyWord } from '../../../../src/core/pinyin/ruby.ts';

const PAGE = `<article id="root"><h1>王毅访问塔吉克斯坦</h1>
<p>据外交部网站7月14日消息，国务委员兼外长王毅在杜尚别同塔外长穆赫里丁<b>举行</b>会谈。</p>
<p>Latin only, 2021.</p>
<script>var s = "中文脚本";</script><style>p::after { content: "样式" }</style>
<textarea>输入框</textarea><select><option>选项</option></select><pre>预格式</pre><code>代码</code>
<div contenteditable="true">可编辑</div><div contenteditable="false">不可编辑<span>内文</span></div>
<p translate="no">不翻译</p><ruby>已有<rt>yǐ yǒu</rt></ruby>
</article>`;

function setup() {
  const { document } = parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`);
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  return { document, root };
}

function textNodes(node: Node, out: Node[] = []): Node[] {
  for (const kid of Array.from(node.childNodes)) {
    if (kid.nodeType === 3) out.push(kid);
    else textNodes(kid, out);
  }
  return out;
}

describe('annotateDom', () => {
  it('wraps each Han word in one ruby with its pinyin, built without innerHTML', () => {
    const { root } = setup();
    annotateDom(root);
    const rubies = Array.from(root.querySelectorAll('span.jiedu-run > ruby'));
    const pairs = rubies.map((r) => [rubyWord(r), rubyPinyin(r)]);
    expect(pairs).toContainEqual(['举行', 'jǔ xíng']);
    expect(pairs).toContainEqual(['杜尚别', 'dù shàng bié']);
    expect(pairs).toContainEqual(['外长', 'wài zhǎng']);
    expect(pairs.every(([w, p]) => (w ?? '').length === (p ?? '').split(' ').length)).toBe(true);
    // digits and punctuation stay plain text between the rubies
    expect(root.querySelector('p')?.textContent?.includes('7月14日')).toBe(false); // rt text is interleaved now
    // Each original text node became one run of rubies and plain text.
    const baseOf = (nodes: Iterable<ChildNode>): string =>
      Array.from(nodes)
        .map((n) => {
          if (n.nodeType === 3) return n.textContent ?? '';
          const el = n as Element;
          if (el.localName === 'ruby') return rubyWord(el);
          return el.classList.contains('jiedu-run') ? baseOf(el.childNodes) : (el.textContent ?? '');
        })
        .join('');
    const base = baseOf(root.querySelector('p')?.childNodes ?? []);
    expect(base.startsWith('据外交部网站7月14日消息，')).toBe(true);
  });

  it('skips script, style, form fields, code, pre, contenteditable, translate=no and existing ruby', () => {
    const { root } = setup();
    annotateDom(root);
    for (const sel of ['script', 'style', 'textarea', 'select', 'pre', 'code', '[contenteditable="true"]', '[translate="no"]']) {
      const el = root.querySelector(sel);
      expect([sel, el?.querySelector('span.jiedu-run > ruby') ?? null]).toEqual([sel, null]);
    }
    expect(root.querySelector('script')?.textContent).toBe('var s = "中文脚本";');
    const existing = Array.from(root.querySelectorAll('ruby')).find((r) => !r.parentElement?.classList.contains('jiedu-run'));
    expect(existing?.innerHTML).toBe('已有<rt>yǐ yǒu</rt>');
    const words = Array.from(root.querySelectorAll('span.jiedu-run > ruby')).map((r) => rubyWord(r));
    // contenteditable="false" is ordinary content
    expect(words.join('')).toContain('内文');
  });

  it('remove() puts back the very same text nodes and the original markup', () => {
    const { root } = setup();
    const before = root.innerHTML;
    const nodes = textNodes(root);
    const handle = annotateDom(root, { toneColors: true });
    expect(handle.count).toBeGreaterThan(0);
    expect(root.innerHTML).not.toBe(before);
    handle.remove();
    expect(root.innerHTML).toBe(before);
    const after = textNodes(root);
    expect(after).toHaveLength(nodes.length);
    after.forEach((n, k) => expect(n).toBe(nodes[k]));
    expect(handle.count).toBe(0);
    // normalize() has nothing left to merge: no split text nodes remain
    root.normalize();
    expect(root.innerHTML).toBe(before);
  });

  it('annotateSubtree handles content added later, and remove() undoes it too', () => {
    const { document, root } = setup();
    const before = root.innerHTML;
    const handle = annotateDom(root);
    const count = handle.count;
    const p = document.createElement('p');
    p.textContent = '中方将继续提供疫苗支持。';
    root.appendChild(p);
    const addedText = p.firstChild;
    handle.annotateSubtree(p);
    expect(handle.count).toBe(count + 1);
    expect(Array.from(p.querySelectorAll('ruby')).map((r) => rubyPinyin(r))).toContain('tí gōng');
    // a second pass over the same content changes nothing
    handle.annotateSubtree(root);
    expect(handle.count).toBe(count + 1);
    handle.remove();
    expect(p.firstChild).toBe(addedText);
    root.removeChild(p);
    expect(root.innerHTML).toBe(before);
  });

  it('annotateSubtree ignores nodes outside the root or inside skipped elements', () => {
    const { document, root } = setup();
    const handle = annotateDom(root);
    const count = handle.count;
    const outside = document.createElement('p');
    outside.textContent = '外部文字';
    document.body.appendChild(outside);
    handle.annotateSubtree(outside);
    const code = root.querySelector('code');
    if (code) {
      code.appendChild(document.createTextNode('新代码'));
      handle.annotateSubtree(code.lastChild as Node);
    }
    expect(handle.count).toBe(count);
  });

  it('tone colours are classes jiedu-t1..t5 and never page text as markup', () => {
    const { document, root } = setup();
    const p = document.createElement('p');
    p.textContent = '<img src=x onerror=alert(1)>的朋友';
    root.appendChild(p);
    const handle = annotateDom(root, { toneColors: true });
    expect(p.querySelector('img')).toBeNull();
    expect(p.textContent?.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    // One syllable per <rt> here (one reading per character): the <rt> carries its tone class itself.
    expect(p.querySelector('rt span')).toBeNull();
    const spans = Array.from(p.querySelectorAll('rt')).map((s) => [s.textContent, s.className]);
    expect(spans).toEqual([
      ['de', 'jiedu-t5'],
      ['péng', 'jiedu-t2'],
      ['you', 'jiedu-t5'],
    ]);
    handle.remove();
  });

  it('exports the CSS the caller injects and toneOf for colours', () => {
    const RUBY_CSS = pinyinCss({ pinyinSize: DEFAULT_SETTINGS.pinyinSize, pinyinToneColors: 'mdbg' }, 'light');
    expect(RUBY_CSS).toContain('user-select: none');
    expect(RUBY_CSS).toContain('.jiedu-t4');
    expect(RUBY_CSS).toContain('line-height');
    expect(toneOf('xíng')).toBe(2);
  });

  it("gives each character of a word its own reading inside the word's one ruby, and annotates extra roots (a headline) with the root", () => {
    const { document } = parseHTML('<html><body><h1 id="h">王毅访问塔吉克斯坦</h1><div id="b"><p>举行会谈。</p></div><p id="out">另一段</p></body></html>');
    const root = document.getElementById('b')!;
    const h1 = document.getElementById('h')!;
    const before = document.body.innerHTML;
    const handle = annotateDom(root, { also: [h1] });
    const ruby = [...root.querySelectorAll('ruby')].find((r) => rubyWord(r) === '举行')!;
    expect([...ruby.childNodes].map((n) => `${n.nodeName.toLowerCase()}:${n.textContent}`)).toEqual(['#text:举', 'rt:jǔ', '#text:行', 'rt:xíng']);
    expect(h1.querySelectorAll('ruby').length).toBeGreaterThan(1);
    expect(document.getElementById('out')!.querySelector('ruby')).toBeNull();
    handle.annotateSubtree(document.getElementById('out')!);
    expect(document.getElementById('out')!.querySelector('ruby')).toBeNull();
    handle.remove();
    expect(document.body.innerHTML).toBe(before);
  });
});
