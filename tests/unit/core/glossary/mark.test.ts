import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../../src/core/glossary/matcher.ts';
import { markTerms, TERM_ATTR } from '../../../../src/core/glossary/mark.ts';
import { annotateDom } from '../../../../src/core/pinyin/ruby.ts';
import type { GlossaryEntry } from '../../../../src/core/glossary/types.ts';

const entry = (simplified: string, english: string): GlossaryEntry => ({ simplified, pinyin: '', english, alternatives: [], explanation: '', category: 'slogan' });
const matcher = buildMatcher([entry('人类命运共同体', 'a community with a shared future for mankind'), entry('一带一路', 'the Belt and Road'), entry('命运', 'fate')]);

function page(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="a">${html}</div></body></html>`);
  return document as unknown as Document;
}

describe('markTerms', () => {
  it('wraps the longest terms, and removal restores the very same nodes', () => {
    const doc = page('<p>推动构建人类命运共同体，共建<b>一带一路</b>。</p><p><a href="#">一带一路</a><script>var x="一带一路"</script></p>');
    const root = doc.getElementById('a')!;
    const before = root.innerHTML;
    const firstText = root.querySelector('p')!.firstChild;
    const handle = markTerms(root, (t) => matcher.scan(t));
    expect([...root.querySelectorAll(`[${TERM_ATTR}]`)].map((s) => s.getAttribute(TERM_ATTR))).toEqual(['人类命运共同体', '一带一路']);
    expect(handle.count).toBe(2);
    handle.remove();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')!.firstChild).toBe(firstText);
  });

  it('works together with pinyin ruby inside the marks', () => {
    const doc = page('<p>共建一带一路。</p>');
    const root = doc.getElementById('a')!;
    const before = root.innerHTML;
    const marks = markTerms(root, (t) => matcher.scan(t));
    const ruby = annotateDom(root);
    const span = root.querySelector(`[${TERM_ATTR}]`)!;
    expect(span.querySelectorAll('ruby').length).toBeGreaterThan(0);
    ruby.remove();
    marks.remove();
    expect(root.innerHTML).toBe(before);
  });

  it('keeps hostile text as text', () => {
    const doc = page('<p>&lt;img src=x onerror=alert(1)&gt;一带一路</p>');
    const root = doc.getElementById('a')!;
    markTerms(root, (t) => matcher.scan(t));
    expect(root.querySelectorAll('img').length).toBe(0);
    expect(root.querySelector(`[${TERM_ATTR}]`)!.textContent).toBe('一带一路');
  });
});
