export type { Segment, ToneStyle, AnnotateOptions } from './types.ts';
export { annotate, analyse, type AnalysedWord, type ReadingSource } from './annotate.ts';
export { toneOf, stripTone, withTone, formatSyllable } from './syllable.ts';
export { scoreAgainstGold, syllablesOf, hanChars, type GoldDoc, type GoldScore, type GoldMismatch } from './score.ts';
export { RULES, type Rule } from './rules.ts';
export { WORDS, NAMES } from './lexicon.ts';
export { isHan } from './han.ts';
export { annotateDom, RUBY_CSS, RUBY_SELECTOR, RT_SELECTOR, RUN_CLASS, type AnnotationHandle, type AnnotateDomOptions } from './ruby.ts';
export { pinyinCss, annotatedLineHeight } from './ruby-style.ts';
