/**
 * Look-up at a point of the page: CC-CEDICT's words starting there, longest
 * first (as pop-up dictionaries do), with the glossary's entry first where a
 * diplomatic term matches, and glossary terms CC-CEDICT lacks (亲诚惠容) added.
 * Each word's entries are ranked for the sentence it stands in: the reading the
 * pinyin engine gives there first, main entries before variants (core/dictionary/rank.ts).
 */
import { rankInContext, type Dictionary, type SentenceReading } from '../core/dictionary/index.ts';
import { analyse } from '../core/pinyin/index.ts';
import type { LookupContext, LookupMatch } from '../core/messages.ts';
import type { GlossaryService } from './glossary.ts';

/** The context readings of texts, as the background's polyphone model gives them ([offset, reading] where they differ from `analyse`). */
export type ReadContext = (texts: string[]) => Promise<{ readings: [number, string][][] }>;

/**
 * The sentence as the pinyin engine reads it: its words and each character's reading, the
 * model's context readings laid over the base ones. Without the model (it failed to load)
 * the base readings stand.
 */
export async function readSentence(sentence: string, readContext: ReadContext | null): Promise<SentenceReading> {
  const words = analyse(sentence);
  const syllables: (string | null)[] = new Array<string | null>(sentence.length).fill(null);
  for (const w of words) if (w.han) w.syllables.forEach((s, i) => (syllables[w.start + i] = s));
  const changed = readContext ? await readContext([sentence]).then((r) => r.readings[0] ?? [], () => []) : [];
  for (const [offset, reading] of changed) if (offset >= 0 && offset < syllables.length) syllables[offset] = reading;
  return { sentence, words: words.map((w) => ({ start: w.start, text: w.text })), syllables };
}

/**
 * readSentence with the last few sentences kept: a reader often looks up several words of one
 * sentence, and the model's reading of it (about 10 ms) is then done once.
 */
export function createSentenceReader(readContext: ReadContext | null, keep = 16): (sentence: string) => Promise<SentenceReading> {
  const kept = new Map<string, Promise<SentenceReading>>();
  return (sentence) => {
    let reading = kept.get(sentence);
    if (reading) kept.delete(sentence);
    else reading = readSentence(sentence, readContext);
    kept.set(sentence, reading);
    if (kept.size > keep) kept.delete(kept.keys().next().value!);
    return reading;
  };
}

export function lookupAt(
  dict: Dictionary,
  glossary: GlossaryService | null,
  text: string,
  where: { context: LookupContext; reading: SentenceReading } | null = null,
): LookupMatch[] {
  const byLength = new Map<number, LookupMatch>();
  const ranked = (entries: LookupMatch['entries'], length: number) => {
    const fits = where !== null && where.context.sentence.startsWith(text.slice(0, length), where.context.offset);
    const r = rankInContext(dict, entries, fits ? { reading: where.reading, offset: where.context.offset, length } : null);
    return { entries: r.groups.flatMap((g) => g.entries), groups: r.groups, save: r.save, reading: r.hint.pinyin ?? null };
  };
  for (const m of dict.longestMatchAt(text, 0)) byLength.set(m.length, { word: m.word, length: m.length, ...ranked(m.entries, m.length), glossary: null });
  for (const { form, item } of glossary?.prefixes(text) ?? []) {
    const existing = byLength.get(form.length);
    if (existing) existing.glossary ??= item;
    else {
      const entry = { simplified: item.simplified, traditional: item.traditional ?? item.simplified, pinyin: item.pinyin, english: [item.english, ...item.alternatives] };
      byLength.set(form.length, { word: form, length: form.length, ...ranked([entry], form.length), glossary: item });
    }
  }
  return [...byLength.values()].sort((a, b) => b.length - a.length);
}
