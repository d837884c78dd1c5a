/**
 * Pinyin for the reading view, built as its own module and loaded on the first switch:
 * pinyin-pro and its lexicon are most of the page's weight, and the lists should not
 * wait for them to parse.
 */
export { annotateDom } from '../../core/pinyin/ruby.ts';
export { pinyinCss } from '../../core/pinyin/ruby-style.ts';
