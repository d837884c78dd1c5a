/** One piece of annotated text: a Han word with its readings, or a run of anything else with `pinyin: ''`. */
export interface Segment {
  text: string;
  /** One syllable per Han character, separated by single spaces; `''` for non-Han runs. */
  pinyin: string;
}

/**
 * `mark`: tone marks (jǔ xíng). `number`: tone digits with the neutral tone written 5,
 * as CC-CEDICT does, so that a syllable can be looked up in the dictionary the
 * extension ships without conversion (ju3 xing2, de5). `none`: bare letters.
 * ü stays ü in every style.
 */
export type ToneStyle = 'mark' | 'number' | 'none';

export interface AnnotateOptions {
  tone?: ToneStyle;
  /** Apply the tone sandhi of 一 and 不 (off by default: see sandhi.ts). */
  sandhi?: boolean;
  /**
   * `dictionary` (the default): the neutral tone where 现代汉语词典 and learners'
   * dictionaries write it (认识 rènshi, 朋友 péngyou). `citation`: each such syllable
   * with its character's own tone (rènshí, péngyǒu), as CPP and some textbooks write them.
   */
  neutral?: 'dictionary' | 'citation';
  /**
   * Which word segmenter to use under the lexicon. `auto` takes Intl.Segmenter when the
   * runtime has it and pinyin-pro's own segmenter otherwise; the others exist so the
   * fallback path can be tested.
   */
  segmenter?: 'auto' | 'intl' | 'pinyin-pro';
  /**
   * Readings decided by context (context.ts: offset → tone-marked syllable), laid over
   * the base readings and the rules; words the domain lexicon decided keep theirs.
   */
  context?: ReadonlyMap<number, string>;
}
