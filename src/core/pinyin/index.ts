export type { Segment, ToneStyle, AnnotateOptions } from './types.ts';
export { annotate, analyse, type AnalysedWord } from './annotate.ts';
export { toneOf, stripTone, withTone, formatSyllable } from './syllable.ts';
export { scoreAgainstGold, syllablesOf, hanChars, type GoldDoc } from './score.ts';
export { RULES } from './rules.ts';
export { NAMES } from './lexicon.ts';
export { isHan } from './han.ts';
export { annotateDom } from './ruby.ts';
