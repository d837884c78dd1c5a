/**
 * Tone colours for pinyin, tones 1–5, in the hues readers know from other tools, each
 * darkened (on a light page) or lightened (on a dark one) until it passes WCAG AA
 * (4.5:1) as small text: the original MDBG orange #d89000 is 2.65:1 on white and its
 * green #00a000 3.48:1, and the blues that read well on white are under 2.2:1 on black.
 * tests/unit/core/pinyin/tone-colors.test.ts holds each colour to 4.5:1 on the backgrounds that test lists.
 */
import type { TONE_COLOR_SCHEMES } from '../settings.ts';

export type ToneScheme = Exclude<(typeof TONE_COLOR_SCHEMES)[number], 'off'>;
export type Shade = 'light' | 'dark';

export const TONE_COLORS: Record<ToneScheme, Record<Shade, readonly string[]>> = {
  // As the MDBG dictionary and Zhongwen colour tones: red, orange, green, blue, grey.
  mdbg: {
    light: ['#d10000', '#a35f00', '#0a7a0a', '#0000ff', '#5f5f5f'],
    dark: ['#ff6b6b', '#f0a030', '#4cc34c', '#8fa8ff', '#b0b0b0'],
  },
  // As Pleco colours tones: red, green, blue, purple, grey.
  pleco: {
    light: ['#d10000', '#08781c', '#1510f0', '#8900bf', '#5f5f5f'],
    dark: ['#ff6b6b', '#45c85a', '#8f8cff', '#d58cf5', '#b0b0b0'],
  },
};
