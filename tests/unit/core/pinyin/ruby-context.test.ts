/**
 * Context readings in the page: drawn at once when known, or laid over the first readings
 * when they come later, changing only the <rt> of the words whose reading differs.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { annotateDom, readingTextsOf, rubyPinyin, rubyWord, type ContextLookup } from '../../../../src/core/pinyin/ruby.ts';
import { contextReadings, type ContextSources } from '../../../../src/core/pinyin/context.ts';
import { loadCliContextSources } from '../../../../src/cli/polyphone-model.ts';
import { analyse } from '../../../../src/core/pinyin/annotate.ts';
import { fitsSentence } from '../../../../src/core/dictionary/page-reading.ts';

const sources: ContextSources = await loadCliContextSources();

// Built for this test, in the style of CPP's Wikipedia sentences, where the base engine and context disagree (贬为 wéi, 高句丽 gōu).
const PAGE = `<article id="root"><p>楚王韩信被贬为淮阴侯，<b>后被</b>吕后处死。</p><p>高句丽的军队向南扩张。</p></article>`;

function setup() {
  const { document } = parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`);
  const root = document.getElementById('root')!;
  return { document, root };
}

const rtOf = (root: Element, word: string): string | undefined => {
  const r = [...root.querySelectorAll('ruby')].find((r) => rubyWord(r) === word);
  return r ? rubyPinyin(r) : undefined;
};

function lookupFor(root: Element): { lookup: ContextLookup; texts: string[] } {
  const texts = [...root.querySelectorAll('p')].flatMap((p) => readingTextsOf(p));
  const known = new Map(texts.map((t) => [t, contextReadings(t, sources)]));
  return { lookup: (t) => known.get(t), texts };
}

describe('context readings in the page', () => {
  it('are laid over the first readings when they come, rewriting only the words that change', () => {
    const { root } = setup();
    const before = root.innerHTML;
    const { lookup } = lookupFor(root);
    const h = annotateDom(root, { initial: false });
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    const first = rtOf(root, '高句丽');
    const rubies = [...root.querySelectorAll('ruby')];
    const waiting = h.textsWithoutContext();
    expect(waiting.length).toBe(2);
    const changed = h.applyContext(lookup);
    expect(changed).toBeGreaterThan(0);
    expect(rtOf(root, '高句丽')).toBe('gāo gōu lí');
    expect(first).toBe('gāo jù lì');
    // The same ruby elements, in the same order, holding the same words.
    expect([...root.querySelectorAll('ruby')]).toEqual(rubies);
    expect(h.textsWithoutContext()).toEqual([]);
    expect(h.applyContext(lookup)).toBe(0);
    h.remove();
    expect(root.innerHTML).toBe(before);
  });

  it('are drawn at once when known before the page is annotated', () => {
    const { root } = setup();
    const { lookup } = lookupFor(root);
    const h = annotateDom(root, { initial: false, contextFor: lookup });
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    expect(rtOf(root, '高句丽')).toBe('gāo gōu lí');
    expect(h.textsWithoutContext()).toEqual([]);
    expect(h.applyContext(lookup)).toBe(0);
  });

  it('keep tone colours when they redraw', () => {
    const { root } = setup();
    const { lookup } = lookupFor(root);
    const h = annotateDom(root, { initial: false, toneColors: true });
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    h.applyContext(lookup);
    const ruby = [...root.querySelectorAll('ruby')].find((r) => rubyWord(r) === '高句丽');
    // One reading per character, each in its tone's colour.
    expect([...(ruby?.querySelectorAll('rt') ?? [])].map((s) => `${s.className}:${s.textContent}`)).toEqual(['jiedu-t1:gāo', 'jiedu-t1:gōu', 'jiedu-t2:lí']);
  });

  it('are not drawn over a text the page rewrote after it was read (a framework updating its own node)', () => {
    const { root } = setup();
    const { lookup } = lookupFor(root);
    const h = annotateDom(root, { initial: false });
    const first = root.querySelector('p')!.firstChild as Text;
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    // The page writes new text into the node it owns, now out of the page (replaced by our run).
    first.data = '另一段完全不同的文字';
    const html = root.querySelector('p')!.innerHTML;
    h.applyContext(lookup);
    expect(root.querySelector('p')!.innerHTML).toBe(html);
    expect(h.textsWithoutContext().every((t) => !t.includes('另一段'))).toBe(true);
  });

  it('leave text whose context is not known yet as it was', () => {
    const { root } = setup();
    const h = annotateDom(root, { initial: false });
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    const html = root.innerHTML;
    expect(h.applyContext(() => undefined)).toBe(0);
    expect(root.innerHTML).toBe(html);
    expect(h.textsWithoutContext().length).toBe(2);
  });

  it("give the page's reading of a sentence once drawn: a syllable per character, the ruby's words, the readings context changed", () => {
    const { root } = setup();
    const { lookup } = lookupFor(root);
    const h = annotateDom(root, { initial: false, toneColors: true });
    for (const p of root.querySelectorAll('p')) h.annotateSubtree(p);
    const p = root.querySelectorAll('p')[1]!;
    const texts = shownTexts(p);
    const text = texts.map((t) => t.data).join('');
    expect(text).toBe('高句丽的军队向南扩张。');
    // Not before its context readings are drawn: the page does not yet show the engine's final reading.
    expect(h.shownReading(texts, 0, text.length)).toBeNull();
    h.applyContext(lookup);
    const reading = h.shownReading(shownTexts(p), 0, text.length)!;
    expect(reading.syllables).toEqual([
      'gāo',
      'gōu',
      'lí',
      ...analyse(text)
        .flatMap((w) => (w.han ? w.syllables : [...w.text].map(() => null)))
        .slice(3),
    ]);
    expect(reading.words.map(([a, b]) => text.slice(a, b))).toEqual([...p.querySelectorAll('ruby')].map(rubyWord));
    expect(fitsSentence(text, reading)).toBe(true);
    // Part of the text, across the <b> of the first paragraph: offsets from the part's start, the word cut at its edge.
    const first = shownTexts(root.querySelector('p')!);
    const whole = first.map((t) => t.data).join('');
    const from = whole.indexOf('侯');
    const part = h.shownReading(first, from, whole.length)!;
    expect(fitsSentence(whole.slice(from), part)).toBe(true);
    expect(part.syllables.slice(0, 4)).toEqual(['hóu', null, 'hòu', 'bèi']);
    h.remove();
    // Pinyin off: no reading to give.
    expect(h.shownReading(shownTexts(p), 0, text.length)).toBeNull();
  });
});

/** The text nodes a reader sees under `el`, readings (rt) left out (linkedom's TreeWalker ignores filters). */
function shownTexts(el: Element): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(n as Text);
    else if ((n as Element).localName !== 'rt') for (const c of n.childNodes) walk(c);
  };
  walk(el);
  return out;
}
