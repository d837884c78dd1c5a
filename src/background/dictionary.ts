/**
 * Look-up at a point of the page: CC-CEDICT's words starting there, longest
 * first (as pop-up dictionaries do), with the glossary's entry first where a
 * diplomatic term matches, and glossary terms CC-CEDICT lacks (亲诚惠容) added.
 */
import type { Dictionary } from '../core/dictionary/index.ts';
import type { LookupMatch } from '../core/messages.ts';
import type { GlossaryService } from './glossary.ts';

export function lookupAt(dict: Dictionary, glossary: GlossaryService | null, text: string): LookupMatch[] {
  const byLength = new Map<number, LookupMatch>();
  for (const m of dict.longestMatchAt(text, 0)) byLength.set(m.length, { word: m.word, length: m.length, entries: m.entries, glossary: null });
  for (const { form, item } of glossary?.prefixes(text) ?? []) {
    const existing = byLength.get(form.length);
    if (existing) existing.glossary ??= item;
    else {
      const entry = { simplified: item.simplified, traditional: item.traditional ?? item.simplified, pinyin: item.pinyin, english: [item.english, ...item.alternatives] };
      byLength.set(form.length, { word: form, length: form.length, entries: [entry], glossary: item });
    }
  }
  return [...byLength.values()].sort((a, b) => b.length - a.length);
}
