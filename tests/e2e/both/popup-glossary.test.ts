/**
 * The popup's glossary tab in Chromium and Firefox: the whole list, search by characters,
 * pinyin, initials and English, a category, an entry opened by keyboard with its sources,
 * the terms of the current article, and the count of marked terms.
 */
import { beforeAll, expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { countOf, database, forEachBrowser, openPopup, sleep, textOf, waitForStored, type Tab } from '../harness/index.ts';

const SEARCH = '.gl-controls input[type="search"]';
const CATEGORY = '.gl-filter-row select';
const TOTAL = '[data-testid="gl-total"]';

/** The term of every visible result row, in order. */
function rowTerms(popup: Tab, list = 'gl-list'): Promise<string[]> {
  return popup.evaluate((l) => [...document.querySelectorAll(`[data-testid="${l}"] button.gl-row`)].map((el) => el.getAttribute('data-term') ?? ''), list);
}

async function search(popup: Tab, query: string): Promise<void> {
  if (query === '') {
    // Emptied as a reader does it (select all, Backspace): a driver's fill('') may set the value without an input event.
    await popup.focus(SEARCH);
    await popup.evaluate((s) => (document.querySelector(s) as HTMLInputElement).select(), SEARCH);
    await popup.press('Backspace');
  } else await popup.fill(SEARCH, query);
  // The count line says what was asked for only once the debounced answer is in.
  await expect
    .poll(() =>
      popup.evaluate((q) => (document.querySelector('.gl-controls input') as HTMLInputElement).value === q && document.querySelector('.gl-results')?.getAttribute('aria-busy') === 'false', query),
    )
    .toBe(true);
}

/** A real click on the first button (inside `scope`) whose text matches `text`. */
async function clickButton(popup: Tab, scope: string, text: RegExp | string): Promise<void> {
  const at = await popup.evaluate(
    ({ scope, source, exact }) => {
      const b = [...document.querySelectorAll(`${scope} button`)].find((x) => (exact !== null ? x.textContent?.trim() === exact : new RegExp(source).test(x.textContent ?? '')));
      if (!b) return null;
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { scope, source: text instanceof RegExp ? text.source : '', exact: typeof text === 'string' ? text : null },
  );
  if (!at) throw new Error(`no button ${String(text)} in ${scope}`);
  await popup.clickAt(at.x, at.y);
}

const statusTexts = (popup: Tab) => popup.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent ?? ''));

/** Chooses a category by its label, as a reader picks it in the list. */
async function chooseCategory(popup: Tab, label: string): Promise<void> {
  const value = await popup.evaluate(({ sel, l }) => [...(document.querySelector(sel) as HTMLSelectElement).options].find((o) => o.textContent === l)?.value ?? null, { sel: CATEGORY, l: label });
  if (value === null) throw new Error(`no category ${label}`);
  await popup.select(CATEGORY, value);
}

forEachBrowser('popup glossary tab', (h) => {
  let popup: Tab;
  let articlePage: Tab;

  beforeAll(async () => {
    // Every glossary term marked: the popup's count is read on pages whose terms are not terms of art.
    await h().background(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'all' } } }));
    const demo = demoPages().find((p) => p.seed === '000' && p.layout === 'guancha-www-s')!;
    articlePage = await h().newTab(demo.url);
    await waitForStored(h(), demo.url);
    // A real popup may grow to 600 px; a smaller viewport would hide the list.
    popup = await openPopup(h(), articlePage, { width: 380, height: 600 });
    await popup.click('#tab-glossary');
    for (let until = Date.now() + 15_000; (await countOf(popup, SEARCH)) === 0; await sleep(100)) {
      if (Date.now() > until) throw new Error('the glossary tab showed no search field');
    }
  });

  it('lists the whole glossary with a count, at most 100 rows, and shows more on request', async () => {
    await search(popup, '');
    await expect.poll(() => textOf(popup, TOTAL)).toMatch(/^\d+ of \d+$/);
    const m = /^(\d+) of (\d+)$/.exec((await textOf(popup, TOTAL)) ?? '');
    expect(Number(m?.[1])).toBe(100);
    expect(Number(m?.[2])).toBeGreaterThan(300);
    expect(await rowTerms(popup)).toHaveLength(100);
    expect(await popup.evaluate(() => document.querySelector('.gl-scroll')!.getBoundingClientRect().height)).toBeLessThanOrEqual(342);
    // The list scrolls, not the popup: Chrome caps a popup at 600 px.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.screenshot('popup-glossary-list');

    await clickButton(popup, '.gl-browse', /^Show \d+ more$/);
    await expect.poll(() => rowTerms(popup).then((r) => r.length)).toBe(200);
    expect(await textOf(popup, TOTAL)).toMatch(/^200 of \d+$/);
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
      expect(await textOf(popup, TOTAL)).toMatch(new RegExp(`^${terms.length} of ${terms.length}$`));
    }
    await search(popup, 'shared future');
    expect(await rowTerms(popup)).toContain('人类命运共同体');

    // Tones as spoken (sandhi) are not the dictionary's; the search falls back to the toneless form and says so.
    await search(popup, 'yí dài yí lù');
    expect((await rowTerms(popup))[0]).toBe('一带一路');
    expect(await textOf(popup, '[data-testid="gl-tones-ignored"]')).toContain('without tones');
    await search(popup, 'yī dài yī lù');
    expect(await countOf(popup, '[data-testid="gl-tones-ignored"]')).toBe(0);

    await search(popup, 'yidaiyilu');
    const row = 'button.gl-row[data-term="一带一路"]';
    expect(await textOf(popup, `${row} [lang="zh-Hans"]`)).toBe('一带一路');
    expect(await textOf(popup, `${row} [lang="zh-Hant"]`)).toBe('一帶一路');
    expect(await textOf(popup, row)).toContain('Yīdài Yīlù');
    expect(await textOf(popup, row)).toContain('the Belt and Road');
    expect(await textOf(popup, `${row} .gl-chip`)).toBe('Belt and Road');
    await popup.screenshot('popup-glossary-search');

    await search(popup, 'zzzzqqqq');
    expect((await statusTexts(popup)).find((s) => s.includes('No terms match'))).toContain('“zzzzqqqq”');
  });

  it('narrows the list to one category', async () => {
    await search(popup, '');
    await expect.poll(() => textOf(popup, TOTAL)).toMatch(/of \d+$/);
    const all = Number(/of (\d+)$/.exec((await textOf(popup, TOTAL)) ?? '')?.[1]);
    expect(await countOf(popup, `${CATEGORY} option`)).toBe(19);
    await chooseCategory(popup, 'Institutions');
    await expect.poll(() => textOf(popup, TOTAL)).toMatch(/^(\d+) of \1$/);
    const some = Number(/of (\d+)$/.exec((await textOf(popup, TOTAL)) ?? '')?.[1]);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    const chips = await popup.evaluate(() => [...document.querySelectorAll('.gl-list .gl-chip')].map((c) => c.textContent));
    expect(new Set(chips)).toEqual(new Set(['Institutions']));
    expect(await rowTerms(popup)).toContain('上海合作组织');

    // A query and a category together: "yidaiyilu" is not an institution.
    await search(popup, 'yidaiyilu');
    expect((await statusTexts(popup)).filter((s) => s.includes('No terms in “Institutions” match “yidaiyilu”'))).toHaveLength(1);
    await popup.screenshot('popup-glossary-category-empty');
    await popup.click('button.gl-widen');
    await expect.poll(() => rowTerms(popup)).toEqual(['一带一路']);
    expect(await popup.evaluate((s) => (document.querySelector(s) as HTMLSelectElement).value, CATEGORY)).toBe('');
    await chooseCategory(popup, 'Institutions');
    await search(popup, '');
    await popup.screenshot('popup-glossary-category');
    await chooseCategory(popup, 'All categories');
    await expect.poll(() => textOf(popup, TOTAL)).toBe(`100 of ${all}`);
  });

  it('opens an entry with the keyboard alone, shows its sources with the term marked, and Escape goes back to the same row', async () => {
    await search(popup, '人类命运共同体');
    await popup.focus(SEARCH);
    let focused = '';
    for (let i = 0; i < 6 && focused !== '人类命运共同体'; i++) {
      await popup.press('Tab');
      focused = await popup.evaluate(() => document.activeElement?.getAttribute('data-term') ?? '');
    }
    expect(focused).toBe('人类命运共同体');
    // The row shows where focus is.
    expect(await popup.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await popup.press('Enter');

    const detail = '[data-testid="gl-detail"]';
    await expect.poll(() => countOf(popup, detail)).toBe(1);
    expect(await textOf(popup, `${detail} h3`)).toBe('人类命运共同体');
    expect(await textOf(popup, '[data-testid="gl-explanation"]')).toContain('signature foreign-policy slogan');
    expect(await textOf(popup, detail)).toContain('人類命運共同體');
    expect(await textOf(popup, detail)).toContain('community with a shared future for humanity');
    expect(await countOf(popup, '[data-testid="gl-citation"]')).toBeGreaterThan(0);
    expect(await textOf(popup, '[data-testid="gl-citation"] mark')).toBe('人类命运共同体');
    // The sentence around the mark is intact: text nodes, not markup.
    const sentence = await popup.evaluate(() => {
      const el = document.querySelector('[data-testid="gl-citation"] .gl-sentence')!;
      return { text: el.textContent ?? '', elements: [...el.children].map((c) => c.tagName) };
    });
    expect(sentence.text).toContain('人类命运共同体');
    expect(new Set(sentence.elements)).toEqual(new Set(['MARK']));
    await popup.screenshot('popup-glossary-detail');

    // Save to vocabulary from the entry; saving again keeps one record.
    await clickButton(popup, detail, 'Save to vocabulary');
    await expect.poll(() => textOf(popup, '[data-testid="gl-save-status"]')).toBe('Saved to your vocabulary.');
    await clickButton(popup, detail, 'Save to vocabulary');
    await expect.poll(() => textOf(popup, '[data-testid="gl-save-status"]')).toBe('Already in your vocabulary.');
    const saved = await database(h(), async (db) => (await db.vocabulary.get('人类命运共同体')) ?? null);
    expect(saved?.source).toBe('glossary');
    expect(saved?.english[0]).toContain('shared future');
    await popup.focus(`${detail} h3`);

    await popup.press('Escape');
    await expect.poll(() => countOf(popup, detail)).toBe(0);
    // Focus goes back in an effect after the entry closes: wait for it rather than race it.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('人类命运共同体');
    expect(await popup.evaluate(() => (document.querySelector('[data-testid="gl-list"]') as HTMLElement).getClientRects().length > 0)).toBe(true);
  });

  it('lists the terms of the current article by count and links the entry to the saved article', async () => {
    await popup.click('[data-testid="gl-in-article"]');
    const list = '[data-testid="gl-article-list"]';
    await expect.poll(() => countOf(popup, list)).toBe(1);
    const terms = await rowTerms(popup, 'gl-article-list');
    expect(terms.some((t) => t === '塔吉克斯坦' || t === '一带一路')).toBe(true);
    const counts = (await popup.evaluate(() => [...document.querySelectorAll('[data-testid="gl-term-count"]')].map((c) => c.textContent ?? ''))).map((s) => Number(/\d+/.exec(s)?.[0]));
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const belt = `${list} button.gl-row[data-term="一带一路"]`;
    expect(await textOf(popup, `${belt} [data-testid="gl-term-count"]`)).toMatch(/^[1-9]\d*×$/);
    await popup.screenshot('popup-glossary-in-article');

    await popup.click(belt);
    await expect.poll(() => countOf(popup, '[data-testid="gl-library"]')).toBe(1);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="gl-library"] a')?.getAttribute('target'))).toBe('_blank');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="gl-library"] a')?.getAttribute('href'))).toMatch(/guancha\.cn/);
    await popup.evaluate(() => {
      const el = document.querySelector('.gl-detail-body')!;
      el.scrollTop = el.scrollHeight;
    });
    await popup.screenshot('popup-glossary-detail-library');

    await popup.click('button.gl-back');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('一带一路');
    await clickButton(popup, '.gl-scope', 'All terms');
    await expect.poll(() => countOf(popup, SEARCH)).toBe(1);
  });

  it('says "1 term marked" in the singular, also when opened while the page is still reading the article', async () => {
    // guancha-3 (a real page) holds one glossary term. The popup opens at once: the page answers
    // its count of marks once it has marked them, not with the 0 of a marking half made.
    const real = demoPages().find((p) => p.file.endsWith('guancha-3.html'))!;
    const page = await h().newTab(real.url);
    // Pinyin asked for at once (Alt+Shift+P as the page opens): marking then takes it off and puts it back.
    await page.bringToFront();
    await h().background((g) => g.jieduCommands['toggle-pinyin']!());
    const one = await openPopup(h(), page);
    await expect.poll(() => textOf(one, '[data-testid="terms-count"]')).toBe('1 term marked');
    await waitForStored(h(), 'https://www.guancha.cn/politics/2019_09_09_517162_s.shtml');
    await one.close();
    await page.close();
    await popup.close();
    await articlePage.close();
  });
});
