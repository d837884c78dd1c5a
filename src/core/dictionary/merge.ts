import type { DictEntry, DictMatch } from './types.ts';

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

/** The same for a list of matches: glossary terms that the dictionary lacks (亲诚惠容) get their own match, longest first. */
export function mergeGlossaryMatches(glossary: readonly DictMatch[], dictionary: readonly DictMatch[]): DictMatch[] {
  const byLength = new Map<number, DictMatch>();
  for (const m of dictionary) byLength.set(m.length, { ...m, entries: [...m.entries] });
  for (const g of glossary) {
    const d = byLength.get(g.length);
    byLength.set(g.length, d ? { ...d, entries: mergeGlossaryFirst(g.entries, d.entries) } : { ...g, entries: [...g.entries] });
  }
  return [...byLength.values()].sort((a, b) => b.length - a.length);
}
