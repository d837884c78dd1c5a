/**
 * The look of pinyin over text: a pure function of the reader's settings and of the
 * shade of the page under it, so the content script and the library's reading view
 * draw the same thing.
 *
 * - Size: a percentage of the text it annotates (the setting; 70 % by default: at 16 px
 *   text that is 11.2 px pinyin, where the browsers' own default for <rt>, 50 %, gives
 *   8 px, below what reads comfortably at 100 % zoom).
 * - Line height follows the pinyin size, so that the pinyin of one line never reaches
 *   the characters of the line above, and a term's underline below a line never reaches
 *   the next line's pinyin, at any size and zoom (tests/e2e/both/reading-layout.test.ts
 *   measures the gaps at 40, 70 and 100 %).
 * - One reading per character (see rubyPairs), centred over it, with a little room
 *   between words so word boundaries stay visible in the pinyin line.
 */
import { PINYIN_SIZE, type PinyinLook } from '../settings.ts';
import { RT_SELECTOR, RUBY_SELECTOR, RUN_CLASS } from './ruby-names.ts';
import { TONE_COLORS, type Shade } from './tone-colors.ts';

/**
 * Line height of annotated text, in units of its font size, for pinyin at `size` (a fraction):
 * the characters' own line (the CJK fonts' content area is about 1.45 em) plus the pinyin's,
 * with a small gap, measured in Chromium and Firefox with Noto CJK.
 */
export function annotatedLineHeight(size: number): number {
  return Math.round((LINE_BASE + LINE_PER_PINYIN * size) * 100) / 100;
}
const LINE_BASE = 1.6;
const LINE_PER_PINYIN = 1.4;

export function pinyinCss(look: Pick<PinyinLook, 'pinyinSize' | 'pinyinToneColors'>, shade: Shade): string {
  const size = Math.min(PINYIN_SIZE.max, Math.max(PINYIN_SIZE.min, look.pinyinSize)) / 100;
  const lines = [
    `${RUBY_SELECTOR} { ruby-position: over; ruby-align: center; margin: 0 0.1em; }`,
    `${RT_SELECTOR} {
  font-size: ${size.toFixed(2)}em; line-height: 1; font-weight: normal; font-style: normal;
  letter-spacing: 0; text-transform: none; text-indent: 0; white-space: nowrap; padding: 0 0.08em;
  ruby-align: center; user-select: none; -webkit-user-select: none;
}`,
    `span.${RUN_CLASS} { line-height: ${annotatedLineHeight(size)}; }`,
  ];
  if (look.pinyinToneColors !== 'off') {
    TONE_COLORS[look.pinyinToneColors][shade].forEach((c, i) => lines.push(`${RT_SELECTOR}.jiedu-t${i + 1}, ${RT_SELECTOR} .jiedu-t${i + 1} { color: ${c}; }`));
  }
  return lines.join('\n');
}
