import type { DictEntry } from './types.ts';

function sameEntry(a: DictEntry, b: DictEntry): boolean {
  return (
    a.simplified === b.simplified &&
    a.traditional === b.traditional &&
    a.pinyin.toLowerCase() === b.pinyin.toLowerCase() &&
    a.english.length === b.english.length &&
    a.english.every((g, i) => g === b.english[i])
  );
}

/**
 * The glossary's reading of a term goes before CC-CEDICT's: it is chosen for the domain
 * (外长 "foreign minister" before anything else). Exact repeats from the dictionary are dropped.
 */
export function mergeGlossaryFirst(glossary: readonly DictEntry[], dictionary: readonly DictEntry[]): DictEntry[] {
  return [...glossary, ...dictionary.filter((d) => !glossary.some((g) => sameEntry(g, d)))];
}

