/**
 * Glossary search for a search box: one query string, matched against the
 * characters, the pinyin (with or without tones, any spacing), pinyin initials
 * and the English renderings. Han characters in the query mean a character
 * search; anything else is tried as pinyin and as English.
 */
import { match } from 'pinyin-pro';
import { compactPinyin } from './pinyin-form.ts';
import type { Category, GlossaryEntry } from './types.ts';
import { HAN_SCRIPT } from '../han-script.ts';

type SearchField = 'characters' | 'pinyin' | 'initials' | 'english';

interface SearchOptions {
  /** Only entries in this category (or these categories). */
  category?: Category | readonly Category[];
  /** Restrict to some fields; all by default. */
  fields?: readonly SearchField[];
  limit?: number;
}

interface SearchHit<E extends GlossaryEntry = GlossaryEntry> {
  entry: E;
  /** The field that gave the best score. */
  field: SearchField;
  /** Higher is better: exact 3, prefix 2, elsewhere 1; ties keep glossary order. */
  score: number;
}

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/i;

function rank(haystack: string, needle: string): number {
  if (!needle) return 0;
  if (haystack === needle) return 3;
  if (haystack.startsWith(needle)) return 2;
  return haystack.includes(needle) ? 1 : 0;
}

interface Prepared<E> {
  entry: E;
  forms: string[];
  toned: string;
  toneless: string;
  english: string[];
}

export interface GlossarySearch<E extends GlossaryEntry = GlossaryEntry> {
  search(query: string, options?: SearchOptions): SearchHit<E>[];
  byCategory(category: Category): E[];
}

export function createSearch<E extends GlossaryEntry>(entries: readonly E[]): GlossarySearch<E> {
  const prepared: Prepared<E>[] = entries.map((entry) => ({
    entry,
    forms: [entry.simplified, entry.traditional].filter((f): f is string => !!f),
    toned: compactPinyin(entry.pinyin, { tones: true }),
    toneless: compactPinyin(entry.pinyin),
    english: [entry.english, ...entry.alternatives].map((s) => s.toLowerCase().replace(/["“”]/g, '')),
  }));

  const search = (query: string, options: SearchOptions = {}): SearchHit<E>[] => {
    const q = query.trim().normalize('NFC');
    if (!q) return [];
    const fields = new Set<SearchField>(options.fields ?? ['characters', 'pinyin', 'initials', 'english']);
    const cats = options.category === undefined ? null : new Set<Category>(typeof options.category === 'string' ? [options.category] : options.category);
    const han = HAN_SCRIPT.test(q);
    const qToned = compactPinyin(q, { tones: true });
    const qToneless = compactPinyin(q);
    const toned = TONED.test(q);
    const qEnglish = q.toLowerCase();
    // Initials are only worth trying on a short run of letters ("shzz"), not on English words.
    const initialsQuery = /^[a-z]{2,8}$/i.test(q.replace(/\s+/g, '')) ? q.replace(/\s+/g, '').toLowerCase() : null;

    const hits: { hit: SearchHit<E>; order: number }[] = [];
    prepared.forEach((p, order) => {
      if (cats && !cats.has(p.entry.category)) return;
      let best: SearchHit<E> | null = null;
      const consider = (field: SearchField, score: number): void => {
        if (score > 0 && (!best || score > best.score)) best = { entry: p.entry, field, score };
      };
      if (han) {
        if (fields.has('characters')) for (const f of p.forms) consider('characters', rank(f, q));
      } else {
        if (fields.has('pinyin')) consider('pinyin', toned ? rank(p.toned, qToned) : rank(p.toneless, qToneless));
        if (fields.has('english')) for (const e of p.english) consider('english', rank(e, qEnglish));
        if (fields.has('initials') && initialsQuery && !toned) {
          const at = match(p.entry.simplified, initialsQuery, { continuous: true, insensitive: true, v: true });
          if (at && at.length > 0) {
            const hanCount = Array.from(p.entry.simplified).length;
            consider('initials', at[0] === 0 ? (at.length === hanCount ? 3 : 2) : 1);
          }
        }
      }
      if (best) hits.push({ hit: best, order });
    });
    hits.sort((a, b) => b.hit.score - a.hit.score || a.order - b.order);
    const limited = options.limit === undefined ? hits : hits.slice(0, options.limit);
    return limited.map((h) => h.hit);
  };

  return {
    search,
    byCategory: (category) => entries.filter((e) => e.category === category),
  };
}
