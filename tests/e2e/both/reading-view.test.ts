/**
 * The library's reading view with the page's reading aids, in Chromium and Firefox, on a
 * real Xinhua page (王毅 at the SCO foreign ministers' meeting, 2022) stored from its real address: pinyin in tone colours over the title and
 * the body, glossary terms marked under it, a word looked up with a click and saved with
 * its sentence and the article, a term's card opened from the keyboard, and Escape closing
 * the card (focus back where it was) before it leaves the view. The card is a closed shadow
 * root; in the library it is the page's own world that holds the test hook to its root, so
 * its text is read in both browsers.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import type { StoredArticle } from '../../../src/core/article.ts';
import { countOf, forEachBrowser, textOf, waitForStored, type Tab } from '../harness/index.ts';
import { cardBox, pointAt, saveFromCardByKeyboard, vocabulary } from '../harness/page-words.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const URL_ = 'https://www.news.cn/2022-07/29/c_1128875657.htm';
const glossary = JSON.parse(readFileSync(new URL('../../../assets/glossary.json', import.meta.url), 'utf8')) as { simplified: string; english: string }[];

/** The open card's text (null when none is shown), from the page's own world. */
const cardText = (lib: Tab) =>
  lib.evaluateExpression<string | null>(`(() => {
    const root = ${CARD_ROOT};
    const host = root?.host;
    return host && host.isConnected && !host.hidden ? (root.querySelector('.card')?.textContent ?? null) : null;
  })()`);
const focused = (lib: Tab) =>
  lib.evaluate(() => {
    const a = document.activeElement;
    return a
      ? `${a.localName}${a.getAttribute('data-jiedu-term') ? ` term ${a.getAttribute('data-jiedu-term')}` : ''}${a.getAttribute('data-url') ? ` row ${a.getAttribute('data-url')}` : ''}`
      : 'none';
  });

forEachBrowser('the library reading view: pinyin, marks, look-up and save, the keyboard', (h) => {
  let article: StoredArticle;
  let lib: Tab;

  it('reads a stored page with pinyin in tone colours over the title and the body, terms marked under it', async () => {
    const demo = demoPages().find((p) => p.file.endsWith('xinhua-12-2022.html'))!;
    const page = await h().newTab(demo.url);
    article = await waitForStored(h(), URL_);
    await page.close();
    // Tone colours on (the options' setting), as a reader who wants them has it.
    await h().background(async (g) => g.chrome.storage.local.set({ settings: { version: 1, values: { pinyinToneColors: 'mdbg' } } }));
    lib = await h().openExtensionPage('library.html');
    await lib.setViewport(1280, 900);
    await lib.click(`[data-testid="article-row"] button.title[data-url="${URL_}"]`);
    await expect.poll(() => textOf(lib, '[data-testid="reader-body"] p')).toBe(article.paragraphs[0]);
    // Marks as on the page: terms of art, each once.
    await expect.poll(() => countOf(lib, '[data-testid="reader-body"] span.jiedu-term')).toBeGreaterThan(0);
    // 上海合作组织, 发展振兴 …: the terms of art, each once.
    const marked = await lib.evaluate(() => [...document.querySelectorAll('[data-testid="reader-body"] span.jiedu-term')].map((s) => s.getAttribute('data-jiedu-term')!));
    expect(marked).toContain('上海合作组织');
    expect(new Set(marked).size).toBe(marked.length);
    expect(await countOf(lib, '[data-testid="reader-body"] span.jiedu-term[tabindex="0"]')).toBe(1);

    await lib.click('[data-testid="reader-pinyin"]');
    await expect.poll(() => countOf(lib, '[data-testid="reader-body"][data-readings="final"]'), { timeout: 20_000 }).toBe(1);
    expect(await countOf(lib, '[data-testid="reader-title"] ruby')).toBeGreaterThan(3);
    // Each syllable in its tone's colour, the title's too.
    const colours = await lib.evaluate(() =>
      [
        ...document.querySelectorAll(
          '[data-testid="reader-title"] rt[class^="jiedu-t"], [data-testid="reader-title"] rt [class^="jiedu-t"], [data-testid="reader-body"] rt[class^="jiedu-t"], [data-testid="reader-body"] rt [class^="jiedu-t"]',
        ),
      ]
        .slice(0, 400)
        .map((s) => `${s.className} ${getComputedStyle(s).color}`),
    );
    const byTone = new Map<string, Set<string>>();
    for (const c of colours) {
      const [tone, ...rgb] = c.split(' ');
      byTone.set(tone!, (byTone.get(tone!) ?? new Set()).add(rgb.join(' ')));
    }
    for (const tone of ['jiedu-t1', 'jiedu-t2', 'jiedu-t3', 'jiedu-t4']) expect(byTone.get(tone)?.size, tone).toBe(1);
    expect(new Set([...byTone.values()].map((s) => [...s][0])).size).toBeGreaterThanOrEqual(4);
    // The marks stay, with the pinyin inside them.
    expect(await countOf(lib, '[data-testid="reader-body"] span.jiedu-term ruby')).toBeGreaterThan(0);
    expect(await countOf(lib, '[data-testid="reader-body"] span.jiedu-term')).toBe(marked.length);
    await lib.screenshot('reading-view-pinyin-marks');
  });

  it('looks up a clicked word and saves it with its sentence and the article; Escape closes the card, then leaves the view', async () => {
    const point = await pointAt(lib, '[data-testid="reader-body"]', '驳');
    expect(point).not.toBeNull();
    await lib.clickAt(point!.x, point!.y);
    await expect.poll(() => cardText(lib), { timeout: 15_000 }).toMatch(/驳斥.*bó chì.*to refute/s);
    // Beside its word, not over it.
    const card = (await cardBox(lib))!;
    expect(card.top > point!.y || card.bottom < point!.y).toBe(true);
    await lib.screenshot('reading-view-lookup-card');
    await saveFromCardByKeyboard(h(), lib, '驳斥');
    const word = await vocabulary(h(), '驳斥');
    expect(word).toMatchObject({ source: 'dictionary', pinyin: 'bó chì' });
    expect(word!.contexts[0]).toMatchObject({ articleUrl: article.url, articleTitle: article.title });
    expect(word!.contexts[0]!.sentence).toContain('驳斥');
    expect(article.paragraphs.some((p) => p.includes(word!.contexts[0]!.sentence))).toBe(true);
    await expect.poll(() => cardText(lib)).toMatch(/Saved/);
    // The library's counts follow.
    await expect.poll(() => textOf(lib, '[data-testid="lib-stats"]')).toMatch(/Words: 1$/);
    // Focus was in the card: Escape closes it and focus goes back to the paragraph of the word, not to the top.
    await lib.press('Escape');
    await expect.poll(() => cardBox(lib)).toBeNull();
    const back = await lib.evaluate(() => {
      const a = document.activeElement;
      if (!a?.matches('[data-testid="reader-body"] p')) return a?.localName ?? 'none';
      const text = a.cloneNode(true) as Element;
      for (const rt of text.querySelectorAll('rt')) rt.remove();
      return `p ${text.textContent}`;
    });
    expect(back).toMatch(/^p .*驳斥/);
    expect(await countOf(lib, '[data-testid="reader-body"]')).toBe(1);

    // A card opened with the mouse (focus on <body>): the first Escape closes it, the second leaves the view.
    const again = (await pointAt(lib, '[data-testid="reader-body"]', '驳'))!;
    await lib.clickAt(again.x, again.y);
    await expect.poll(() => cardText(lib), { timeout: 15_000 }).toMatch(/驳斥/);
    await lib.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await lib.press('Escape');
    await expect.poll(() => cardBox(lib)).toBeNull();
    expect(await countOf(lib, '[data-testid="reader-body"]')).toBe(1);
    await lib.press('Escape');
    await expect.poll(() => focused(lib)).toBe(`button row ${URL_}`);
    // Nothing of the view stays behind: no card host, no marks in the list.
    expect(await countOf(lib, 'jiedu-card')).toBe(0);
    expect(await countOf(lib, 'span.jiedu-term')).toBe(0);
  });

  it("opens a marked term's card from the keyboard; Escape returns focus to the term; Back returns to the list", async () => {
    await lib.press('Enter');
    await expect.poll(() => focused(lib)).toBe('h2');
    await expect.poll(() => countOf(lib, '[data-testid="reader-body"] span.jiedu-term[tabindex="0"]')).toBe(1);
    const first = (await lib.evaluate(() => document.querySelector('[data-testid="reader-body"] span.jiedu-term')!.getAttribute('data-jiedu-term')))!;
    // The title, then Back, Pinyin, Original page, then the terms: one stop for all of them.
    for (let i = 0; i < 6 && (await focused(lib)) !== `span term ${first}`; i++) await lib.press('Tab');
    expect(await focused(lib)).toBe(`span term ${first}`);
    expect(await cardBox(lib)).toBeNull(); // focusing a term opens nothing
    await lib.press('Enter');
    await expect.poll(() => cardBox(lib)).not.toBeNull();
    await expect.poll(() => focused(lib)).toBe('jiedu-card');
    const entry = glossary.find((e) => e.simplified === first)!;
    await expect.poll(() => cardText(lib)).toContain(entry.english);
    await lib.screenshot('reading-view-term-card');
    await lib.press('Escape');
    await expect.poll(() => cardBox(lib)).toBeNull();
    expect(await focused(lib)).toBe(`span term ${first}`);
    // Still in the view; Shift+Tab back to Back (before the terms: Original page, Pinyin, Back), Enter returns to the list.
    expect(await countOf(lib, '[data-testid="reader-body"]')).toBe(1);
    await lib.focus('[data-testid="reader-title"]');
    await lib.press('Tab');
    await lib.press('Enter');
    await expect.poll(() => focused(lib)).toBe(`button row ${URL_}`);
    await lib.close();
  });
});
