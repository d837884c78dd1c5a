/**
 * "Add to Anki" against the AnkiConnect stand-in (tests/support/anki-connect-standin.ts) on
 * 127.0.0.1, which lets in only the extension's origin, as AnkiConnect's webCorsOriginList
 * does: a saved word sent from the vocabulary list arrives as a valid addNote into Jiedu's
 * note type (created first), a second press is reported as a duplicate, and with the
 * stand-in gone the page says that Anki does not answer.
 */
import { afterAll, expect, it } from 'vitest';
import { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, stableGuid } from '../../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';
import { AnkiConnectStandin } from '../../support/anki-connect-standin.ts';
import { forEachBrowser, textOf, type Tab } from '../harness/index.ts';

const WORD: VocabularyRecord = {
  simplified: '外交',
  traditional: '外交',
  pinyin: 'wài jiāo',
  english: ['diplomacy', 'foreign affairs'],
  contexts: [{ sentence: '据外交部网站消息，王毅举行会谈。', articleUrl: 'https://www.guancha.cn/politics/2021_07_14_598288.shtml', articleTitle: '王毅访问塔吉克斯坦', savedAt: '2026-03-01T08:00:00.000Z' }],
  tags: ['diplomacy'],
  note: '',
  source: 'dictionary',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
};

const standins: AnkiConnectStandin[] = [];
afterAll(async () => {
  await Promise.all(standins.map((s) => s.close()));
});

forEachBrowser('Add to Anki through AnkiConnect', (h) => {
  let lib: Tab;
  let anki: AnkiConnectStandin;
  const status = () => textOf(lib, '[data-testid="anki-status"]');

  it('sends a saved word as addNote, then reports the duplicate', async () => {
    anki = new AnkiConnectStandin({ allowedOrigins: [h().origin] });
    standins.push(anki);
    const url = await anki.listen();
    await h().background(
      async (g, { url, word }) => {
        await g.jieduDb.vocabulary.bulkPut([word]);
        await g.chrome.storage.local.set({ jieduAnkiTestUrl: url, jieduAnki: { enabled: true } });
      },
      { url, word: WORD },
    );
    lib = await h().openExtensionPage('library.html');
    await lib.click('#tab-vocabulary');
    await lib.click('[data-testid="vocab-row"] input.wrow-check');
    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toBe('Added to Anki.');
    expect(anki.models.get(JIEDU_NOTETYPE_NAME)).toEqual([...NOTE_FIELDS]);
    const adds = anki.requests.filter((r) => r.action === 'addNote');
    expect(adds).toHaveLength(1);
    const note = adds[0]!.params!['note'] as { deckName: string; modelName: string; fields: Record<string, string>; tags: string[] };
    expect(adds[0]!.version).toBe(6);
    expect(note.deckName).toBe('Jiedu');
    expect(note.modelName).toBe(JIEDU_NOTETYPE_NAME);
    expect(Object.keys(note.fields)).toEqual([...NOTE_FIELDS]);
    expect(note.fields['Simplified']).toBe('外交');
    expect(note.fields['Sentence']).toBe('据<b>外交</b>部网站消息，王毅举行会谈。');
    expect(note.fields['SentencePinyin']).toMatch(/^jù wài jiāo bù/);
    expect(note.fields['JieduId']).toBe(stableGuid('外交'));
    expect(note.tags).toEqual(['jiedu', 'diplomacy']);
    await lib.screenshot('library-anki-added');

    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toBe('Already in Anki: the deck has a note with this word.');
    expect(anki.notes).toHaveLength(1);
  });

  it('says that Anki does not answer when nothing listens', async () => {
    await anki.close();
    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toMatch(/^Anki does not answer\. Open Anki/);
    expect(await lib.evaluate(() => document.querySelector('[data-testid="anki-status"]')?.getAttribute('role'))).toBe('alert');
  });

  it('shows the AnkiConnect settings in the options', async () => {
    const opts = await h().openExtensionPage('options.html');
    await expect.poll(() => opts.evaluate(() => (document.querySelector('[data-testid="anki-enable"]') as HTMLInputElement | null)?.checked)).toBe(true);
    expect(await opts.evaluate(() => (document.querySelector('[data-testid="anki-deck"]') as HTMLInputElement).value)).toBe('Jiedu');
    expect(await opts.evaluate(() => (document.querySelector('[data-testid="anki-model"]') as HTMLInputElement).value)).toBe(JIEDU_NOTETYPE_NAME);
    await opts.screenshot('options-anki', { fullPage: true });
    await opts.close();
  });
});
