/**
 * Dictionary entries ordered for a reader, as Pleco and Yomitan show them: grouped by
 * pronunciation, the reading the text has first, and in each reading the common entry
 * before variants, surname-only entries and "used in X" entries.
 *
 * CC-CEDICT lists the entries of a headword by traditional form (与 starts with
 * 與 yú "variant of 歟|欤[yú]", 据 with 㨿 "variant of 據"); a card and a saved word
 * that take its first entry teach the wrong word. Nothing here needs the extension:
 * the background and the CLI rank the same way.
 */
import type { DictEntry } from './types.ts';

/** What an entry is for a reader, from most to least useful. */
export type EntryKind = 'main' | 'bound' | 'surname' | 'variant';

const KIND_ORDER: Record<EntryKind, number> = { main: 0, bound: 1, surname: 2, variant: 3 };

/** "variant of 據|据[jù]", "old variant of 乾|干[gān]", "also written 裏|里[lǐ]", "see 某某[…]". */
const VARIANT_GLOSS =
  /^(?:\((?:archaic|old|Tw|dialect)\) )?(?:(?:old|archaic|ancient|erroneous|erhua|Japanese|Korean|non-standard|unofficial|old form|variant) )*(?:variant of|form of|also written|see|same as) /i;
/** "surname Gan", "Li (surname)", "surname Zhang; ..." */
const SURNAME_GLOSS = /^(?:surname\b|[\w' -]+ \(surname\)$)/i;
/** "used in 拮据[jié jū]", "used in names" */
const BOUND_GLOSS = /^(?:used in|\(bound form\) used in|component in) /i;

/** A gloss that only points to another form ("variant of 據|据[jù]", "old variant of …"). */
export function isVariantNote(gloss: string): boolean {
  return VARIANT_GLOSS.test(gloss);
}

export function entryKind(entry: DictEntry): EntryKind {
  const glosses = entry.english.filter((g) => g.trim() !== '');
  if (glosses.length === 0) return 'variant';
  if (glosses.every((g) => VARIANT_GLOSS.test(g))) return 'variant';
  if (glosses.every((g) => SURNAME_GLOSS.test(g) || VARIANT_GLOSS.test(g))) return 'surname';
  if (glosses.every((g) => BOUND_GLOSS.test(g) || VARIANT_GLOSS.test(g) || SURNAME_GLOSS.test(g))) return 'bound';
  return 'main';
}

/** A reading as a key: lower case, NFC, single spaces (里 Lǐ the surname and lǐ are one pronunciation). */
function readingKey(pinyin: string): string {
  return pinyin.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the text tells about the word at the point: its reading there, and the traditional form the word around it has. */
export interface ReadingHint {
  /** Tone-marked, one syllable per character, space-separated (the pinyin engine's reading in the sentence). */
  pinyin?: string;
  /** The traditional form the word has in this sentence (據 in 据外交部, 歷 in 历史). */
  traditional?: string;
}

/** The entries of one pronunciation, best entry first. */
export interface ReadingGroup {
  /** The reading as the best entry writes it ("yǔ", "Lǐ" only when every entry is the surname). */
  pinyin: string;
  /** The reading the pinyin engine gave in the sentence. */
  inContext: boolean;
  entries: DictEntry[];
}

export interface RankOptions {
  hint?: ReadingHint;
  /**
   * How common an entry's traditional form is, higher for the commoner one (for example how
   * many dictionary words begin with it): decides between two main entries of one reading
   * (历: 歷 "to experience; history" before 曆 "calendar").
   */
  commonness?: (entry: DictEntry) => number;
}

function compareEntries(a: DictEntry, b: DictEntry, ia: number, ib: number, options: RankOptions): number {
  const trad = options.hint?.traditional;
  if (trad !== undefined) {
    const ta = a.traditional === trad ? 0 : 1;
    const tb = b.traditional === trad ? 0 : 1;
    // The form of the word in the sentence wins only among entries that are more than a variant note.
    const ka = entryKind(a);
    const kb = entryKind(b);
    if (ta !== tb && ka !== 'variant' && kb !== 'variant') return ta - tb;
  }
  const k = KIND_ORDER[entryKind(a)] - KIND_ORDER[entryKind(b)];
  if (k !== 0) return k;
  // Lower case before capitals: 里 lǐ before Lǐ.
  const ca = a.pinyin === a.pinyin.toLowerCase() ? 0 : 1;
  const cb = b.pinyin === b.pinyin.toLowerCase() ? 0 : 1;
  if (ca !== cb) return ca - cb;
  if (options.commonness) {
    const c = options.commonness(b) - options.commonness(a);
    if (c !== 0) return c;
  }
  return ia - ib;
}

/**
 * The entries grouped by reading: the group of the reading in context first, then groups
 * whose best entry is a main one, in the dictionary's order; in each group the entry with
 * the sentence's traditional form first, then main entries, "used in" entries, surname-only
 * entries and variants.
 */
export function groupByReading(entries: readonly DictEntry[], options: RankOptions = {}): ReadingGroup[] {
  const index = new Map(entries.map((e, i) => [e, i]));
  const byKey = new Map<string, DictEntry[]>();
  for (const e of entries) {
    const key = readingKey(e.pinyin);
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  const wanted = options.hint?.pinyin === undefined ? null : readingKey(options.hint.pinyin);
  const groups = [...byKey.entries()].map(([key, list], order) => {
    const sorted = [...list].sort((a, b) => compareEntries(a, b, index.get(a)!, index.get(b)!, options));
    const best = sorted[0]!;
    return { key, order, best, group: { pinyin: best.pinyin, inContext: key === wanted, entries: sorted } };
  });
  groups.sort((a, b) => {
    if (a.group.inContext !== b.group.inContext) return a.group.inContext ? -1 : 1;
    const k = KIND_ORDER[entryKind(a.best)] - KIND_ORDER[entryKind(b.best)];
    if (k !== 0) return k;
    return a.order - b.order;
  });
  return groups.map((g) => g.group);
}

/**
 * What Save keeps of a looked-up word: the best entry of the best reading, with its own
 * senses and those of the other main entries of that reading that share its traditional
 * form. Variant notes of other forms are left out; a word that has nothing but variant
 * entries keeps the best one as it is.
 */
export function entryToSave(entries: readonly DictEntry[], options: RankOptions = {}): DictEntry | null {
  const group = groupByReading(entries, options)[0];
  const best = group?.entries[0];
  if (!group || !best) return null;
  const english = [...best.english];
  for (const e of group.entries.slice(1)) {
    if (e.traditional !== best.traditional || entryKind(e) !== 'main') continue;
    for (const g of e.english) if (!english.includes(g)) english.push(g);
  }
  return { simplified: best.simplified, traditional: best.traditional, pinyin: best.pinyin, english };
}
