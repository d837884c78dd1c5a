/**
 * "Add to Anki" against the AnkiConnect stand-in (tests/support/anki-connect-standin.ts) on
 * 127.0.0.1, which lets in only the extension's origin, as AnkiConnect's webCorsOriginList
 * does: a saved word sent from the vocabulary list arrives as a valid addNote into Jiedu's
 * note type (created first), a second press is reported as a duplicate; the same from the
 * look-up card on a real Xinhua page (the button saves the word, then adds it), from a glossary
 * term's card there, and from the card on the review page; and with the stand-in gone the page says that Anki does not answer;
 * the options, where listening cards turned on by keyboard give the note type its listening card.
 */
import { afterAll, expect, it } from 'vitest';
import { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, stableGuid } from '../../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';
import { AnkiConnectStandin } from '../../support/anki-connect-standin.ts';
import { database, forEachBrowser, textOf, waitForStored, type Tab } from '../harness/index.ts';
import { cardBox, clickForCard, pointAt, saveFromCardByKeyboard, vocabulary } from '../harness/page-words.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const WORD: VocabularyRecord = {
  simplified: '外交',
  traditional: '外交',
  pinyin: 'wài jiāo',
  english: ['diplomacy', 'foreign affairs'],
  contexts: [
    { sentence: '据外交部网站消息，王毅举行会谈。', articleUrl: 'https://www.guancha.cn/politics/2021_07_14_598288.shtml', articleTitle: '王毅访问塔吉克斯坦', savedAt: '2026-03-01T08:00:00.000Z' },
  ],
  tags: ['diplomacy'],
  note: '',
  source: 'dictionary',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
};

const ARTICLE = 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm';
const inCard = <T>(page: Tab, body: string) => page.evalInContentScript<T>(`(() => { const root = ${CARD_ROOT}; ${body} })()`);
/** The look-up card's status line (what Save and Add to Anki say). */
const cardStatus = (page: Tab) => inCard<string>(page, `return root?.querySelector('[role="status"]')?.textContent ?? ''`);

/** Opens the look-up card on the first occurrence of `word` in the article's text, with a real click. */
async function openCardAt(page: Tab, word: string): Promise<void> {
  const point = await pointAt(page, '#p-detail p', word);
  expect(point, word).not.toBeNull();
  await clickForCard(page, point!, `a card for ${word}`);
  // Filled (the entries come from the background), so that its buttons are there.
  await expect.poll(async () => (await page.evaluate(() => document.querySelector('jiedu-card')?.getBoundingClientRect().height ?? 0)) > 80).toBe(true);
}

/** A real click on the card's "Add to Anki" button (its place read in the content script's world: the card is a closed shadow root). */
async function pressAnkiInCard(page: Tab): Promise<void> {
  await expect.poll(() => inCard<boolean>(page, `return [...(root?.querySelectorAll('button') ?? [])].some((b) => b.textContent === 'Add to Anki')`), { timeout: 10_000 }).toBe(true);
  const at = await inCard<{ x: number; y: number }>(
    page,
    `const b = [...root.querySelectorAll('button')].find((x) => x.textContent === 'Add to Anki'); b.scrollIntoView({ block: 'nearest' }); const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`,
  );
  await page.clickAt(at.x, at.y);
}

const standins: AnkiConnectStandin[] = [];
afterAll(async () => {
  await Promise.all(standins.map((s) => s.close()));
});

forEachBrowser('Add to Anki through AnkiConnect', (h) => {
  let lib: Tab;
  let anki: AnkiConnectStandin;
  const status = () => textOf(lib, '[data-testid="anki-status"]');
  let page: Tab;
  type AddedNote = { deckName: string; modelName: string; fields: Record<string, string>; tags: string[] };
  const addNotes = () => anki.requests.filter((r) => r.action === 'addNote').map((r) => r.params!['note'] as AddedNote);

  it('sends a saved word as addNote, then reports the duplicate', async () => {
    anki = new AnkiConnectStandin({ allowedOrigins: [h().origin] });
    standins.push(anki);
    const url = await anki.listen();
    await database(h(), (db, word) => db.vocabulary.bulkPut([word]), WORD);
    await h().background(async (g, url) => {
      await g.chrome.storage.local.set({ jieduAnkiTestUrl: url, jieduAnki: { enabled: true } });
    }, url);
    lib = await h().openExtensionPage('library.html');
    await lib.click('#tab-vocabulary');
    await lib.click('[data-testid="vocab-row"] input.wrow-check');
    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toBe('Added to Anki.');
    expect(anki.models.get(JIEDU_NOTETYPE_NAME)).toEqual([...NOTE_FIELDS]);
    const created = anki.requests.find((r) => r.action === 'createModel')!.params!['cardTemplates'] as { Name: string; Front: string }[];
    expect(created.map((t) => t.Name)).toEqual(['Recognition', 'Recall', 'Listening']);
    expect(created[2]!.Front).toBe('{{#Listening}}<div class="listen">{{tts zh_CN:Simplified}}</div>{{/Listening}}');
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
    // No listening card unless asked for in the options.
    expect(note.fields['Listening']).toBe('');
    expect(note.tags).toEqual(['jiedu', 'diplomacy']);
    await lib.screenshot('library-anki-added');

    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toBe('Already in Anki: the deck has a note with this word.');
    expect(anki.notes).toHaveLength(1);
  });

  it("adds a word saved from the look-up card on a real article page with the card's own button; a second press is a duplicate", async () => {
    const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
    page = await h().newTab(demo.url);
    await waitForStored(h(), ARTICLE);
    // A second word saved only, for the review page's button below.
    await openCardAt(page, '瘫痪');
    await saveFromCardByKeyboard(h(), page, '瘫痪');
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();

    await openCardAt(page, '罢工');
    const before = addNotes().length;
    await pressAnkiInCard(page);
    await expect.poll(() => cardStatus(page), { timeout: 20_000 }).toBe('Added to Anki.');
    expect(addNotes()).toHaveLength(before + 1);
    const note = addNotes().at(-1)!;
    expect(note.modelName).toBe(JIEDU_NOTETYPE_NAME);
    expect(note.deckName).toBe('Jiedu');
    expect(Object.keys(note.fields)).toEqual([...NOTE_FIELDS]);
    expect(note.fields['Simplified']).toBe('罢工');
    expect(note.fields['Pinyin']).toBe('bà gōng');
    expect(note.fields['Sentence']).toContain('<b>罢工</b>');
    expect(note.fields['Article']).toContain(ARTICLE);
    expect(note.fields['JieduId']).toBe(stableGuid('罢工'));
    // The button saved the word first.
    expect(await vocabulary(h(), '罢工')).not.toBeNull();

    await pressAnkiInCard(page);
    await expect.poll(() => cardStatus(page), { timeout: 20_000 }).toBe('Already in Anki: the deck has a note with this word.');
    expect(anki.notes.filter((n) => n.fields['Simplified'] === '罢工')).toHaveLength(1);
    await page.press('Escape');
    await expect.poll(() => cardBox(page)).toBeNull();
  });

  it('adds a glossary term from its card (opened from the keyboard) on a real article page; the term is saved from the glossary first', async () => {
    // A page with terms of art, which are marked by default.
    const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
    const guancha = await h().newTab(demo.url);
    await expect.poll(() => guancha.evaluate(() => document.querySelectorAll('span.jiedu-term[data-jiedu-term="一带一路"]').length), { timeout: 20_000 }).toBeGreaterThan(0);
    await guancha.focus('span.jiedu-term[data-jiedu-term="一带一路"]');
    await guancha.press('Enter');
    const before = addNotes().length;
    await pressAnkiInCard(guancha);
    await expect.poll(() => cardStatus(guancha), { timeout: 20_000 }).toBe('Added to Anki.');
    expect(addNotes()).toHaveLength(before + 1);
    expect(addNotes().at(-1)!.fields['Simplified']).toBe('一带一路');
    expect((await vocabulary(h(), '一带一路'))?.source).toBe('glossary');
    await guancha.close();
  });

  it('adds the word of the card on the review page; a word already in Anki is reported as such', async () => {
    const review = await h().openExtensionPage('review.html');
    const toast = async () => (await textOf(review, '[data-testid="toast"] span')) ?? '';
    const shownWord = async () => (await textOf(review, '[data-testid="review-word"]')) ?? '';
    // Saved first, 瘫痪 comes first: it is not in Anki yet.
    await expect.poll(shownWord, { timeout: 10_000 }).toMatch(/^瘫痪/);
    const before = addNotes().length;
    await review.click('[data-testid="review-anki-add"]');
    await expect.poll(toast, { timeout: 20_000 }).toBe('Added to Anki.');
    expect(addNotes()).toHaveLength(before + 1);
    expect(addNotes().at(-1)!.fields['Simplified']).toBe('瘫痪');
    expect(addNotes().at(-1)!.fields['Sentence']).toContain('<b>瘫痪</b>');
    await review.screenshot('review-anki-added');
    await review.press('Space');
    await review.press('3');
    await expect.poll(shownWord).toMatch(/^罢工/);
    // By its key this time, as the hint under the card says.
    await expect.poll(() => review.evaluate(() => document.querySelector('.hint')?.textContent ?? '')).toContain('A adds the word to Anki.');
    await review.press('a');
    await expect.poll(toast, { timeout: 20_000 }).toBe('Already in Anki: the deck has a note with this word.');
    expect(anki.notes.filter((n) => n.fields['Simplified'] === '罢工')).toHaveLength(1);
    await review.close();
    await page.close();
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

    // Listening cards, turned on from the keyboard: Jiedu's note type as an earlier Jiedu made it
    // in Anki (no Listening field or card) gets both, and a word added then fills the field.
    anki = new AnkiConnectStandin({ allowedOrigins: [h().origin] });
    standins.push(anki);
    anki.models.set(
      JIEDU_NOTETYPE_NAME,
      NOTE_FIELDS.filter((f) => f !== 'Listening'),
    );
    anki.templates.set(JIEDU_NOTETYPE_NAME, { Recognition: { Front: '{{Simplified}}', Back: '{{Pinyin}}' }, Recall: { Front: '{{Meaning}}', Back: '{{Simplified}}' } });
    anki.decks.add('Jiedu');
    const url = await anki.listen();
    await h().background(async (g, url) => g.chrome.storage.local.set({ jieduAnkiTestUrl: url }), url);
    await opts.focus('[data-testid="anki-listening"]');
    await opts.press('Space');
    await expect.poll(() => textOf(opts, '[data-testid="anki-options-status"]'), { timeout: 20_000 }).toMatch(/^Connected to AnkiConnect/);
    expect(anki.models.get(JIEDU_NOTETYPE_NAME)).toEqual([...NOTE_FIELDS]);
    expect(Object.keys(anki.templates.get(JIEDU_NOTETYPE_NAME) ?? {})).toEqual(['Recognition', 'Recall', 'Listening']);
    expect(await opts.evaluate(() => document.querySelector('[data-testid="anki-listening"]')?.getAttribute('aria-describedby'))).toBe('anki-listening-hint');
    await lib.click('[data-testid="anki-add"]');
    await expect.poll(status, { timeout: 20_000 }).toBe('Added to Anki.');
    expect(addNotes().at(-1)!.fields['Listening']).toBe('y');
    await opts.screenshot('options-anki', { fullPage: true });
    await opts.setViewport(360, 800);
    await opts.screenshot('options-anki-360', { fullPage: true });
    await opts.close();
  });
});
