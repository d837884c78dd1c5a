/**
 * How pinyin sits in the page, measured in Chromium and Firefox on a seed article: the
 * gap between one line's characters and the next line's pinyin (and a term's underline)
 * at the smallest, default and largest pinyin sizes; each character under its own
 * syllable; the headline annotated; tone colours at 4.5:1 or more against the page
 * under them, on a light page and on a dark one.
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { DEFAULT_SETTINGS, pinyinLook, PINYIN_SIZE, type PinyinLook } from '../../../src/core/settings.ts';
import { countOf, forEachBrowser, tabIdOf, waitForStored, type ExtensionHarness, type Tab } from '../harness/index.ts';

const demo = () => demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;

/** Pinyin on (or off) in the tab with this look, as the background's command sends it. */
async function setPinyin(h: ExtensionHarness, page: Tab, on: boolean, look: PinyinLook): Promise<void> {
  const id = await tabIdOf(h, page.url());
  await h.background(async (g, a) => g.chrome.tabs.sendMessage(a.id, { jiedu: 1, name: 'pinyin/set', params: { on: a.on, look: a.look } }), { id, on, look });
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

forEachBrowser('pinyin layout in the page', (h) => {
  it('keeps every line clear of the next line\'s pinyin at 40, 70 and 100 %, each character under its syllable, the headline annotated', async () => {
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
      console.log(page.browser, size, JSON.stringify(m));
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
          const spans = [...document.querySelectorAll(`rt .jiedu-t${t}`)].slice(0, 50);
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
    console.log(page.browser, JSON.stringify({ light, dark }));
    for (const ratios of [light, dark]) {
      expect(Object.keys(ratios).sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(Math.min(...Object.values(ratios))).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });
});
