import { describe, expect, it } from 'vitest';
import { exportBackup, exportGlossary, exportVocabulary, importBackup, listVocabulary } from '../../../../src/background/library-admin.ts';
import { saveArticle } from '../../../../src/background/library.ts';
import { parseBackup, stableGuid } from '../../../../src/core/export/index.ts';
import type { GlossaryEntry } from '../../../../src/core/glossary/types.ts';
import type { VocabularyRecord } from '../../../../src/core/vocabulary.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/core/settings.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../../../src/core/review/settings.ts';
import { DEFAULT_ANKI_SETTINGS } from '../../../../src/core/anki-settings.ts';
import { sampleArticle } from '../../../support/sample-article.ts';
import { freshDb, putWords, REAL_WORDS, storedArticle, word } from './fixtures.ts';

const NOW = new Date('2026-02-03T04:05:06Z');
/** The three parts of the settings item as the background reads them for a backup. */
const inBackup = (settings: Settings) => ({ settings, reviewSettings: { ...DEFAULT_REVIEW_SETTINGS, newPerDay: 7 }, ankiSettings: { ...DEFAULT_ANKI_SETTINGS, deck: 'News' } });

describe('export/vocabulary', () => {
  it('exports a selection in the order given, in each format', async () => {
    const db = freshDb();
    await putWords(db, REAL_WORDS);
    const anki = await exportVocabulary(db, { format: 'anki', keys: ['外长', '外交', '没有'], articleUrl: null }, NOW);
    expect(anki).toMatchObject({ filename: 'jiedu-vocabulary-selection-2026-02-03.anki.txt', mime: 'text/plain;charset=utf-8', count: 2 });
    const lines = anki.text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#deck column:12']);
    const rows = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['外长', '外交']);
    expect(rows[0]!.endsWith(`\t${stableGuid('外长')}`)).toBe(true);

    const pleco = await exportVocabulary(db, { format: 'pleco', keys: ['外长'], articleUrl: null }, NOW);
    expect(pleco.text).toBe('//Jiedu\n外长[外長]\twài zhǎng\tforeign minister\n');
    const csv = await exportVocabulary(db, { format: 'csv', keys: null, articleUrl: null }, NOW);
    expect(csv).toMatchObject({ filename: 'jiedu-vocabulary-2026-02-03.csv', mime: 'text/csv;charset=utf-8', count: 3 });
    expect(csv.text.startsWith('\uFEFFsimplified,')).toBe(true);
    const tsv = await exportVocabulary(db, { format: 'tsv', keys: null, articleUrl: null }, NOW);
    expect(tsv.text.split('\n')[0]).toBe('外交\t外交\twài jiāo\tdiplomacy; foreign affairs\t');
  });

  it('hands the page what an Anki package needs, listening cards included', async () => {
    const db = freshDb();
    await putWords(db, REAL_WORDS);
    const off = await exportVocabulary(db, { format: 'apkg', keys: ['外长'], articleUrl: null }, NOW);
    expect(off.package).toMatchObject({ toneColors: 'off', listening: false, listeningChangedAt: '' });
    const on = await exportVocabulary(db, { format: 'apkg', keys: ['外长'], articleUrl: null }, NOW, { toneColors: 'pleco', listening: true, listeningChangedAt: '2026-01-01T00:00:00.000Z' });
    expect(on).toMatchObject({ filename: 'jiedu-vocabulary-selection-2026-02-03.apkg', count: 1 });
    expect(on.package).toMatchObject({ toneColors: 'pleco', listening: true, listeningChangedAt: '2026-01-01T00:00:00.000Z' });
    expect(on.package!.words.map((w) => w.simplified)).toEqual(['外长']);
  });

  it("exports one article's words", async () => {
    const db = freshDb();
    await putWords(db, [word(1), word(2), word(1001)]);
    const file = await exportVocabulary(db, { format: 'tsv', keys: null, articleUrl: storedArticle(1).url }, NOW);
    expect(file.count).toBe(2);
    expect(
      file.text
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['词1', '词1001']);
    expect(file.filename).toBe('jiedu-vocabulary-article-2026-02-03.tsv');
  });
});

describe('export/glossary', () => {
  it('turns entries into word records: english with alternatives, explanation as note, category as tag', () => {
    const entries: GlossaryEntry[] = [
      {
        simplified: '人类命运共同体',
        pinyin: 'rénlèi mìngyùn gòngtóngtǐ',
        english: 'community with a shared future for mankind',
        alternatives: ['community of common destiny'],
        explanation: 'A slogan.',
        category: 'slogan',
      },
    ];
    const file = exportGlossary(entries, 'tsv', NOW);
    expect(file.text).toBe('人类命运共同体\t人类命运共同体\trénlèi mìngyùn gòngtóngtǐ\tcommunity with a shared future for mankind; community of common destiny\tA slogan.\n');
    expect(file.filename).toBe('jiedu-glossary-2026-02-03.tsv');
    expect(exportGlossary(entries, 'anki', NOW).text).toContain('\tslogan\t');
  });
});

describe('backup', () => {
  it('merges an import and counts what was added and updated', async () => {
    const source = freshDb();
    await saveArticle(source, sampleArticle());
    await putWords(source, REAL_WORDS);
    const settings = { ...DEFAULT_SETTINGS, autoSave: false };
    const { text, filename } = await exportBackup(source, inBackup(settings), NOW);
    expect(filename).toBe('jiedu-backup-2026-02-03.json');
    const parsed = parseBackup(text);
    expect(parsed.settings).toEqual(settings);
    expect(parsed.reviewSettings).toEqual({ ...DEFAULT_REVIEW_SETTINGS, newPerDay: 7 });
    expect(parsed.ankiSettings).toEqual({ ...DEFAULT_ANKI_SETTINGS, deck: 'News' });

    const target = freshDb();
    await putWords(target, [{ ...REAL_WORDS[0]!, note: 'mine', updatedAt: '2020-01-01T00:00:00.000Z' }]);
    await listVocabulary(target, { query: '', sort: 'recent', tag: null, articleUrl: null, source: null, offset: 0, limit: 10 });
    const restored: unknown[] = [];
    const first = await importBackup(target, text, async (b) => void restored.push(b.reviewSettings));
    expect(first).toEqual({ added: { articles: 1, vocabulary: 2 }, updated: { articles: 0, vocabulary: 1 }, review: { cardsAdded: 0, cardsUpdated: 0, logAdded: 0 }, settingsRestored: true });
    expect(restored).toEqual([{ ...DEFAULT_REVIEW_SETTINGS, newPerDay: 7 }]);
    const merged = (await target.vocabulary.get('外交')) as unknown as VocabularyRecord;
    expect(merged.note).toBe('mine');
    expect((await listVocabulary(target, { query: '', sort: 'recent', tag: null, articleUrl: null, source: null, offset: 0, limit: 10 })).total).toBe(3);
    expect(await importBackup(target, text)).toEqual({
      added: { articles: 0, vocabulary: 0 },
      updated: { articles: 0, vocabulary: 0 },
      review: { cardsAdded: 0, cardsUpdated: 0, logAdded: 0 },
      settingsRestored: false,
    });
  });

  it.each([
    ['cut short', (t: string) => t.slice(0, t.length / 2), /not valid JSON/],
    ['foreign', () => JSON.stringify({ format: 'other', items: [] }), /not a Jiedu backup/],
    ['a bad record', (t: string) => t.replace('"simplified":"会谈"', '"simplified":""'), /bad record: vocabulary\[\d+\]/],
  ])('refuses a %s file and changes nothing', async (_label, spoil, message) => {
    const source = freshDb();
    await saveArticle(source, sampleArticle());
    await putWords(source, REAL_WORDS);
    const { text } = await exportBackup(source, inBackup(DEFAULT_SETTINGS), NOW);
    const target = freshDb();
    await putWords(target, [word(5)]);
    const before = { articles: await target.articles.toArray(), vocabulary: await target.vocabulary.toArray() };
    await expect(importBackup(target, spoil(text))).rejects.toThrow(message);
    expect({ articles: await target.articles.toArray(), vocabulary: await target.vocabulary.toArray() }).toEqual(before);
  });

  it('rolls back every write when the transaction fails half-way', async () => {
    const source = freshDb();
    await source.articles.bulkAdd([storedArticle(1), storedArticle(2)]);
    await putWords(source, REAL_WORDS);
    const { text } = await exportBackup(source, inBackup(DEFAULT_SETTINGS), NOW);
    const target = freshDb();
    target.vocabulary.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof target.vocabulary.bulkPut;
    await expect(importBackup(target, text)).rejects.toThrow(/disk full/);
    expect(await target.articles.count()).toBe(0);
  });

  it('round-trips 10,000 words and 1,000 articles through export, an empty database and import', async () => {
    const source = freshDb();
    const articles = Array.from({ length: 1000 }, (_, i) => storedArticle(i));
    const words = Array.from({ length: 10_000 }, (_, i) => word(i, { note: i % 7 ? '' : `note ${i}` }));
    await source.articles.bulkAdd(articles);
    await putWords(source, words);
    const { text } = await exportBackup(source, inBackup(DEFAULT_SETTINGS), NOW);

    const target = freshDb();
    const result = await importBackup(target, text);
    expect(result).toEqual({
      added: { articles: 1000, vocabulary: 10_000 },
      updated: { articles: 0, vocabulary: 0 },
      review: { cardsAdded: 0, cardsUpdated: 0, logAdded: 0 },
      settingsRestored: false,
    });
    const sortByUrl = <T extends { url: string }>(xs: T[]) => [...xs].sort((a, b) => (a.url < b.url ? -1 : 1));
    expect(sortByUrl(await target.articles.toArray())).toEqual(sortByUrl(await source.articles.toArray()));
    expect(await target.vocabulary.toArray()).toEqual(await source.vocabulary.toArray());
  }, 120_000);
});
