/**
 * Each text export read as Anki reads it (anki-text-import.ts follows Anki's import code
 * step by step): what lands in which field, in English, German and Chinese collections, and
 * what a second import of the same or a changed file does to notes a user has tagged.
 */
import { describe, expect, it } from 'vitest';
import { stableGuid, summaryHtml, toAnki, toCsv, toTsv } from '../../../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../../../src/core/vocabulary.ts';
import { BASIC, EINFACH, WENDA, collection, getCsvMetadata, importText, mapColumns, readCsvRecords } from './anki-text-import.ts';
import { GOLDEN_WORDS } from './words.ts';

const N = GOLDEN_WORDS.length;

describe("the model of Anki's reader reproduces what Anki did to the old files", () => {
  it('old header with #notetype:Basic and #columns:Front…: in a German collection Back stays empty', () => {
    const old = '#separator:tab\n#html:true\n#columns:Front\tBack\tTags\tGUID\n#notetype:Basic\n#deck:Jiedu\n#tags:jiedu\n#tags column:3\n#guid column:4\n外交\t<b>wài jiāo</b>\t\tg1\n';
    const col = collection([EINFACH]);
    expect(importText(col, old)).toMatchObject({ new: 1 });
    expect(col.notes[0]!.fields).toEqual(['外交', '']);
  });

  it('old plain list: a note starting with an unclosed quote swallows the lines after it', () => {
    const old = 'a\ta\ta\ta\t"quoted\nb\tb\tb\tb\t\nc\tc\tc\tc\t\n';
    expect(readCsvRecords(old, '\t')).toHaveLength(1);
  });

  it('a headword starting with # is a comment unless quoted', () => {
    expect(readCsvRecords('#x\ty\nz\tw\n', '\t')).toEqual([['z', 'w']]);
    expect(readCsvRecords('"#x"\ty\n', '\t')).toEqual([['#x', 'y']]);
  });
});

describe('Anki text export', () => {
  const file = toAnki(GOLDEN_WORDS, { deck: 'Jiedu::News' });

  for (const nt of [BASIC, EINFACH, WENDA]) {
    it(`fills both fields of "${nt.name}" by position, creates the deck, one note per word`, () => {
      const col = collection([nt]);
      const md = getCsvMetadata(col, file);
      expect(md).toMatchObject({ delimiter: '\t', isHtml: true, deckColumn: 12, guidColumn: 13, tagsColumn: 14, globalTags: ['jiedu'] });
      expect(mapColumns(col, md).fieldColumns).toEqual([1, 2]);
      expect(importText(col, file)).toEqual({ new: N, updated: 0, duplicate: 0, firstFieldMatch: 0, emptyFirstField: 0, conflicting: 0 });
      expect(col.notes.map((n) => n.fields[0])).toEqual(['外交', '外长', '关系', '&lt;b&gt;&amp;amp;', '𠮷野家', '女儿', '#话题', '一带一路']);
      col.notes.forEach((n, i) => {
        expect(n.fields[1]).toBe(summaryHtml(GOLDEN_WORDS[i]!));
        expect(n.guid).toBe(stableGuid(GOLDEN_WORDS[i]!.simplified));
        expect(n.deck).toBe('Jiedu::News');
        expect(n.tags).toEqual(['jiedu']);
      });
      expect(col.decks).toContain('Jiedu::News');
    });
  }

  it('an unchanged file imported again is "already present", and the tags added in Anki stay', () => {
    const col = collection([BASIC]);
    importText(col, file);
    col.notes[0]!.tags.push('leech');
    col.notes[1]!.tags.push('marked', 'my_list');
    expect(importText(col, file)).toMatchObject({ new: 0, updated: 0, duplicate: N });
    expect(col.notes[0]!.tags).toEqual(['jiedu', 'leech']);
    expect(col.notes[1]!.tags).toEqual(['jiedu', 'marked', 'my_list']);
  });

  it('a changed word updates its note in place, keeping the tags added in Anki', () => {
    const col = collection([BASIC]);
    importText(col, file);
    col.notes[1]!.tags.push('leech');
    const changed: VocabularyRecord[] = GOLDEN_WORDS.map((w, i) => (i === 1 ? { ...w, english: ['foreign minister', 'FM'] } : w));
    expect(importText(col, toAnki(changed, { deck: 'Jiedu::News' }))).toMatchObject({ new: 0, updated: 1, duplicate: N - 1 });
    expect(col.notes).toHaveLength(N);
    expect(col.notes[1]!.fields[1]).toContain('foreign minister; FM');
    expect(col.notes[1]!.tags).toEqual(['jiedu', 'leech']);
  });

  it('fills a note type with more fields column by column', () => {
    const wide = { name: 'Chinese', fields: ['Hanzi', 'Back', 'Trad', 'Pinyin', 'Meaning', 'Sentence', 'SentencePinyin', 'Article', 'Note', 'Tags', 'Id'] };
    const col = collection([wide]);
    importText(col, toAnki(GOLDEN_WORDS, { sentencePinyin: () => 'zhōng guó' }));
    expect(col.notes[1]!.fields.slice(2)).toEqual([
      '外長',
      'wài zhǎng',
      'foreign minister',
      '国务委员兼<b>外长</b>王毅同塔吉克斯坦<b>外长</b>举行会谈。',
      'zhōng guó',
      '<a href="https://www.guancha.cn/politics/2019_09_09_517162.shtml">王毅同塔外长会谈</a>',
      'short for 外交部长',
      'diplomacy people_&amp;_titles',
      stableGuid('外长'),
    ]);
  });
});

describe('plain word list (TSV) in Anki', () => {
  it('every word is one note, with quotes and "#" kept', () => {
    const col = collection([{ name: 'Five', fields: ['S', 'T', 'P', 'D', 'N'] }]);
    const tsv = toTsv(GOLDEN_WORDS);
    expect(getCsvMetadata(col, tsv).delimiter).toBe('\t');
    expect(importText(col, tsv)).toMatchObject({ new: N });
    expect(col.notes[6]!.fields.slice(0, 2)).toEqual(['#话题', '#話題']);
    // The list holds markup-like text, so Anki takes the file for HTML and keeps quotes as they are.
    expect(col.notes[7]!.fields.slice(3)).toEqual(['"Belt and Road" initiative', '"one belt, one road']);
  });

  it('twelve words with a note opening a quote are twelve notes', () => {
    const words = Array.from({ length: 12 }, (_, i) => ({ ...GOLDEN_WORDS[0]!, simplified: `词${i}`, note: i === 3 ? '"unclosed' : '' }));
    const col = collection([{ name: 'Five', fields: ['S', 'T', 'P', 'D', 'N'] }]);
    expect(importText(col, toTsv(words))).toMatchObject({ new: 12 });
  });
});

describe('CSV in Anki', () => {
  it('with Comma chosen in the import dialog, every row reads back whole', () => {
    const csv = toCsv(GOLDEN_WORDS);
    const rows = readCsvRecords(csv, ',');
    expect(rows).toHaveLength(N + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    expect(rows[7]![0]).toBe('#话题');
    expect(rows[8]![5]).toBe('"one belt, one road\n');
  });
});
