/**
 * A look-up answers without the polyphone model where the model can change nothing the
 * ranking reads: the answer must be the one the model's reading gives, at every point of
 * real sentences, and the model must be left alone for a word with no character it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../scripts/build-glossary.ts';
import { ROOT } from '../../../scripts/build.ts';
import { beginReading, createSentenceReader, lookupAt, lookupInPageReading, lookupInSentence, readSentence, type ReadContext } from '../../../src/background/dictionary.ts';
import { fitsSentence, sentenceReadingOf, type PageReading } from '../../../src/core/dictionary/page-reading.ts';
import * as v from 'valibot';
import { PARAM_SCHEMAS } from '../../../src/messaging/schemas.ts';
import { createGlossaryService, type GlossaryService } from '../../../src/background/glossary.ts';
import { loadCliDictionary } from '../../../src/cli/commands/lookup.ts';
import { loadCliContextSources } from '../../../src/cli/polyphone-model.ts';
import { sentenceForLookup, type Dictionary } from '../../../src/core/dictionary/index.ts';
import { contextReadings, type ContextSources } from '../../../src/core/pinyin/context.ts';
import { isHan } from '../../../src/core/pinyin/index.ts';
import { SAVE_CASES } from '../core/dictionary/save-cases.ts';

let dict: Dictionary;
let glossary: GlossaryService;
let sources: ContextSources;
let readContext: ReadContext;

beforeAll(async () => {
  [dict, glossary, sources] = await Promise.all([loadCliDictionary(), buildGlossary().then(createGlossaryService), loadCliContextSources()]);
  readContext = async (texts) => ({ readings: texts.map((t) => [...contextReadings(t, sources)]) });
}, 60_000);

/** Paragraphs of a seed's body, markup stripped. */
function seedText(file: string): string {
  return readFileSync(join(ROOT, 'assets/seeds', file), 'utf8')
    .split('---')
    .slice(2)
    .join('---')
    .replace(/<[^>]+>/g, '\n')
    .replace(/\n\s*\n+/g, '\n');
}

describe('look-up without waiting for the model where it changes nothing', () => {
  it("answers as the model's reading does, at every point of real text", async () => {
    const text = [seedText('000_6ce5575ba27e451a.txt'), seedText('003_e1e3ee129a945250.txt').slice(0, 1500), ...SAVE_CASES.map((c) => c.sentence)].join('\n');
    let asked = 0;
    const read = createSentenceReader(async (texts) => {
      asked++;
      return readContext(texts);
    });
    const covers = Promise.resolve((ch: string) => sources.model.covers(ch));
    let points = 0;
    for (let at = 0; at < text.length; at++) {
      if (!isHan(text[at]!)) continue;
      const context = sentenceForLookup(text, at);
      const slice = text.slice(at, at + 16);
      const expected = lookupAt(dict, glossary, slice, { context, reading: await readSentence(context.sentence, readContext) });
      const got = await lookupInSentence(Promise.resolve([dict, glossary]), slice, context, read, covers);
      expect(got, `${text.slice(at, at + 4)} at ${at}`).toEqual(expected);
      points++;
    }
    expect(points).toBeGreaterThan(1500);
    // Every sentence read by the model at most once, and some never.
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThan(new Set(text.split(/(?<=[。！？!?；;\n])/)).size);
  }, 120_000);

  it('leaves the model alone for a word with no character it reads, and asks it for one with', async () => {
    let asked = 0;
    const read = createSentenceReader(async (texts) => {
      asked++;
      return readContext(texts);
    });
    const covers = Promise.resolve((ch: string) => sources.model.covers(ch));
    const sentence = '当地时间7月13日，王毅在杜尚别同塔外长穆赫里丁举行会谈。';
    const lookup = (word: string) =>
      lookupInSentence(Promise.resolve([dict, glossary]), sentence.slice(sentence.indexOf(word), sentence.indexOf(word) + 16), sentenceForLookup(sentence, sentence.indexOf(word)), read, covers);
    expect(['毅', '穆', '赫', '里', '丁'].some((ch) => sources.model.covers(ch))).toBe(false);
    expect((await lookup('穆赫里丁'))[0]).toMatchObject({ word: '穆赫里丁', reading: 'mù hè lǐ dīng' });
    expect(asked).toBe(0);
    expect(sources.model.covers('行')).toBe(true);
    expect((await lookup('举行'))[0]).toMatchObject({ word: '举行会谈', reading: 'jǔ xíng huì tán' });
    expect(asked).toBe(1);
  });

  it('reads the sentence with the model when it cannot tell which characters the model reads', async () => {
    let asked = 0;
    const read = createSentenceReader(async (texts) => {
      asked++;
      return readContext(texts);
    });
    const sentence = '中国人民银行行长易纲表示。';
    const at = sentence.indexOf('行长');
    const m = await lookupInSentence(Promise.resolve([dict, glossary]), sentence.slice(at), sentenceForLookup(sentence, at), read, Promise.resolve(null));
    expect(asked).toBe(1);
    expect(m.find((x) => x.word === '行')?.save?.pinyin).toBe('háng');
  });

  it("reads the sentence once for the press before a click and the click's look-up", async () => {
    let asked = 0;
    const read = createSentenceReader(async (texts) => {
      asked++;
      return readContext(texts);
    });
    const covers = Promise.resolve((ch: string) => sources.model.covers(ch));
    const sentence = '巴黎大众运输公司说，全巴黎16条地铁线路有10条停运。';
    const context = sentenceForLookup(sentence, sentence.indexOf('地铁'));
    const begun = await beginReading(context, read, covers);
    expect(begun.full).not.toBeNull();
    expect(asked).toBe(1);
    const m = await lookupInSentence(Promise.resolve([dict, glossary]), sentence.slice(context.offset), context, read, covers);
    expect(asked).toBe(1);
    expect(m[0]).toMatchObject({ word: '地铁', reading: 'dì tiě' });
  });

  it("takes a press's sentence only with its point inside it", () => {
    const ok = (params: unknown) => v.safeParse(PARAM_SCHEMAS['dict/prepare'], params).success;
    expect(ok({})).toBe(true);
    expect(ok({ context: { sentence: '稳定与发展。', offset: 2 } })).toBe(true);
    expect(ok({ context: { sentence: '稳定与发展。', offset: 6 } })).toBe(false);
    expect(ok({ context: { sentence: '', offset: 0 } })).toBe(false);
    expect(ok({ context: { sentence: '稳定', offset: 0 }, more: 1 })).toBe(false);
  });
});

describe("look-up by the page's own reading (pinyin on)", () => {
  /** The engine's reading of a sentence as a page shows it: a syllable per read character, the Han words as its ruby groups them. */
  async function shown(sentence: string): Promise<PageReading> {
    const r = await readSentence(sentence, readContext);
    const words = r.words.filter((w) => r.syllables[w.start] !== null).map((w): [number, number] => [w.start, w.start + w.text.length]);
    return { syllables: [...r.syllables], words };
  }

  it("answers as the engine's reading does, when the page shows the engine's reading", async () => {
    for (const c of SAVE_CASES) {
      const at = c.sentence.indexOf(c.phrase) + c.at;
      expect(c.sentence[at]).toBe(c.char);
      const context = sentenceForLookup(c.sentence, at);
      const reading = await shown(context.sentence);
      expect(fitsSentence(context.sentence, reading)).toBe(true);
      const slice = c.sentence.slice(at, at + 16);
      const got = await lookupInPageReading(Promise.resolve([dict, glossary]), slice, context, sentenceReadingOf(context.sentence, reading));
      expect(got.find((m) => m.word === c.char)?.save?.pinyin, c.char).toBe(c.expected.pinyin);
      expect(got, c.char).toEqual(await lookupInSentence(Promise.resolve([dict, glossary]), slice, context, createSentenceReader(readContext), Promise.resolve(null)));
    }
  });

  it('puts first the reading the page shows over the word', async () => {
    const sentence = '中国的发展是和平力量的增长。';
    const at = sentence.indexOf('长');
    const context = sentenceForLookup(sentence, at);
    const reading = await shown(context.sentence);
    const look = (r: PageReading) => lookupInPageReading(Promise.resolve([dict, glossary]), sentence.slice(at), context, sentenceReadingOf(context.sentence, r));
    const first = (await look(reading)).find((m) => m.word === '长')!;
    expect(first.groups[0]).toMatchObject({ inContext: true, pinyin: 'zhǎng' });
    // Another reading shown over it (a page the reader sees it in): that one comes first, and Save keeps it.
    const other = { ...reading, syllables: reading.syllables.map((s, i) => (i === context.offset ? 'cháng' : s)) };
    const second = (await look(other)).find((m) => m.word === '长')!;
    expect(second.groups[0]).toMatchObject({ inContext: true, pinyin: 'cháng' });
    expect(second.save?.pinyin).toBe('cháng');
  });

  it('refuses a reading that does not fit its sentence, or comes without one', async () => {
    const sentence = '稳定与发展。';
    const reading = await shown(sentence);
    const lookup = (params: unknown) => v.safeParse(PARAM_SCHEMAS['dict/lookup'], params).success;
    const prepare = (params: unknown) => v.safeParse(PARAM_SCHEMAS['dict/prepare'], params).success;
    const context = { sentence, offset: 2 };
    expect(lookup({ text: '与发展', context, reading })).toBe(true);
    expect(prepare({ context, reading })).toBe(true);
    expect(lookup({ text: '与发展', reading })).toBe(false);
    expect(prepare({ reading })).toBe(false);
    const forged: unknown[] = [
      { ...reading, syllables: reading.syllables.slice(1) }, // not one per unit
      { ...reading, syllables: reading.syllables.map((s, i) => (i === 5 ? 'jù' : s)) }, // a syllable on 。
      { ...reading, syllables: reading.syllables.map((s, i) => (i === 2 ? '<img src=x>' : s)) },
      { ...reading, syllables: reading.syllables.map((s, i) => (i === 2 ? 'yǔyǔyǔyǔy' : s)) }, // too long
      {
        ...reading,
        words: [
          [0, 2],
          [1, 3],
        ],
      }, // overlapping
      {
        ...reading,
        words: [
          [3, 5],
          [0, 2],
        ],
      }, // out of order
      { ...reading, words: [[4, 6]] }, // over 。, which has no reading
      { ...reading, words: [[0, 9]] }, // past the end
      { ...reading, words: [[0.5, 2]] },
      { ...reading, extra: 1 },
      { syllables: 'wěn dìng', words: [] },
    ];
    for (const f of forged) {
      expect(lookup({ text: '与发展', context, reading: f }), JSON.stringify(f)).toBe(false);
      expect(prepare({ context, reading: f }), JSON.stringify(f)).toBe(false);
    }
  });
});
