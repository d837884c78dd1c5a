/**
 * Look-up at a point of the page: CC-CEDICT's words starting there, longest
 * first (as pop-up dictionaries do), with the glossary's entry first where a
 * diplomatic term matches, and glossary terms CC-CEDICT lacks (亲诚惠容) added.
 * Each word's entries are ranked for the sentence it stands in: the reading the
 * pinyin engine gives there first, main entries before variants (core/dictionary/rank.ts).
 */
import { rankInContext, spansReadBy, type DictEntry, type Dictionary, type SentenceReading } from '../core/dictionary/index.ts';
import { analyse, type AnalysedWord } from '../core/pinyin/index.ts';
import { contextMayChange } from '../core/pinyin/context.ts';
import type { GlossaryListItem, LookupContext, LookupMatch } from '../messaging/protocol.ts';
import type { GlossaryService } from './glossary.ts';

/** The context readings of texts, as the background's polyphone model gives them ([offset, reading] where they differ from `analyse`). */
export type ReadContext = (texts: string[]) => Promise<{ readings: [number, string][][] }>;

/** A sentence as the engine reads it without the model: the base readings, and the words they came from. */
export interface BaseReading {
  reading: SentenceReading;
  words: AnalysedWord[];
}

function baseReading(sentence: string): BaseReading {
  const words = analyse(sentence);
  const syllables: (string | null)[] = new Array<string | null>(sentence.length).fill(null);
  for (const w of words) if (w.han) w.syllables.forEach((s, i) => (syllables[w.start + i] = s));
  return { reading: { sentence, words: words.map((w) => ({ start: w.start, text: w.text })), syllables }, words };
}

/**
 * The sentence as the pinyin engine reads it: its words and each character's reading, the
 * model's context readings laid over the base ones. Without the model (it failed to load)
 * the base readings stand.
 */
export async function readSentence(sentence: string, readContext: ReadContext | null, base: BaseReading = baseReading(sentence)): Promise<SentenceReading> {
  const changed = readContext
    ? await readContext([sentence]).then(
        (r) => r.readings[0] ?? [],
        () => [],
      )
    : [];
  const syllables = [...base.reading.syllables];
  for (const [offset, reading] of changed) if (offset >= 0 && offset < syllables.length) syllables[offset] = reading;
  return { ...base.reading, syllables };
}

/** readSentence, with the base reading of the same sentence at hand at once. */
export interface SentenceReader {
  (sentence: string): Promise<SentenceReading>;
  base(sentence: string): BaseReading;
}

/**
 * readSentence with the last few sentences kept: a reader often looks up several words of one
 * sentence, and the model's reading of it (about 10 ms) is then done once. `onRead` is told of each sentence the engine reads.
 */
export function createSentenceReader(readContext: ReadContext | null, keep = 16, onRead?: () => void): SentenceReader {
  const kept = new Map<string, { base: BaseReading; full?: Promise<SentenceReading> }>();
  const entry = (sentence: string) => {
    let e = kept.get(sentence);
    if (e) kept.delete(sentence);
    else {
      onRead?.();
      e = { base: baseReading(sentence) };
    }
    kept.set(sentence, e);
    if (kept.size > keep) kept.delete(kept.keys().next().value!);
    return e;
  };
  const read = (sentence: string): Promise<SentenceReading> => {
    const e = entry(sentence);
    return (e.full ??= readSentence(sentence, readContext, e.base));
  };
  return Object.assign(read, { base: (sentence: string) => entry(sentence).base });
}

/** A word found at the point, before its entries are ranked. */
interface Found {
  word: string;
  length: number;
  entries: DictEntry[];
  glossary: GlossaryListItem | null;
}

/** The dictionary's and the glossary's words starting the text, longest first. */
function findAt(dict: Dictionary, glossary: GlossaryService | null, text: string): Found[] {
  const byLength = new Map<number, Found>();
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

/** Does the sentence hold the first `length` characters of the text at the point (so its reading there applies)? */
function fits(context: LookupContext, text: string, length: number): boolean {
  return context.sentence.startsWith(text.slice(0, length), context.offset);
}

function rankFound(dict: Dictionary, found: Found[], text: string, where: { context: LookupContext; reading: SentenceReading } | null): LookupMatch[] {
  return found.map((m) => {
    const r = rankInContext(dict, m.entries, where && fits(where.context, text, m.length) ? { reading: where.reading, offset: where.context.offset, length: m.length } : null);
    return { word: m.word, length: m.length, entries: r.groups.flatMap((g) => g.entries), groups: r.groups, save: r.save, reading: r.hint.pinyin ?? null, glossary: m.glossary };
  });
}

export function lookupAt(dict: Dictionary, glossary: GlossaryService | null, text: string, where: { context: LookupContext; reading: SentenceReading } | null = null): LookupMatch[] {
  return rankFound(dict, findAt(dict, glossary, text), text, where);
}

/**
 * What a look-up at `context` reads, begun: the sentence's base reading at once, and the
 * model's reading when the word clicked holds a character the model reads (a guess that
 * decides only when the model starts; lookupInSentence decides whether to wait for it).
 * Both are kept by `read`, so the press before a click (dict/prepare) and the click's
 * look-up read a sentence once. `covers` tells which characters the model reads (its
 * description, loaded without its weights); null when it is not known.
 */
export async function beginReading(
  context: LookupContext,
  read: SentenceReader,
  covers: Promise<((char: string) => boolean) | null>,
): Promise<{ base: BaseReading; reads: ((char: string) => boolean) | null; full: Promise<SentenceReading> | null }> {
  const base = read.base(context.sentence);
  const reads = await covers.catch(() => null);
  const clicked = base.reading.words.filter((w) => w.start <= context.offset && w.start + w.text.length > context.offset).map((w): [number, number] => [w.start, w.start + w.text.length]);
  return { base, reads, full: reads === null || contextMayChange(base.words, reads, clicked) ? read(context.sentence) : null };
}

/**
 * lookupAt in the sentence around the point, as the engine reads it with the polyphone model,
 * without waiting for the model where it can change nothing the ranking reads: when no
 * character it may decide lies in the words found or in the engine's words around them, the
 * base readings there are final, and the answer is the same.
 */
export async function lookupInSentence(
  loads: Promise<[Dictionary, GlossaryService | null]>,
  text: string,
  context: LookupContext,
  read: SentenceReader,
  covers: Promise<((char: string) => boolean) | null>,
): Promise<LookupMatch[]> {
  // The gloss parts of the words at the point, read as soon as the index is open.
  void loads.then(([dict]) => dict.loadGlossParts(dict.glossPartsAt(text))).catch(() => undefined);
  // Begun while the dictionary loads (on a first look-up, it is fetched).
  const { base, reads, full } = await beginReading(context, read, covers);
  const [dict, glossary] = await loads;
  const found = await dict.read(() => findAt(dict, glossary, text));
  const spans = found.filter((m) => fits(context, text, m.length)).flatMap((m) => spansReadBy(base.reading, context.offset, m.length));
  const settled = spans.length === 0 || (reads !== null && !contextMayChange(base.words, reads, spans));
  const reading = settled ? base.reading : await (full ?? read(context.sentence));
  // Ranking reads the entries of the engine's word around the point, which may lie in another part.
  return dict.read(() => rankFound(dict, found, text, { context, reading }));
}

/**
 * lookupAt in the sentence around the point as the page shows it read (pinyin on, its context
 * readings drawn): the engine is not asked, and the card puts first the reading over the word.
 */
export async function lookupInPageReading(loads: Promise<[Dictionary, GlossaryService | null]>, text: string, context: LookupContext, reading: SentenceReading): Promise<LookupMatch[]> {
  void loads.then(([dict]) => dict.loadGlossParts(dict.glossPartsAt(text))).catch(() => undefined);
  const [dict, glossary] = await loads;
  const found = await dict.read(() => findAt(dict, glossary, text));
  return dict.read(() => rankFound(dict, found, text, { context, reading }));
}
