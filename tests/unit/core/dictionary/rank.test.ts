import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../../scripts/build-glossary.ts';
import { ROOT } from '../../../../scripts/build.ts';
import { JieduDB } from '../../../../src/background/db.ts';
import { createSentenceReader, lookupAt, readSentence, type ReadContext } from '../../../../src/background/dictionary.ts';
import { createGlossaryService, type GlossaryService } from '../../../../src/background/glossary.ts';
import { saveVocabulary } from '../../../../src/background/vocabulary.ts';
import { loadCliDictionary } from '../../../../src/cli/commands/lookup.ts';
import { loadCliContextSources } from '../../../../src/cli/polyphone-model.ts';
import { commonnessIn, entryKind, entryToSave, groupByReading, sentenceForLookup, type DictEntry, type Dictionary } from '../../../../src/core/dictionary/index.ts';
import { savedPinyin } from '../../../../src/core/dictionary/saved-pinyin.ts';
import { PARAM_SCHEMAS } from '../../../../src/messaging/schemas.ts';
import { contextReadings } from '../../../../src/core/pinyin/context.ts';
import { SAVE_CASES } from './save-cases.ts';

let dict: Dictionary;
let glossary: GlossaryService;
let readContext: ReadContext;

beforeAll(async () => {
  [dict, glossary] = await Promise.all([loadCliDictionary(), buildGlossary().then(createGlossaryService)]);
  const sources = await loadCliContextSources();
  // What the background's context reader answers, computed here with the same model and dictionary.
  readContext = async (texts) => ({ readings: texts.map((t) => [...contextReadings(t, sources)]) });
}, 60_000);

const entry = (traditional: string, pinyin: string, ...english: string[]): DictEntry => ({ simplified: '据', traditional, pinyin, english });

describe('ranking entries for a reader', () => {
  it('tells main entries from variant, surname-only and "used in" entries', () => {
    expect(entryKind(entry('㨿', 'jù', 'variant of 據|据[jù]'))).toBe('variant');
    expect(entryKind(entry('乹', 'gān', 'old variant of 乾|干[gān]'))).toBe('variant');
    expect(entryKind(entry('一點兒', 'yī diǎn r', 'erhua variant of 一點|一点[yī diǎn]'))).toBe('variant');
    expect(entryKind(entry('乾', 'Gān', 'surname Gan'))).toBe('surname');
    expect(entryKind(entry('里', 'Lǐ', 'Li (surname)'))).toBe('surname');
    expect(entryKind(entry('据', 'jū', 'used in 拮据[jié jū]'))).toBe('bound');
    expect(entryKind(entry('裡', 'lǐ', 'lining', 'interior', 'also written 裏|里[lǐ]'))).toBe('main');
  });

  it('puts the main entry first and groups by reading, without a sentence', () => {
    const yu = groupByReading(dict.lookup('与'));
    expect(yu.map((g) => g.pinyin)).toEqual(['yǔ', 'yù', 'yú']);
    expect(yu[0]!.entries[0]!.english).toContain('and');
    const ju = groupByReading(dict.lookup('据')).flatMap((g) => g.entries);
    expect(ju[0]).toMatchObject({ traditional: '據', pinyin: 'jù' });
    expect(ju.slice(1, 3).map((e) => entryKind(e))).toEqual(['variant', 'variant']);
    expect(entryKind(ju.at(-1)!)).toBe('bound');
    // Every entry is kept, once.
    for (const ch of ['与', '据', '里', '干', '历', '只', '行', '长']) expect(groupByReading(dict.lookup(ch)).flatMap((g) => g.entries).length).toBe(dict.lookup(ch).length);
  });

  it("puts the sentence's reading and traditional form first", () => {
    const gan = groupByReading(dict.lookup('干'), { hint: { pinyin: 'gàn', traditional: '幹' } });
    expect(gan[0]).toMatchObject({ pinyin: 'gàn', inContext: true });
    expect(gan.slice(1).every((g) => !g.inContext)).toBe(true);
    // 歷 begins more words than 曆, so it leads without a sentence; 历法 (曆法) "calendar" puts 曆 first.
    const commonness = commonnessIn(dict);
    expect(entryToSave(dict.lookup('历'), { commonness })).toMatchObject({ traditional: '歷' });
    expect(entryToSave(dict.lookup('历'), { commonness, hint: { traditional: '曆' } })).toMatchObject({ traditional: '曆', english: ['calendar'] });
  });

  it('cuts the sentence around a point without losing offsets', () => {
    const text = '第一句。据外交部网站消息，双方举行会谈。第三句';
    const { sentence, offset } = sentenceForLookup(text, text.indexOf('网站'));
    expect(sentence).toBe('据外交部网站消息，双方举行会谈。');
    expect(sentence.slice(offset, offset + 2)).toBe('网站');
    const long = '很'.repeat(1000);
    const cut = sentenceForLookup(long, 500);
    expect(cut.sentence.length).toBeLessThanOrEqual(241);
    expect(cut.offset).toBe(120);
  });
});

describe('look-up and Save in real sentences', () => {
  for (const c of SAVE_CASES) {
    it(`${c.char} in ${c.phrase} (${c.file})`, async () => {
      expect(readFileSync(join(ROOT, c.file), 'utf8')).toContain(c.sentence);
      const at = c.sentence.indexOf(c.phrase) + c.at;
      expect(c.sentence[at]).toBe(c.char);
      // CC-CEDICT's own first entry is not the word this sentence has: what Save used to keep.
      const first = dict.lookup(c.char)[0]!;
      expect(first.traditional !== c.expected.traditional || first.pinyin !== c.expected.pinyin).toBe(true);
      expect(c.before.startsWith(`${first.traditional} ${first.pinyin} "${first.english[0]}`), c.before).toBe(true);

      const context = sentenceForLookup(c.sentence, at);
      const reading = await readSentence(context.sentence, readContext);
      const matches = lookupAt(dict, glossary, c.sentence.slice(at, at + 16), { context, reading });
      const m = matches.find((x) => x.word === c.char)!;
      expect(m.reading).toBe(c.expected.pinyin);
      expect(m.groups[0]).toMatchObject({ pinyin: c.expected.pinyin, inContext: true });
      expect(m.save).toMatchObject({ simplified: c.char, traditional: c.expected.traditional, pinyin: c.expected.pinyin });
      expect(
        m.save!.english.some((g) => c.expected.english.test(g)),
        m.save!.english.join('; '),
      ).toBe(true);
      expect(m.save!.english.some((g) => /variant of/.test(g) && !/also written/.test(g))).toBe(false);
      expect(m.entries[0]).toMatchObject({ traditional: c.expected.traditional, pinyin: c.expected.pinyin });
    });
  }

  it('reads the same word differently in two sentences (行 xíng in 行动, háng in 银行)', async () => {
    const sentence = '中国人民银行行长易纲表示。';
    const at = sentence.indexOf('行长');
    const context = sentenceForLookup(sentence, at);
    const reading = await readSentence(context.sentence, readContext);
    const m = lookupAt(dict, glossary, sentence.slice(at), { context, reading }).find((x) => x.word === '行')!;
    expect(m.save?.pinyin).toBe('háng');
  });

  it('without a sentence, ranks by entry kind only', () => {
    const m = lookupAt(dict, glossary, '与会')[1]!;
    expect(m.word).toBe('与');
    expect(m.reading).toBeNull();
    expect(m.groups.every((g) => !g.inContext)).toBe(true);
    expect(m.save).toMatchObject({ traditional: '與', pinyin: 'yǔ' });
  });
});

describe('reading sentences for look-ups', () => {
  it('reads a sentence once for several look-ups in it, and keeps only the last few', async () => {
    const asked: string[] = [];
    const read = createSentenceReader(async (texts) => {
      asked.push(...texts);
      return readContext(texts);
    }, 2);
    const a = await read('关键要落实到具体行动中。');
    expect(await read('关键要落实到具体行动中。')).toBe(a);
    expect(a.syllables[a.sentence.indexOf('行')]).toBe('xíng');
    await read('中国人民银行行长易纲表示。');
    await read('王毅表示，今天的阿富汗站在历史的十字路口。');
    await read('关键要落实到具体行动中。');
    expect(asked).toEqual(['关键要落实到具体行动中。', '中国人民银行行长易纲表示。', '王毅表示，今天的阿富汗站在历史的十字路口。', '关键要落实到具体行动中。']);
  });

  it('falls back to the first readings when the model cannot answer', async () => {
    const r = await readSentence('关键要落实到具体行动中。', () => Promise.reject(new Error('no model')));
    expect(r.syllables.filter((x) => x !== null)).toHaveLength(11);
  });
});

describe('the dict/lookup message', () => {
  const parse = (params: unknown) => v.safeParse(PARAM_SCHEMAS['dict/lookup'], params).success;
  it('takes the sentence around the point, bounded and pointing at the text', () => {
    expect(parse({ text: '与发展' })).toBe(true);
    expect(parse({ text: '与发展', context: { sentence: '稳定与发展。', offset: 2 } })).toBe(true);
    expect(parse({ text: '与发展', context: { sentence: '稳定与发展。', offset: 1 } })).toBe(false);
    expect(parse({ text: '与发展', context: { sentence: '稳定与发展。', offset: 9 } })).toBe(false);
    expect(parse({ text: '与发展', context: { sentence: '稳定与发展。', offset: 2.5 } })).toBe(false);
    expect(parse({ text: '与', context: { sentence: '与'.repeat(257), offset: 0 } })).toBe(false);
    expect(parse({ text: '与', context: { sentence: '与', offset: 0, extra: 1 } })).toBe(false);
  });
});

describe('saved pinyin: one form', () => {
  it('writes every word a syllable per character, in the tone style', () => {
    expect(savedPinyin('疫苗', 'yìmiáo')).toBe('yì miáo');
    expect(savedPinyin('一带一路', 'Yīdài Yīlù')).toBe('Yī dài Yī lù');
    expect(savedPinyin('兴风作浪', 'xīngfēng-zuòlàng')).toBe('xīng fēng zuò làng');
    expect(savedPinyin('访问', 'fǎng wèn')).toBe('fǎng wèn');
    expect(savedPinyin('战略', 'zhànlüè', 'number')).toBe('zhan4 lüe4');
    expect(savedPinyin('朋友', 'péng you', 'number')).toBe('peng2 you5');
    expect(savedPinyin('西安', "Xī'ān", 'none')).toBe('Xi an');
    // Pinyin that does not fit the characters is kept as written.
    expect(savedPinyin('卡拉OK', 'kǎ lā OK')).toBe('kǎ lā OK');
  });

  it('stores glossary and dictionary words alike, and says whether the sentence was added', async () => {
    const db = new JieduDB(`r-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const ctx = { sentence: '双方同意加强疫苗合作。', articleUrl: 'https://www.news.cn/a/c.html', articleTitle: '标题' };
    const g = await saveVocabulary(db, { simplified: '疫苗', traditional: '疫苗', pinyin: 'yìmiáo', english: ['vaccine'], source: 'glossary' }, ctx);
    expect(g).toMatchObject({ created: true, contextAdded: true, record: { pinyin: 'yì miáo' } });
    const same = await saveVocabulary(db, { simplified: '疫苗', traditional: '疫苗', pinyin: 'yìmiáo', english: ['vaccine'], source: 'glossary' }, ctx);
    expect(same).toMatchObject({ created: false, contextAdded: false });
    const other = await saveVocabulary(db, { simplified: '疫苗', traditional: '疫苗', pinyin: 'yìmiáo', english: ['vaccine'], source: 'glossary' }, { ...ctx, sentence: '疫苗已运抵。' });
    expect(other).toMatchObject({ created: false, contextAdded: true });
    expect(other.record.contexts).toHaveLength(2);
    const none = await saveVocabulary(db, { simplified: '疫苗', traditional: '疫苗', pinyin: 'yìmiáo', english: ['vaccine'], source: 'glossary' }, null);
    expect(none).toMatchObject({ created: false, contextAdded: false });

    // A word stored from a variant's entry (as Save kept CC-CEDICT's first entry) is corrected by saving it again.
    const ctx1 = { sentence: '创造了持续稳定与发展的“中亚奇迹”。', articleUrl: 'https://www.guancha.cn/a.shtml', articleTitle: '标题', savedAt: '2025-01-01T00:00:00.000Z' };
    await db.vocabulary.put({
      simplified: '与',
      traditional: '與',
      pinyin: 'yú',
      english: ['variant of 歟|欤[yú]', 'and', 'to give'],
      contexts: [ctx1],
      tags: ['mine'],
      note: 'my note',
      source: 'dictionary',
      createdAt: ctx1.savedAt,
      updatedAt: ctx1.savedAt,
    });
    const yu = await saveVocabulary(db, { simplified: '与', traditional: '與', pinyin: 'yǔ', english: ['and', 'to give', 'together with'], source: 'dictionary' }, ctx1);
    expect(yu).toMatchObject({ created: false, corrected: true, contextAdded: false });
    expect(yu.record).toMatchObject({ pinyin: 'yǔ', english: ['and', 'to give', 'together with'], tags: ['mine'], note: 'my note', createdAt: ctx1.savedAt });
    expect(yu.record.contexts).toHaveLength(1);
    // A word stored with another reading's main entry is the reader's: it stays.
    await db.vocabulary.put({ ...yu.record, simplified: '行', traditional: '行', pinyin: 'háng', english: ['row', 'line'] });
    const xing = await saveVocabulary(db, { simplified: '行', traditional: '行', pinyin: 'xíng', english: ['to walk'], source: 'dictionary' }, null);
    expect(xing).toMatchObject({ corrected: false, record: { pinyin: 'háng' } });

    const d = await saveVocabulary(db, { simplified: '访问', traditional: '訪問', pinyin: 'fǎng wèn', english: ['to visit'], source: 'dictionary' }, null, new Date(), 'number');
    expect(d.record.pinyin).toBe('fang3 wen4');
  });
});
