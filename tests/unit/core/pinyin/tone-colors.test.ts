import { describe, expect, it } from 'vitest';
import { contrast, isDark, parseColor } from '../../../../src/core/color.ts';
import { TONE_COLORS, type Shade } from '../../../../src/core/pinyin/tone-colors.ts';

/** The page backgrounds each shade is checked against: white to light grey, black to dark grey. */
const CHECKED_BACKGROUNDS: Record<Shade, readonly string[]> = {
  light: ['#ffffff', '#f4f4f4'],
  dark: ['#000000', '#121212', '#2b2b2b'],
};

const c = (s: string) => parseColor(s)!;

describe('tone colours', () => {
  it('pass WCAG AA (4.5:1) on the backgrounds of their shade, for every scheme and tone', () => {
    const ratios: number[] = [];
    for (const scheme of Object.values(TONE_COLORS)) {
      for (const shade of ['light', 'dark'] as Shade[]) {
        expect(scheme[shade]).toHaveLength(5);
        for (const color of scheme[shade]) for (const bg of CHECKED_BACKGROUNDS[shade]) ratios.push(contrast(c(color), c(bg)));
      }
    }
    expect(ratios).toHaveLength(2 * 5 * (2 + 3));
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
  });

  it('the colours MDBG and Pleco publish would fail: the check above can fail', () => {
    expect(contrast(c('#d89000'), c('#ffffff'))).toBeCloseTo(2.66, 1);
    expect(contrast(c('#00a000'), c('#ffffff'))).toBeLessThan(4.5);
    expect(contrast(c('#0000ff'), c('#000000'))).toBeLessThan(4.5);
  });

  it('reads computed colours and tells dark backgrounds from light ones', () => {
    expect(parseColor('rgb(18, 18, 18)')).toEqual({ r: 18, g: 18, b: 18, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')?.a).toBe(0);
    expect(parseColor('rgb(0 0 0 / 50%)')?.a).toBe(0.5);
    expect(parseColor('blue')).toBeNull();
    for (const bg of CHECKED_BACKGROUNDS.dark) expect(isDark(c(bg))).toBe(true);
    for (const bg of CHECKED_BACKGROUNDS.light) expect(isDark(c(bg))).toBe(false);
    expect(contrast(c('#000'), c('#fff'))).toBeCloseTo(21, 5);
  });
});
