/**
 * The library page in Chromium and Firefox: a demo article saved by visiting it, and
 * 10,000 words generated here (marked "generated") written straight into the database.
 * Files the page offers for download are read where the page makes them (its Blob and
 * <a download>), the same way in both browsers.
 */
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { expect, it } from 'vitest';
import { stableGuid } from '../../../src/core/export/index.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import type { StoredArticle } from '../../../src/core/article.ts';
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';
import { annotate } from '../../../src/core/pinyin/index.ts';
import { contextReadings } from '../../../src/core/pinyin/context.ts';
import { loadCliContextSources } from '../../../src/cli/polyphone-model.ts';
import { countOf, database, forEachBrowser, textOf, waitForStored, type ExtensionHarness, type Tab } from '../harness/index.ts';
import { pointAt } from '../harness/page-words.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

async function seedWords(h: ExtensionHarness, article: StoredArticle): Promise<void> {
  await database(
    h,
    async (db, { url, title, sentence }) => {
      const base = Date.UTC(2025, 0, 1);
      // Generated test data, not real vocabulary.
      const rows: VocabularyRecord[] = Array.from({ length: 10_000 }, (_, i) => {
        const stamp = new Date(base + i * 1000).toISOString();
        return {
          simplified: `生成词${i}`,
          traditional: '',
          pinyin: `shēng chéng cí ${i}`,
          english: [`generated test word ${i}`],
          contexts: [{ sentence: `生成的例句${i}。`, articleUrl: url, articleTitle: title, savedAt: stamp }],
          tags: ['generated'],
          note: '',
          source: 'dictionary',
          createdAt: stamp,
          updatedAt: stamp,
        };
      });
      const stamp = new Date(base - 1000).toISOString();
      rows.push({
        simplified: '外交',
        traditional: '外交',
        pinyin: 'wài jiāo',
        english: ['diplomacy', 'foreign affairs'],
        contexts: [{ sentence, articleUrl: url, articleTitle: title, savedAt: stamp }],
        tags: ['diplomacy'],
        note: '',
        source: 'glossary',
        createdAt: stamp,
        updatedAt: stamp,
      });
      await db.vocabulary.bulkPut(rows);
    },
    { url: article.url, title: article.title, sentence: article.paragraphs[0]! },
  );
}

const counts = (h: ExtensionHarness) => database(h, async (db) => ({ articles: await db.articles.count(), vocabulary: await db.vocabulary.count() }));
const storedWord = (h: ExtensionHarness, key: string) => database(h, async (db, k) => (await db.vocabulary.get(k)) ?? null, key);

/** Keeps, instead of downloading, each file the page offers (its Blob and its <a download> name). */
function catchDownloads(tab: Tab): Promise<void> {
  return tab.evaluate(() => {
    const w = window as unknown as { caught: { name: string; blob: Blob }[] };
    w.caught = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create(obj);
      if (obj instanceof Blob) blobs.set(url, obj);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (this.download && blob) w.caught.push({ name: this.download, blob });
      else click.call(this);
    };
  });
}
const downloads = (tab: Tab) =>
  tab.evaluate(async () => Promise.all((window as unknown as { caught: { name: string; blob: Blob }[] }).caught.map(async (d) => ({ name: d.name, text: await d.blob.text() }))));
/** A caught download's bytes, as base64 (what crosses from the page to the test). */
const downloadBytes = async (tab: Tab, index: number) =>
  Buffer.from(
    await tab.evaluate(async (i) => {
      const bytes = new Uint8Array(await (window as unknown as { caught: { blob: Blob }[] }).caught[i]!.blob.arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    }, index),
    'base64',
  );

forEachBrowser('library page', (h, browser) => {
  let article: StoredArticle;
  let lib: Tab;
  const vocabCount = () => textOf(lib, '[data-testid="vocab-count"]');

  it('lists the article and reads it offline with pinyin', async () => {
    const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
    const page = await h().newTab(demo.url);
    article = await waitForStored(h(), demo.url);
    await page.close();
    await seedWords(h(), article);
    lib = await h().openExtensionPage('library.html');
    await catchDownloads(lib);
    await expect.poll(() => textOf(lib, '[data-testid="lib-stats"]')).toBe('Articles: 1 · Words: 10,001');
    await expect.poll(() => textOf(lib, '[data-testid="article-row"] button.title')).toBe(article.title);
    await lib.screenshot('library-articles');
    await lib.click('[data-testid="article-row"] button.title');
    await expect.poll(() => textOf(lib, '[data-testid="reader-body"] p')).toBe(article.paragraphs[0]);
    expect(await countOf(lib, '[data-testid="reader-body"] p:not(.caption)')).toBe(article.paragraphs.length);
    expect(await countOf(lib, '[data-testid="reader-body"] ruby')).toBe(0);
    await lib.click('[data-testid="reader-pinyin"]');
    await expect.poll(() => countOf(lib, '[data-testid="reader-body"] span.jiedu-run > ruby')).toBeGreaterThan(20);
    expect(await textOf(lib, '[data-testid="reader-body"] rt')).toMatch(/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/);
    // Each paragraph ends with the engine's readings, context readings from the background included.
    const sources = await loadCliContextSources();
    const engine = article.paragraphs.map((p) =>
      annotate(p, { context: contextReadings(p, sources) })
        .flatMap((s) => (s.pinyin ? s.pinyin.split(' ') : []))
        .join(' '),
    );
    const shown = () =>
      lib.evaluate(() => [...document.querySelectorAll('[data-testid="reader-body"] p:not(.caption)')].map((p) => [...p.querySelectorAll('rt')].map((rt) => rt.textContent).join(' ')));
    if (browser === 'chromium') await expect.poll(shown).toEqual(engine);
    else {
      // Firefox's Intl.Segmenter cuts some words otherwise than Chromium's and Node's (it reads 沦为难民
      // as 沦|为难|民, so 难 gets nán): the syllables match one for one, and all but a few agree.
      await expect.poll(async () => (await shown()).map((p) => p.split(' ').length)).toEqual(engine.map((p) => p.split(' ').length));
      const got = (await shown()).flatMap((p) => p.split(' '));
      const want = engine.flatMap((p) => p.split(' '));
      expect(got.filter((syl, i) => syl !== want[i]).length / want.length).toBeLessThan(0.005);
    }
    await lib.screenshot('library-reader-pinyin');
    await lib.click('[data-testid="reader-pinyin"]');
    await expect.poll(() => countOf(lib, '[data-testid="reader-body"] ruby')).toBe(0);
    expect(await textOf(lib, '[data-testid="reader-body"] p')).toBe(article.paragraphs[0]);
    const focused = () => lib.evaluate(() => `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.getAttribute('data-url') ?? document.activeElement?.textContent ?? ''}`);
    // A click on the text looks its word up (focus stays on <body>): the first Escape closes the card, the next
    // leaves the view, and focus returns to the article's title.
    const han = /\p{Script=Han}/u.exec(article.paragraphs[0]!)![0];
    const point = (await pointAt(lib, '[data-testid="reader-body"] p', han))!;
    await lib.clickAt(point.x, point.y);
    await expect.poll(() => countOf(lib, 'jiedu-card:not([hidden])')).toBe(1);
    // The dictionary's answer in the card (the background has opened the dictionary, and is done with it).
    const cardText = () => lib.evaluateExpression<string>(`${CARD_ROOT}?.querySelector('.card')?.textContent ?? ''`);
    await expect.poll(cardText, { timeout: 15_000 }).toMatch(/Save to vocabulary/);
    await lib.press('Escape');
    await expect.poll(() => countOf(lib, 'jiedu-card:not([hidden])')).toBe(0);
    expect(await countOf(lib, '[data-testid="reader-body"]')).toBe(1);
    await lib.press('Escape');
    await expect.poll(focused).toBe(`button ${article.url}`);
    // Opened from the keyboard, focus is on the title and Tab goes on to Back, which returns focus to the list.
    await lib.press('Enter');
    await expect.poll(focused).toBe(`h2 ${article.title}`);
    await lib.press('Tab');
    await expect.poll(focused).toBe('button ← Back to the list');
    await lib.press('Enter');
    await expect.poll(focused).toBe(`button ${article.url}`);
  });

  it('moves between tabs with the arrow keys and finds a word by pinyin among 10,001', async () => {
    await lib.focus('#tab-articles');
    await lib.press('ArrowRight');
    await expect.poll(() => lib.evaluate(() => document.activeElement?.id)).toBe('tab-vocabulary');
    expect(await lib.evaluate(() => document.getElementById('tab-vocabulary')?.getAttribute('aria-selected'))).toBe('true');
    await expect.poll(vocabCount).toBe('Found: 10,001 · selected: 0');
    expect(await countOf(lib, '[data-testid="vocab-row"]')).toBeLessThan(40); // only the rows in view
    await lib.fill('[data-testid="vocab-search"]', 'wai jiao');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 0');
    expect(await lib.evaluate(() => document.querySelector('[data-testid="vocab-row"]')?.getAttribute('data-word'))).toBe('外交');
    expect(await lib.evaluate(() => document.querySelector('[data-testid="vocab-row"] a')?.getAttribute('href'))).toBe(article.url);
    expect(await textOf(lib, '[data-testid="vocab-row"]')).toContain(article.title);
    // Each step waits for what differs from the previous step's result: a value equal to the
    // previous one would pass before the new answer arrived.
    await lib.fill('[data-testid="vocab-search"]', 'shengchengci');
    await expect.poll(vocabCount).toBe('Found: 10,000 · selected: 0');
    // 生成词9999 also heads the previous result: wait for the count to change, then check the row.
    await lib.fill('[data-testid="vocab-search"]', '生成词9999');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 0');
    expect(await lib.evaluate(() => document.querySelector('[data-testid="vocab-row"]')?.getAttribute('data-word'))).toBe('生成词9999');
    await lib.fill('[data-testid="vocab-search"]', 'wàijiāo');
    // One word found, as before: wait for the row to change, then check the count.
    await expect.poll(() => lib.evaluate(() => document.querySelector('[data-testid="vocab-row"]')?.getAttribute('data-word'))).toBe('外交');
    expect(await vocabCount()).toBe('Found: 1 · selected: 0');
  });

  it('edits a note and tags from the keyboard', async () => {
    await lib.focus('[data-testid="vocab-note"]');
    await lib.type('常用外交词汇');
    await lib.press('Enter');
    await expect.poll(async () => (await storedWord(h(), '外交'))?.note).toBe('常用外交词汇');
    await lib.fill('[data-testid="vocab-tags"]', 'diplomacy, core');
    await lib.press('Tab');
    await expect.poll(async () => (await storedWord(h(), '外交'))?.tags).toEqual(['diplomacy', 'core']);
    await lib.screenshot('library-vocabulary');
  });

  it('exports the selection as an Anki file', async () => {
    await lib.click('[data-testid="vocab-row"] input.wrow-check');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 1');
    await lib.click('[data-testid="export-selection"]');
    await expect.poll(async () => (await downloads(lib)).length).toBe(1);
    const [file] = await downloads(lib);
    expect(file!.name).toMatch(/^jiedu-vocabulary-selection-\d{4}-\d{2}-\d{2}\.anki\.txt$/);
    const lines = file!.text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#deck column:12', '#guid column:13', '#tags column:14', '#tags:jiedu']);
    const rows = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(rows).toHaveLength(1);
    const f = rows[0]!.split('\t');
    expect(f[0]).toBe('外交');
    expect(f[1]).toContain('wài jiāo');
    expect(f[1]).toContain('常用外交词汇');
    expect(f[3]).toBe('wài jiāo');
    // The sentence's pinyin, read in the background in the reader's tone style.
    expect(f[6]).toMatch(/[a-z]+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(f[9]).toBe('diplomacy core');
  });

  it("exports the selection as an Anki package with Jiedu's note type", async () => {
    await lib.select('#vocab-export-format', 'apkg');
    await lib.click('[data-testid="export-selection"]');
    await expect.poll(async () => (await downloads(lib)).length).toBe(2);
    expect((await downloads(lib))[1]!.name).toMatch(/^jiedu-vocabulary-selection-\d{4}-\d{2}-\d{2}\.apkg$/);
    const files = unzipSync(new Uint8Array(await downloadBytes(lib, 1)));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    const SQL = await initSqlJs({ locateFile: () => createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm') });
    const db = new SQL.Database(files['collection.anki2']!);
    const [notes] = db.exec('SELECT guid, mid, flds, tags FROM notes');
    const models = JSON.parse(String(db.exec('SELECT models FROM col')[0]!.values[0]![0])) as Record<string, { name: string }>;
    db.close();
    expect(notes!.values).toHaveLength(1);
    const [guid, mid, flds, tags] = notes!.values[0]!;
    expect(guid).toBe(stableGuid('外交'));
    expect(models[String(mid)]!.name).toBe('Jiedu 解读');
    const fields = String(flds).split('\x1f');
    expect(fields.slice(0, 4)).toEqual(['外交', '外交', 'wài jiāo', fields[3]]);
    expect(fields[4]).toContain('<b>外交</b>');
    expect(fields[5]).toMatch(/[a-z]+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(fields[7]).toBe('常用外交词汇');
    expect(tags).toBe(' jiedu diplomacy core ');
    await lib.select('#vocab-export-format', 'anki');
  });

  it('deletes the selection and brings it back with Undo, from the keyboard, focus never lost', async () => {
    const focused = () =>
      lib.evaluate(() => {
        const el = document.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}${el.closest('[data-testid="toast"]') ? ' in toast' : ''} ${el.getAttribute('data-testid') ?? el.className} ${el.closest('[data-word]')?.getAttribute('data-word') ?? ''}`.trim()
          : null;
      });
    await lib.focus('[data-testid="vocab-delete"]');
    await lib.press('Enter');
    await expect.poll(() => storedWord(h(), '外交')).toBeNull();
    await expect.poll(vocabCount).toBe('Found: 0 · selected: 0');
    expect(await textOf(lib, '[data-testid="toast"]')).toContain('Deleted 外交.');
    // Focus moves to the notice's Undo; Enter undoes; focus lands on the restored word.
    await expect.poll(focused).toBe('button in toast');
    await lib.press('Enter');
    await expect.poll(async () => (await storedWord(h(), '外交'))?.note).toBe('常用外交词汇');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 1');
    await expect.poll(focused).toBe('input wrow-check 外交');
    // Ctrl+Z undoes too; Escape dismisses the notice and focus goes to the search field.
    await lib.focus('[data-testid="vocab-delete"]');
    await lib.press('Enter');
    await expect.poll(vocabCount).toBe('Found: 0 · selected: 0');
    await expect.poll(focused).toBe('button in toast');
    await lib.press('Control+z');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 1');
    await expect.poll(focused).toBe('input wrow-check 外交');
    const word = (await storedWord(h(), '外交'))!;
    await lib.focus('[data-testid="vocab-delete"]');
    await lib.press('Enter');
    await expect.poll(focused).toBe('button in toast');
    await lib.press('Escape');
    await expect.poll(() => countOf(lib, '[data-testid="toast"]')).toBe(0);
    await expect.poll(focused).toBe('input vocab-search');
    expect(await storedWord(h(), '外交')).toBeNull();
    // The word back, as the tests after this one expect it.
    await database(h(), (db, w) => db.vocabulary.bulkPut([w]), word);
    await lib.fill('[data-testid="vocab-search"]', 'wai jiao ');
    await expect.poll(vocabCount).toBe('Found: 1 · selected: 0');
  });

  it('downloads a backup and imports it again, showing what was added, and restores its settings when asked', async () => {
    // Settings as the options and the review page store them: the item's reading values and review section.
    const setItem = (values: object, review: object) => h().background(async (g, item) => g.chrome.storage.local.set({ settings: item }), { version: 1, values, review });
    const readItem = () => h().background(async (g) => (await g.chrome.storage.local.get('settings'))['settings'] as { values: { pinyinSize?: number }; review?: { newPerDay?: number } });
    await setItem({ pinyinSize: 80 }, { newPerDay: 7 });
    await lib.click('[data-testid="backup-download"]');
    await expect.poll(async () => (await downloads(lib)).length).toBe(3);
    const backup = (await downloads(lib))[2]!;
    expect(backup.name).toMatch(/^jiedu-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'jiedu-backup', version: 3, cards: [], reviewLog: [], settings: { pinyinSize: 80 }, reviewSettings: { newPerDay: 7 } });
    await setItem({ pinyinSize: 60 }, { newPerDay: 2 });
    const before = await counts(h());
    expect(before).toEqual({ articles: 1, vocabulary: 10_001 });
    await database(
      h(),
      async (db, url) => {
        await db.vocabulary.delete('生成词5');
        await db.articles.where('url').equals(url).delete();
        return null;
      },
      article.url,
    );
    await lib.setInputFile('[data-testid="backup-file"]', { name: 'backup.json', content: backup.text });
    await expect.poll(() => textOf(lib, '[data-testid="backup-result"]'), { timeout: 30_000 }).toBe('Imported. Added: articles 1, words 1. Updated: articles 0, words 0.');
    expect(await counts(h())).toEqual(before);
    expect(await countOf(lib, '[data-testid="backup-result-settings"]')).toBe(0);
    expect(await readItem()).toMatchObject({ values: { pinyinSize: 60 }, review: { newPerDay: 2 } });

    // Again with "Also restore the settings" ticked by keyboard: the library is unchanged, the settings come back.
    await lib.focus('[data-testid="backup-restore-settings"]');
    await lib.press('Space');
    await lib.setInputFile('[data-testid="backup-file"]', { name: 'backup.json', content: backup.text });
    await expect.poll(() => textOf(lib, '[data-testid="backup-result-settings"]'), { timeout: 30_000 }).toBe('Settings restored from the backup.');
    expect(await textOf(lib, '[data-testid="backup-result"]')).toBe('Imported. Added: articles 0, words 0. Updated: articles 0, words 0.');
    expect(await readItem()).toMatchObject({ values: { pinyinSize: 80 }, review: { newPerDay: 7 } });
    expect(await counts(h())).toEqual(before);
  });

  it('refuses a corrupt backup with a clear message and changes nothing', async () => {
    const before = await counts(h());
    await lib.setInputFile('[data-testid="backup-file"]', { name: 'broken.json', content: '{"format":"jiedu-backup","version":1,"articles":[' });
    await expect.poll(() => textOf(lib, '[data-testid="backup-error"]')).toMatch(/^Nothing was imported: the file is not valid JSON .*cut short or damaged$/);
    expect(await countOf(lib, '[data-testid="backup-result"]')).toBe(0);
    await lib.setInputFile('[data-testid="backup-file"]', { name: 'other.json', content: JSON.stringify({ format: 'something-else', words: [] }) });
    await expect.poll(() => textOf(lib, '[data-testid="backup-error"]')).toMatch(/this is not a Jiedu backup/);
    expect(await counts(h())).toEqual(before);
    await lib.screenshot('library-backup-error');
  });

  it('lists and exports the glossary', async () => {
    await lib.click('#tab-glossary');
    await expect.poll(() => countOf(lib, '[data-testid="glossary-row"]')).toBeGreaterThan(3);
    await lib.fill('[data-testid="glossary-search"]', '人类命运共同体');
    await expect.poll(async () => (await textOf(lib, '[data-testid="glossary-row"]')) ?? '').toContain('人类命运共同体');
    await lib.fill('[data-testid="glossary-search"]', '');
    await lib.select('#glossary-export-format', 'pleco');
    const before = (await downloads(lib)).length;
    await lib.click('[data-testid="export-glossary"]');
    await expect.poll(async () => (await downloads(lib)).length).toBe(before + 1);
    const text = (await downloads(lib))[before]!.text;
    expect(text.split('\n')[0]).toBe('//Jiedu');
    expect(text).toMatch(/\n人类命运共同体(\[[^\]]+\])?\t[^\t]+\t[^\t\n]*community/);
    await lib.screenshot('library-glossary');
  });

  it('has an About page with the CC-CEDICT credit and license', async () => {
    await lib.click('a[href="about.html"]');
    await expect.poll(() => lib.evaluate(() => location.pathname)).toBe('/about.html');
    await expect.poll(() => lib.evaluate(() => document.querySelector('[data-testid="license-link"]')?.getAttribute('href'))).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    await expect.poll(() => textOf(lib, '[data-testid="cedict-notice"]')).toContain('CEDICT – Copyright (C) 1997, 1998 Paul Andrew Denisowski');
    expect(await textOf(lib, 'body')).toContain('MDBG');
    await lib.screenshot('library-about', { fullPage: true });
    const options = await h().openExtensionPage('options.html');
    await expect
      .poll(() => options.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'About Jiedu and the dictionary license')?.getAttribute('href') ?? null))
      .toBe('about.html');
    await options.close();
    await lib.close();
  });
});
