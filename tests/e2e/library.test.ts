/**
 * The library page in Chromium: a demo article saved by visiting it, and 10,000 words
 * generated here (marked "generated") written straight into the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import type { StoredArticle } from '../../src/core/article.ts';
import type { VocabularyRecord } from '../../src/core/vocabulary.ts';
import { ARTIFACTS, findPage, openBrowser, waitForStored } from './context.ts';
import { annotate } from '../../src/core/pinyin/index.ts';
import { contextReadings } from '../../src/core/pinyin/context.ts';
import { loadCliContextSources } from '../../src/cli/polyphone-model.ts';

type Db = {
  vocabulary: { bulkPut(rows: unknown[]): Promise<unknown>; get(k: string): Promise<unknown>; count(): Promise<number>; delete(k: string): Promise<void> };
  articles: { count(): Promise<number>; where(i: string): { equals(v: string): { delete(): Promise<number> } } };
};

async function seedWords(b: ExtensionBrowser, article: StoredArticle): Promise<void> {
  await b.worker.evaluate(
    async ({ url, title, sentence }) => {
      const db = (globalThis as unknown as { jieduDb: Db }).jieduDb;
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

async function counts(b: ExtensionBrowser): Promise<{ articles: number; vocabulary: number }> {
  return b.worker.evaluate(async () => {
    const db = (globalThis as unknown as { jieduDb: Db }).jieduDb;
    return { articles: await db.articles.count(), vocabulary: await db.vocabulary.count() };
  });
}

async function storedWord(b: ExtensionBrowser, key: string): Promise<VocabularyRecord | null> {
  return b.worker.evaluate(async (k) => (((await (globalThis as unknown as { jieduDb: Db }).jieduDb.vocabulary.get(k)) ?? null) as VocabularyRecord | null), key);
}

describe('library page in Chromium', () => {
  let b: ExtensionBrowser;
  let article: StoredArticle;
  let lib: Page;
  beforeAll(async () => {
    b = await openBrowser();
    const demo = findPage((p) => p.seed === '000' && /^https?:\/\/www\.guancha\.cn\//.test(p.url), 'seed 000 on www.guancha.cn');
    const page = await b.context.newPage();
    await page.goto(demo.url);
    const canonical = demo.url.endsWith('_s.shtml') ? demo.url : demo.url.replace(/(_\d+)?\.shtml.*$/, '_s.shtml').replace(/^http:/, 'https:');
    article = await waitForStored(b, canonical);
    await page.close();
    await seedWords(b, article);
    lib = await b.context.newPage();
    await lib.goto(`chrome-extension://${b.extensionId}/library.html`);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('lists the article and reads it offline with pinyin', async () => {
    const row = lib.getByTestId('article-row').filter({ hasText: article.title });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => lib.getByTestId('lib-stats').textContent()).toBe('Articles: 1 · Words: 10,001');
    await lib.screenshot({ path: join(ARTIFACTS, 'library-articles.png') });
    await row.getByRole('button', { name: article.title, exact: true }).click();
    const body = lib.getByTestId('reader-body');
    await expect.poll(() => body.locator('p').first().textContent()).toBe(article.paragraphs[0]);
    expect(await body.locator('p:not(.caption)').count()).toBe(article.paragraphs.length);
    expect(await body.locator('ruby').count()).toBe(0);
    await lib.getByTestId('reader-pinyin').check();
    await expect.poll(() => body.locator('span.jiedu-run > ruby').count()).toBeGreaterThan(20);
    expect(await body.locator('rt').first().textContent()).toMatch(/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/);
    // Each paragraph ends with the engine's readings, context readings from the background included.
    const sources = await loadCliContextSources();
    const engine = article.paragraphs.map((p) => annotate(p, { context: contextReadings(p, sources) }).flatMap((s) => (s.pinyin ? s.pinyin.split(' ') : [])).join(' '));
    const shown = () => body.locator('p:not(.caption)').evaluateAll((ps) => ps.map((p) => [...p.querySelectorAll('rt')].map((rt) => rt.textContent).join(' ')));
    await expect.poll(shown).toEqual(engine);
    await lib.screenshot({ path: join(ARTIFACTS, 'library-reader-pinyin.png') });
    await lib.getByTestId('reader-pinyin').uncheck();
    await expect.poll(() => body.locator('ruby').count()).toBe(0);
    expect(await body.locator('p').first().textContent()).toBe(article.paragraphs[0]);
    await lib.getByRole('button', { name: '← Back to the list' }).click();
  });

  it('moves between tabs with the arrow keys and finds a word by pinyin among 10,001', async () => {
    await lib.getByRole('tab', { name: 'Articles' }).focus();
    await lib.keyboard.press('ArrowRight');
    expect(await lib.getByRole('tab', { name: 'Vocabulary' }).getAttribute('aria-selected')).toBe('true');
    expect(await lib.evaluate(() => document.activeElement?.id)).toBe('tab-vocabulary');
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 10,001 · selected: 0');
    // Only the rows in view are in the DOM.
    expect(await lib.getByTestId('vocab-row').count()).toBeLessThan(40);
    await lib.getByTestId('vocab-search').fill('wai jiao');
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 1 · selected: 0').catch(async (err: unknown) => {
      await lib.screenshot({ path: join(ARTIFACTS, 'library-search-failed.png') });
      throw err;
    });
    const row = lib.getByTestId('vocab-row');
    expect(await row.getAttribute('data-word')).toBe('外交');
    expect(await row.textContent()).toContain(article.title);
    expect(await row.getByRole('link', { name: article.title }).getAttribute('href')).toBe(article.url);
    // Each step waits for what differs from the previous step's result: a value equal to the
    // previous one would pass before the new answer arrived.
    await lib.getByTestId('vocab-search').fill('shengchengci');
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 10,000 · selected: 0');
    // 生成词9999 also heads the previous result: wait for the count to change, then check the row.
    await lib.getByTestId('vocab-search').fill('生成词9999');
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 1 · selected: 0');
    expect(await lib.getByTestId('vocab-row').first().getAttribute('data-word')).toBe('生成词9999');
    await lib.getByTestId('vocab-search').fill('wàijiāo');
    await expect.poll(() => lib.getByTestId('vocab-row').first().getAttribute('data-word')).toBe('外交');
    expect(await lib.getByTestId('vocab-count').textContent()).toBe('Found: 1 · selected: 0');
  });

  it('edits a note from the keyboard', async () => {
    const note = lib.getByTestId('vocab-note');
    await note.focus();
    await lib.keyboard.type('常用外交词汇');
    await lib.keyboard.press('Enter');
    await expect.poll(async () => (await storedWord(b, '外交'))?.note).toBe('常用外交词汇');
    await lib.getByTestId('vocab-tags').fill('diplomacy, core');
    await lib.getByTestId('vocab-tags').press('Tab');
    await expect.poll(async () => (await storedWord(b, '外交'))?.tags).toEqual(['diplomacy', 'core']);
    await lib.screenshot({ path: join(ARTIFACTS, 'library-vocabulary.png') });
  });

  it('exports the selection as an Anki file', async () => {
    await lib.getByTestId('vocab-row').getByRole('checkbox').check();
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 1 · selected: 1');
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export-selection').click()]);
    expect(download.suggestedFilename()).toMatch(/^jiedu-vocabulary-selection-\d{4}-\d{2}-\d{2}\.anki\.txt$/);
    await expect.poll(() => lib.getByText(/^1 entry saved as jiedu-vocabulary-selection-/).count()).toBe(1);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\n');
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

  it('deletes the selection and brings it back with Undo', async () => {
    await lib.getByTestId('vocab-delete').click();
    await expect.poll(() => storedWord(b, '外交')).toBeNull();
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 0 · selected: 0');
    const toast = lib.getByTestId('toast');
    expect(await toast.textContent()).toContain('Deleted 外交.');
    await lib.screenshot({ path: join(ARTIFACTS, 'library-undo.png') });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedWord(b, '外交'))?.note).toBe('常用外交词汇');
    await expect.poll(() => lib.getByTestId('vocab-count').textContent()).toBe('Found: 1 · selected: 1');
  });

  it('downloads a backup and imports it again, showing what was added', async () => {
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('backup-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^jiedu-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(backup)).toMatchObject({ format: 'jiedu-backup', version: 2, cards: [], reviewLog: [] });
    const before = await counts(b);
    expect(before).toEqual({ articles: 1, vocabulary: 10_001 });
    await b.worker.evaluate(async (url) => {
      const db = (globalThis as unknown as { jieduDb: Db }).jieduDb;
      await db.vocabulary.delete('生成词5');
      await db.articles.where('url').equals(url).delete();
    }, article.url);
    await lib.getByTestId('backup-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect.poll(() => lib.getByTestId('backup-result').textContent(), { timeout: 30_000 }).toBe('Imported. Added: articles 1, words 1. Updated: articles 0, words 0.');
    expect(await counts(b)).toEqual(before);
    await lib.getByTestId('backup-result').scrollIntoViewIfNeeded();
    await lib.screenshot({ path: join(ARTIFACTS, 'library-backup.png') });
  });

  it('refuses a corrupt backup with a clear message and changes nothing', async () => {
    const before = await counts(b);
    const cut = `{"format":"jiedu-backup","version":1,"exportedAt":"2025-01-01T00:00:00.000Z","articles":[`;
    await lib.getByTestId('backup-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(cut) });
    await expect.poll(() => lib.getByTestId('backup-error').textContent()).toMatch(/^Nothing was imported: the file is not valid JSON .*cut short or damaged$/);
    expect(await lib.getByTestId('backup-result').count()).toBe(0);
    const foreign = JSON.stringify({ format: 'something-else', words: [] });
    await lib.getByTestId('backup-file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(foreign) });
    await expect.poll(() => lib.getByTestId('backup-error').textContent()).toMatch(/this is not a Jiedu backup/);
    expect(await counts(b)).toEqual(before);
    await lib.screenshot({ path: join(ARTIFACTS, 'library-backup-error.png') });
  });

  it('lists and exports the glossary', async () => {
    await lib.getByRole('tab', { name: 'Glossary' }).click();
    await expect.poll(() => lib.getByTestId('glossary-row').count()).toBeGreaterThan(3);
    await lib.getByTestId('glossary-search').fill('人类命运共同体');
    await expect.poll(async () => (await lib.getByTestId('glossary-row').first().textContent()) ?? '').toContain('人类命运共同体');
    await lib.getByTestId('glossary-search').fill('');
    await lib.selectOption('#glossary-export-format', 'pleco');
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export-glossary').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('//Jiedu');
    expect(text).toMatch(/\n人类命运共同体(\[[^\]]+\])?\t[^\t]+\t[^\t\n]*community/);
    await lib.screenshot({ path: join(ARTIFACTS, 'library-glossary.png') });
  });

  it('has an About page with the CC-CEDICT credit and license', async () => {
    await lib.getByRole('link', { name: 'About Jiedu' }).click();
    await lib.waitForURL(/about\.html$/);
    expect(await lib.getByTestId('license-link').getAttribute('href')).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    await expect.poll(() => lib.getByTestId('cedict-notice').textContent()).toContain('CEDICT – Copyright (C) 1997, 1998 Paul Andrew Denisowski');
    expect(await lib.textContent('body')).toContain('MDBG');
    await lib.screenshot({ path: join(ARTIFACTS, 'library-about.png'), fullPage: true });
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    expect(await options.getByRole('link', { name: 'About Jiedu and the dictionary license' }).getAttribute('href')).toBe('about.html');
    await options.close();
  });
});
