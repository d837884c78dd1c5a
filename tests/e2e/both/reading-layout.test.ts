/**
 * How pinyin sits in the page, measured in Chromium and Firefox on a seed article: the
 * gap between one line's characters and the next line's pinyin (and a term's underline)
 * at the smallest, default and largest pinyin sizes; each character under its own
 * syllable; the headline annotated; tone colours at 4.5:1 or more against the page
 * under them, on a light page and on a dark one. Then the marks and cards: one Tab stop
 * for all the terms, a card by each word that moves with it and never covers it, closing
 * when the pointer leaves, focus coming back to the word, a look-up by key and inside a term.
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { DEFAULT_SETTINGS, pinyinLook, PINYIN_SIZE, type PinyinLook } from '../../../src/core/settings.ts';
import type { Page } from 'playwright-core';
import { evalInContentScript } from '../../../scripts/browser.ts';
import { TAB_PORT } from '../../../src/messaging/protocol.ts';
import { countOf, forEachBrowser, sleep, tabIdOf, waitForStored, type ExtensionHarness, type Tab } from '../harness/index.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const demo = () => demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;

/** Pinyin on (or off) in the tab with this look, as the background's command sends it. */
async function setPinyin(h: ExtensionHarness, page: Tab, on: boolean, look: PinyinLook): Promise<void> {
  const id = await tabIdOf(h, page.url());
  // Over a port to the tab, as the background's sendToTab asks.
  await h.background(
    async (g, a) =>
      new Promise((resolve, reject) => {
        const port = g.chrome.tabs.connect(a.id, { name: a.port });
        port.onMessage.addListener((m: unknown) => {
          port.disconnect();
          resolve(m);
        });
        port.onDisconnect.addListener(() => reject(new Error('the tab closed the port without an answer')));
        port.postMessage({ id: 1, message: { jiedu: 1, name: 'pinyin/set', params: { on: a.on, look: a.look } } });
      }),
    { id, on, look, port: TAB_PORT },
  );
  await expect.poll(() => countOf(page, 'span.jiedu-run > ruby'), { timeout: 20_000 }).toSatisfy((n: number) => (on ? n > 100 : n === 0));
}

interface Layout {
  lines: number;
  /** Smallest distance from a line's characters (or its underline) down to the next line's pinyin, in px. */
  minGap: number;
  minUnderlineGap: number;
  /** Largest horizontal distance between a character's centre and its syllable's, in px. */
  maxMisalign: number;
  pairs: number;
  rtPx: number;
  textPx: number;
}

/** Measures the body's annotated paragraphs: every line pair, every character with its syllable. */
function measure(page: Tab): Promise<Layout> {
  return page.evaluate(() => {
    const out = { lines: 0, minGap: Infinity, minUnderlineGap: Infinity, maxMisalign: 0, pairs: 0, rtPx: 0, textPx: 0 };
    for (const p of document.querySelectorAll('.all-txt p')) {
      const lines = new Map<number, { baseBottom: number; underline: number; rtTop: number }>();
      for (const rt of p.querySelectorAll('span.jiedu-run > ruby > rt')) {
        let base: Node | null = rt.previousSibling;
        while (base && base.nodeType !== Node.TEXT_NODE) base = base.previousSibling;
        if (!base) continue;
        const range = document.createRange();
        range.selectNodeContents(base);
        const b = range.getBoundingClientRect();
        const r = rt.getBoundingClientRect();
        if (b.height === 0 || r.height === 0) continue;
        out.rtPx = parseFloat(getComputedStyle(rt).fontSize);
        out.textPx = parseFloat(getComputedStyle(rt.parentElement!).fontSize);
        const term = rt.parentElement!.closest('span.jiedu-term');
        let underline = b.bottom;
        if (term) {
          const cs = getComputedStyle(term);
          const off = parseFloat(cs.textUnderlineOffset) || 0;
          const thick = parseFloat(cs.textDecorationThickness) || 1;
          underline = b.bottom + off + thick;
        }
        if ((base as Text).data.length === 1) {
          out.pairs++;
          out.maxMisalign = Math.max(out.maxMisalign, Math.abs(b.left + b.width / 2 - (r.left + r.width / 2)));
        }
        const key = Math.round(b.top / 4);
        const line = lines.get(key) ?? { baseBottom: -Infinity, underline: -Infinity, rtTop: Infinity };
        line.baseBottom = Math.max(line.baseBottom, b.bottom);
        line.underline = Math.max(line.underline, underline);
        line.rtTop = Math.min(line.rtTop, r.top);
        lines.set(key, line);
      }
      const sorted = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
      for (let i = 0; i + 1 < sorted.length; i++) {
        out.lines++;
        out.minGap = Math.min(out.minGap, sorted[i + 1]!.rtTop - sorted[i]!.baseBottom);
        out.minUnderlineGap = Math.min(out.minUnderlineGap, sorted[i + 1]!.rtTop - sorted[i]!.underline);
      }
    }
    return out;
  });
}

const pw = (page: Tab) => (page as unknown as { page: Page }).page;

/** The card's box as the page sees its host element; null when none is shown. */
function cardBox(page: Tab): Promise<{ top: number; left: number; bottom: number; right: number; height: number } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('jiedu-card') as HTMLElement | null;
    if (!host || host.hidden) return null;
    const r = host.getBoundingClientRect();
    if (r.width === 0) return null;
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height };
  });
}

/** The card's text, read in the content script's world (Chromium only: Firefox's driver does not reach it). */
function cardText(page: Tab): Promise<string | null> {
  return evalInContentScript<string | null>(pw(page), `(() => { const root = ${CARD_ROOT}; if (!root || root.host.hidden) return null; return root.querySelector('.card')?.textContent ?? null; })()`);
}

function box(page: Tab, selector: string): Promise<{ top: number; left: number; bottom: number; right: number }> {
  return page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
  }, selector);
}

const overlap = (a: { top: number; left: number; bottom: number; right: number }, b: { top: number; left: number; bottom: number; right: number }) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The centre of the `index`-th character of the element's text (pinyin left out). */
function charCentre(page: Tab, selector: string, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ s, i }) => {
      const el = document.querySelector(s)!;
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = i;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest('rt')) continue;
        if (left < n.data.length) {
          const r = document.createRange();
          r.setStart(n, left);
          r.setEnd(n, left + 1);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        left -= n.data.length;
      }
      throw new Error('no such character');
    },
    { s: selector, i: index },
  );
}

forEachBrowser('pinyin layout in the page', (h) => {
  it("keeps every line clear of the next line's pinyin at 40, 70 and 100 %, each character under its syllable, the headline annotated", async () => {
    const page = await h().newTab(demo().url);
    await page.setViewport(1280, 900);
    await waitForStored(h(), demo().url);
    await expect.poll(() => countOf(page, 'span.jiedu-term')).toBeGreaterThan(0);
    expect(DEFAULT_SETTINGS.pinyinSize).toBe(70);
    const seen: Record<number, Layout> = {};
    for (const size of [PINYIN_SIZE.min, DEFAULT_SETTINGS.pinyinSize, PINYIN_SIZE.max]) {
      await setPinyin(h(), page, true, { ...pinyinLook(DEFAULT_SETTINGS), pinyinSize: size });
      const m = await measure(page);
      seen[size] = m;
      if (size === DEFAULT_SETTINGS.pinyinSize) await page.screenshot('pinyin-layout-default');
      if (size === PINYIN_SIZE.max) await page.screenshot('pinyin-layout-100');
      await setPinyin(h(), page, false, pinyinLook(DEFAULT_SETTINGS));
    }
    for (const [size, m] of Object.entries(seen)) {
      expect(m.lines).toBeGreaterThan(20);
      expect(m.pairs).toBeGreaterThan(500);
      expect(m.rtPx / m.textPx).toBeCloseTo(Number(size) / 100, 1);
      expect(m.minGap).toBeGreaterThanOrEqual(1);
      expect(m.minUnderlineGap).toBeGreaterThanOrEqual(1);
      expect(m.maxMisalign).toBeLessThanOrEqual(1.5);
    }
    expect(seen[DEFAULT_SETTINGS.pinyinSize]!.rtPx).toBeGreaterThanOrEqual(11);
    // The headline, above the body, gets pinyin too.
    await setPinyin(h(), page, true, pinyinLook(DEFAULT_SETTINGS));
    expect(await countOf(page, 'li.left-main > h3 span.jiedu-run > ruby')).toBeGreaterThan(5);
    await setPinyin(h(), page, false, pinyinLook(DEFAULT_SETTINGS));
    expect(await countOf(page, 'h3 ruby')).toBe(0);
    await page.close();
  });

  it('draws tone colours at 4.5:1 or more against the page under them, light and dark', async () => {
    const page = await h().newTab(demo().url);
    await waitForStored(h(), demo().url);
    const look: PinyinLook = { ...pinyinLook(DEFAULT_SETTINGS), pinyinToneColors: 'mdbg' };
    const lowest = async () => {
      const found = await page.evaluate(() => {
        const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
        };
        const background = (el: Element): number[] => {
          for (let e: Element | null = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const ratios: Record<string, number> = {};
        for (let t = 1; t <= 5; t++) {
          const spans = [...document.querySelectorAll(`rt.jiedu-t${t}, rt .jiedu-t${t}`)].slice(0, 50);
          for (const s of spans) {
            const [a, b] = [lum(rgb(getComputedStyle(s).color)), lum(background(s))].sort((x, y) => y - x) as [number, number];
            const ratio = (a + 0.05) / (b + 0.05);
            ratios[`t${t}`] = Math.min(ratios[`t${t}`] ?? Infinity, ratio);
          }
        }
        return ratios;
      });
      return found;
    };
    await setPinyin(h(), page, true, look);
    const light = await lowest();
    await page.screenshot('pinyin-tone-colours-light');
    await setPinyin(h(), page, false, look);
    // A dark page (as a reader's dark theme or a site's night mode makes it): pinyin drawn on it gets the light shades.
    await page.evaluate(() => {
      document.documentElement.style.background = '#121212';
      document.body.style.background = '#121212';
      document.body.style.color = '#e8e8e8';
    });
    await setPinyin(h(), page, true, look);
    const dark = await lowest();
    await page.screenshot('pinyin-tone-colours-dark');
    for (const ratios of [light, dark]) {
      expect(Object.keys(ratios).sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(Math.min(...Object.values(ratios))).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('gives the terms one Tab stop, moves between them by arrow keys, and opens a card only on Enter, by the look-up key, or inside a term by click', async () => {
    const page = await h().newTab(demo().url);
    await page.setViewport(1280, 800);
    await waitForStored(h(), demo().url);
    await expect.poll(() => countOf(page, 'span.jiedu-term')).toBeGreaterThan(20);
    expect(await countOf(page, 'span.jiedu-term[tabindex="0"]')).toBe(1);
    await page.focus('span.jiedu-term[tabindex="0"]');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-jiedu-term'));
    await page.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-jiedu-term'));
    expect(second).not.toBe(first);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).tabIndex)).toBe(0);
    expect(await countOf(page, 'span.jiedu-term[tabindex="0"]')).toBe(1);
    // Focus alone opens nothing.
    await sleep(600);
    expect(await cardBox(page)).toBeNull();
    // One Tab leaves the terms behind.
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('jiedu-term') ?? false)).toBe(false);

    // The look-up key on a focused term: a dictionary card with focus inside; Escape gives focus back to the term.
    await page.focus('span.jiedu-term[data-jiedu-term="一带一路"]');
    await page.press('Alt+l');
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
    await expect.poll(() => cardBox(page)).not.toBeNull();
    if (page.browser === 'chromium') await expect.poll(() => cardText(page)).toMatch(/一带一路/);
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-jiedu-term'))).toBe('一带一路');

    // A click on 战 inside 全面战略伙伴 looks up 战略 there, by the word.
    const p = await charCentre(page, 'span.jiedu-term[data-jiedu-term="全面战略伙伴"]', 2);
    await page.clickAt(p.x, p.y);
    await expect.poll(() => cardBox(page)).not.toBeNull();
    if (page.browser === 'chromium') {
      await expect.poll(() => cardText(page)).toMatch(/^战略/);
      expect(await evalInContentScript<number>(pw(page), `CSS.highlights.get('jiedu-word')?.size ?? 0`)).toBe(1);
      expect(await evalInContentScript<string>(pw(page), `[...CSS.highlights.get('jiedu-word')][0].toString()`)).toMatch(/^战略/);
    }
    await page.press('Escape');
    await page.close();
  });

  it('keeps a card by its word (never over it, moving with it on scroll), its actions in view, and closes it when the pointer leaves', async () => {
    const page = await h().newTab(demo().url);
    await page.setViewport(1280, 700);
    await waitForStored(h(), demo().url);
    const term = 'span.jiedu-term[data-jiedu-term="一带一路"]';
    await expect.poll(() => countOf(page, term)).toBe(1);
    // The word near the bottom of the window: the card has more room above.
    await page.evaluate((t) => {
      const r = document.querySelector(t)!.getBoundingClientRect();
      window.scrollBy(0, r.top - (innerHeight - 120));
    }, term);
    await page.hover(term);
    await expect.poll(() => cardBox(page)).not.toBeNull();
    await expect.poll(async () => (await cardBox(page))!.height, { timeout: 10_000 }).toBeGreaterThan(150);
    await sleep(300);
    const word = await box(page, term);
    const card = (await cardBox(page))!;
    expect(overlap(card, word)).toBe(false);
    expect(card.bottom).toBeLessThanOrEqual(word.top);
    expect(word.top - card.bottom).toBeLessThan(8);
    expect(card.top).toBeGreaterThanOrEqual(0);
    if (page.browser === 'chromium') {
      // Save and Close are inside the card's visible box, whatever the card's length.
      const actions = await evalInContentScript<{ top: number; bottom: number }[]>(
        pw(page),
        `[...${CARD_ROOT}.querySelectorAll('.actions.sticky')].map((a) => { const r = a.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })`,
      );
      expect(actions.length).toBe(1);
      expect(actions[0]!.top).toBeGreaterThanOrEqual(card.top);
      expect(actions[0]!.bottom).toBeLessThanOrEqual(card.bottom + 0.5);
      const text = (await cardText(page)) ?? '';
      // The category by name, not its id; the sentence being read is not one of the sources.
      expect(text).toMatch(/Belt and Road/);
      expect(text).not.toMatch(/belt-and-road/);
      // The sources leave out the sentence being read; "and N more" opens the rest.
      const reading = await page.evaluate((t) => document.querySelector(t)!.closest('p')!.textContent!.replace(/\s+/g, ''), term);
      const cites = () => evalInContentScript<string[]>(pw(page), `[...${CARD_ROOT}.querySelectorAll('span.cite')].map((c) => c.textContent.replace(/\\s+/g, ''))`);
      await expect.poll(async () => (await cites()).length).toBe(2);
      expect((await cites()).some((c) => reading.includes(c.slice(-20)))).toBe(false);
      const more = await evalInContentScript<number>(
        pw(page),
        `(() => { const b = ${CARD_ROOT}.querySelector('button.link'); const n = Number((b.textContent.match(/\\d+/) ?? ['0'])[0]); b.click(); return n; })()`,
      );
      expect(more).toBeGreaterThan(0);
      await expect.poll(async () => (await cites()).length).toBe(2 + more);
    }
    await page.screenshot('card-above-word');
    // Scrolled by 100 px: the card moves with its word (scroll events come with the frames of a tab in view).
    await page.bringToFront();
    const scrolled = await page.evaluate((t) => {
      const before = document.querySelector(t)!.getBoundingClientRect().top;
      window.scrollBy(0, 100);
      return { before, after: document.querySelector(t)!.getBoundingClientRect().top };
    }, term);
    expect(scrolled.after - scrolled.before).toBeCloseTo(-100, 0);
    await sleep(300);
    const word2 = await box(page, term);
    const card2 = (await cardBox(page))!;
    expect(word2.top - word.top).toBeCloseTo(-100, 0);
    // Still beside its word (6 px away, above or below, whichever has the room now), never over it.
    expect(Math.min(Math.abs(card2.top - word2.bottom), Math.abs(word2.top - card2.bottom))).toBeLessThan(8);
    expect(card2.top).not.toBeCloseTo(card.top, 0);
    expect(overlap(card2, word2)).toBe(false);
    // The pointer leaves word and card: the card closes a moment later.
    await page.moveMouse(5, 5);
    await page.moveMouse(10, 10);
    await expect.poll(() => cardBox(page), { timeout: 5_000 }).toBeNull();
    await page.close();
  });
});
