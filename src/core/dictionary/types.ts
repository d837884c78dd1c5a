export interface DictEntry {
  simplified: string;
  traditional: string;
  /** Tone-marked, one syllable per character, space-separated: "wài jiāo". */
  pinyin: string;
  english: string[];
}

/** The words that start at one point of a text. */
export interface DictMatch {
  /** The matched text as it appears (simplified or traditional). */
  word: string;
  /** In UTF-16 code units, as `String.prototype.slice` counts. */
  length: number;
  entries: DictEntry[];
}
