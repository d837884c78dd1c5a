import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import { ARTIFACTS, findPage, openBrowser, openPopup, waitForStored } from './context.ts';

/** The term of every visible result row, in order. */
async function rowTerms(popup: Page, list = 'gl-list'): Promise<string[]> {
  return popup.getByTestId(list).locator('button.gl-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-term') ?? ''));
}

async function search(popup: Page, query: string): Promise<void> {
  const box = popup.getByRole('searchbox', { name: 'Search the glossary' });
  await box.fill(query);
  // The count line says what was asked for only once the debounced answer is in.
  await expect.poll(() => popup.locator('.gl-results').getAttribute('aria-busy')).toBe('false');
}

describe('popup glossary tab in Chromium', () => {
  let b: ExtensionBrowser;
  let popup: Page;
  let articlePage: Page;

  beforeAll(async () => {
    b = await openBrowser();
    // Every glossary term marked: the popup's count is read on pages whose terms are not terms of art.
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'all' } } }));
    const demo = findPage((p) => p.seed === '000' && /^https?:\/\/www\.guancha\.cn\//.test(p.url), 'seed 000 on www.guancha.cn');
    articlePage = await b.context.newPage();
    await articlePage.goto(demo.url);
    const canonical = demo.url.replace(/(_\d+)?\.shtml.*$/, '_s.shtml').replace(/^http:/, 'https:');
    await waitForStored(b, demo.url.endsWith('_s.shtml') ? demo.url : canonical);
    popup = await openPopup(b, articlePage);
    // A real popup may grow to 600 px; the default test viewport would hide the list.
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.getByRole('tab', { name: 'Glossary' }).click();
    await popup.getByRole('searchbox', { name: 'Search the glossary' }).waitFor();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('lists the whole glossary with a count, at most 100 rows, and shows more on request', async () => {
    await search(popup, '');
    const total = await popup.getByTestId('gl-total').textContent();
    const m = /^(\d+) of (\d+)$/.exec(total ?? '');
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBe(100);
    expect(Number(m?.[2])).toBeGreaterThan(300);
    expect(await rowTerms(popup)).toHaveLength(100);
    const scroller = popup.locator('.gl-scroll');
    expect(await scroller.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(342);
    // The list scrolls, not the popup: Chrome caps a popup at 600 px.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-list.png') });

    await popup.getByRole('button', { name: /^Show \d+ more$/ }).click();
    await expect.poll(() => rowTerms(popup).then((r) => r.length)).toBe(200);
    expect(await popup.getByTestId('gl-total').textContent()).toMatch(/^200 of \d+$/);
  });

  it('finds a term by characters, pinyin with or without tones, initials and English', async () => {
    const cases: [string, string][] = [
      ['一带一路', '一带一路'],
      ['一帶一路', '一带一路'],
      ['yidaiyilu', '一带一路'],
      ['yī dài yī lù', '一带一路'],
      ['Shànghǎi Hézuò', '上海合作组织'],
      ['shanghaihezuozuzhi', '上海合作组织'],
      ['shhzzz', '上海合作组织'],
      ['rlmygtt', '人类命运共同体'],
      ['community with a shared future for mankind', '人类命运共同体'],
      ['Shanghai Cooperation', '上海合作组织'],
      ['SCO', '上海合作组织'],
    ];
    for (const [query, term] of cases) {
      await search(popup, query);
      const terms = await rowTerms(popup);
      expect(terms[0], `first hit for ${query}`).toBe(term);
      expect(await popup.getByTestId('gl-total').textContent()).toMatch(new RegExp(`^${terms.length} of ${terms.length}$`));
    }
    await search(popup, 'shared future');
    expect(await rowTerms(popup)).toContain('人类命运共同体');

    // Tones as spoken (sandhi) are not the dictionary's; the search falls back to the toneless form and says so.
    await search(popup, 'yí dài yí lù');
    expect((await rowTerms(popup))[0]).toBe('一带一路');
    expect(await popup.getByTestId('gl-tones-ignored').textContent()).toContain('without tones');
    await search(popup, 'yī dài yī lù');
    expect(await popup.getByTestId('gl-tones-ignored').count()).toBe(0);

    await search(popup, 'yidaiyilu');
    const row = popup.locator('button.gl-row[data-term="一带一路"]');
    expect(await row.locator('[lang="zh-Hans"]').textContent()).toBe('一带一路');
    expect(await row.locator('[lang="zh-Hant"]').textContent()).toBe('一帶一路');
    expect(await row.textContent()).toContain('Yīdài Yīlù');
    expect(await row.textContent()).toContain('the Belt and Road');
    expect(await row.locator('.gl-chip').textContent()).toBe('Belt and Road');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-search.png') });

    await search(popup, 'zzzzqqqq');
    expect(await popup.getByRole('status').filter({ hasText: 'No terms match' }).textContent()).toContain('“zzzzqqqq”');
  });

  it('narrows the list to one category', async () => {
    await search(popup, '');
    const all = Number(/of (\d+)$/.exec((await popup.getByTestId('gl-total').textContent()) ?? '')?.[1]);
    const select = popup.getByRole('combobox', { name: 'Category' });
    expect(await select.locator('option').count()).toBe(19);
    await select.selectOption({ label: 'Institutions' });
    await expect.poll(() => popup.getByTestId('gl-total').textContent()).toMatch(/^(\d+) of \1$/);
    const some = Number(/of (\d+)$/.exec((await popup.getByTestId('gl-total').textContent()) ?? '')?.[1]);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    const chips = await popup.locator('.gl-list .gl-chip').allTextContents();
    expect(new Set(chips)).toEqual(new Set(['Institutions']));
    expect(await rowTerms(popup)).toContain('上海合作组织');

    // A query and a category together: "yidaiyilu" is not an institution.
    await search(popup, 'yidaiyilu');
    expect(await popup.getByRole('status').filter({ hasText: 'No terms in “Institutions” match “yidaiyilu”' }).count()).toBe(1);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-category-empty.png') });
    await popup.getByRole('button', { name: 'Search all categories' }).click();
    await expect.poll(() => rowTerms(popup)).toEqual(['一带一路']);
    expect(await select.inputValue()).toBe('');
    await select.selectOption({ label: 'Institutions' });
    await search(popup, '');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-category.png') });
    await select.selectOption({ label: 'All categories' });
    await expect.poll(() => popup.getByTestId('gl-total').textContent()).toBe(`100 of ${all}`);
  });

  it('opens an entry with the keyboard alone, shows its sources with the term marked, and Escape goes back to the same row', async () => {
    await search(popup, '人类命运共同体');
    await popup.getByRole('searchbox', { name: 'Search the glossary' }).focus();
    let focused = '';
    for (let i = 0; i < 6 && focused !== '人类命运共同体'; i++) {
      await popup.keyboard.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.getAttribute('data-term') ?? '');
    }
    expect(focused).toBe('人类命运共同体');
    // The row shows where focus is.
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await popup.keyboard.press('Enter');

    const detail = popup.getByTestId('gl-detail');
    await detail.waitFor();
    expect(await detail.getByRole('heading', { level: 3 }).textContent()).toBe('人类命运共同体');
    expect(await popup.getByTestId('gl-explanation').textContent()).toContain('signature foreign-policy slogan');
    expect(await detail.textContent()).toContain('人類命運共同體');
    expect(await detail.textContent()).toContain('community with a shared future for humanity');
    const citations = popup.getByTestId('gl-citation');
    expect(await citations.count()).toBeGreaterThan(0);
    expect(await citations.first().locator('mark').first().textContent()).toBe('人类命运共同体');
    // The sentence around the mark is intact: text nodes, not markup.
    const sentence = await citations.first().locator('.gl-sentence').evaluate((el) => ({
      text: el.textContent ?? '',
      elements: [...el.children].map((c) => c.tagName),
    }));
    expect(sentence.text).toContain('人类命运共同体');
    expect(new Set(sentence.elements)).toEqual(new Set(['MARK']));
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-detail.png') });

    // Save to vocabulary from the entry; saving again keeps one record.
    await detail.getByRole('button', { name: 'Save to vocabulary' }).click();
    await expect.poll(() => popup.getByTestId('gl-save-status').textContent()).toBe('Saved to your vocabulary.');
    await detail.getByRole('button', { name: 'Save to vocabulary' }).click();
    await expect.poll(() => popup.getByTestId('gl-save-status').textContent()).toBe('Already in your vocabulary.');
    const saved = await b.worker.evaluate(async () => {
      const db = (globalThis as unknown as { jieduDb: { vocabulary: { get(k: string): Promise<{ source: string; english: string[] } | undefined> } } }).jieduDb;
      return db.vocabulary.get('人类命运共同体');
    });
    expect(saved?.source).toBe('glossary');
    expect(saved?.english[0]).toContain('shared future');
    await detail.getByRole('heading', { level: 3 }).focus();

    await popup.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);
    // Focus goes back in an effect after the entry closes: wait for it rather than race it.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('人类命运共同体');
    expect(await popup.getByTestId('gl-list').isVisible()).toBe(true);
  });

  it('lists the terms of the current article by count and links the entry to the saved article', async () => {
    await popup.getByRole('button', { name: /In this article/ }).click();
    const list = popup.getByTestId('gl-article-list');
    await list.waitFor();
    const terms = await rowTerms(popup, 'gl-article-list');
    expect(terms.some((t) => t === '塔吉克斯坦' || t === '一带一路')).toBe(true);
    const counts = (await popup.getByTestId('gl-term-count').allTextContents()).map((s) => Number(/\d+/.exec(s)?.[0]));
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const belt = list.locator('button.gl-row[data-term="一带一路"]');
    expect(await belt.getByTestId('gl-term-count').textContent()).toMatch(/^[1-9]\d*×$/);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-in-article.png') });

    await belt.click();
    const library = popup.getByTestId('gl-library');
    await library.waitFor();
    const link = library.getByRole('link').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/guancha\.cn/);
    await popup.locator('.gl-detail-body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-glossary-detail-library.png') });

    await popup.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('一带一路');
    await popup.getByRole('button', { name: 'All terms' }).click();
    await popup.getByRole('searchbox', { name: 'Search the glossary' }).waitFor();
  });

  it('says "1 term marked" in the singular', async () => {
    // guancha-3 (a real page) holds one glossary term.
    const real = findPage((p) => p.file.endsWith('guancha-3.html'), 'guancha-3');
    const page = await b.context.newPage();
    await page.goto(real.url);
    await waitForStored(b, 'https://www.guancha.cn/politics/2019_09_09_517162_s.shtml');
    const one = await openPopup(b, page);
    await expect.poll(() => one.getByTestId('terms-count').textContent()).toBe('1 term marked');
    await Promise.all([one.close(), page.close()]);
  });
});
