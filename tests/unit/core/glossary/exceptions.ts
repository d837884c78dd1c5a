/**
 * Reviewed exceptions to the pinyin checks. Each item names the term, the
 * character, the reading the glossary uses and why that reading is right even
 * though the reference does not give it. Empty lists are the goal: an entry is
 * added here only after checking a dictionary, never to silence a test.
 */
export interface ReadingException {
  term: string;
  char: string;
  reading: string;
  reason: string;
}

/** Readings that pinyin-pro's `pinyin(char, { multiple: true })` does not list. None needed at present. */
export const PINYIN_PRO_EXCEPTIONS: readonly ReadingException[] = [];

/** Terms whose glossary pinyin may differ from src/core/pinyin's annotate(). None needed at present. */
export const ANNOTATE_EXCEPTIONS: readonly ReadingException[] = [];
