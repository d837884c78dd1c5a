/**
 * Looking up a character in a real sentence and saving it: the card puts the reading the
 * sentence has first, and Save stores that entry (simplified, traditional, pinyin, English),
 * not CC-CEDICT's first entry. Eight characters whose first entry is a variant, a surname
 * or another reading, each in a sentence of a seed or a real page served at its address
 * (tests/unit/core/dictionary/save-cases.ts says which).
 */
import { beforeAll, expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { SAVE_CASES, type SaveCase } from '../../unit/core/dictionary/save-cases.ts';
import { countOf, database, forEachBrowser, tabIdOf, type ExtensionHarness, type Tab } from '../harness/index.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

const inCard = <T>(page: Tab, body: string) => page.evalInContentScript<T>(`(() => { const root = ${CARD_ROOT}; ${body} })()`);
const cardText = (page: Tab) => inCard<string | null>(page, `const host = root && root.host; return !host || host.hidden ? null : root.querySelector('.card')?.textContent ?? null;`);
const statusText = (page: Tab) => inCard<string | null>(page, `return root?.querySelector('.card .status')?.textContent ?? null;`);
const termCount = (page: Tab) => countOf(page, 'span.jiedu-term');

interface Stored {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
  source: string;
  contexts: { sentence: string; articleUrl: string }[];
}

async function stored(h: ExtensionHarness, simplified: string): Promise<Stored | undefined> {
  return ((await database(h, async (db, w) => (await db.vocabulary.get(w)) ?? null, simplified)) as Stored | null) ?? undefined;
}

function findPage(pred: (p: ReturnType<typeof demoPages>[number]) => boolean, what: string) {
  const page = demoPages().find(pred);
  if (!page) throw new Error(`no demo page for ${what}`);
  return page;
}

function pageOf(c: SaveCase): string {
  if (c.url) return findPage((p) => p.url === c.url, c.url).url;
  return findPage((p) => p.seed === c.seed, `seed ${c.seed}`).url;
}

/**
 * Centre of the phrase's character `at`, scrolled into view. The phrase is found in the page's
 * text as read (marked terms split it into several text nodes); the character itself must lie
 * outside any marked term, where a click opens the term's card instead.
 */
async function pointAt(page: Tab, phrase: string, at: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ phrase, at }) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('script, style, rt, rp') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) nodes.push(n);
      const starts: number[] = [];
      let text = '';
      for (const n of nodes) {
        starts.push(text.length);
        text += n.data;
      }
      for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
        const target = i + at;
        let k = starts.length - 1;
        while (k > 0 && starts[k]! > target) k--;
        const node = nodes[k]!;
        if (node.parentElement?.closest('span.jiedu-term')) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(node, target - starts[k]!);
        r.setEnd(node, target - starts[k]! + 1);
        const rect = r.getBoundingClientRect();
        if (rect.width === 0) continue;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { phrase, at },
  );
}

/** news.cn and www.news.cn, guancha.cn and m.guancha.cn: the site a page belongs to. */
const site = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

forEachBrowser('look-up and save in real sentences', (h) => {
  let page: Tab;
  beforeAll(async () => {
    // Every glossary term marked, as these tests wait for the marks before they click (a click inside a term opens its card) (the quiet default marks only terms of art).
    await h().background(() => chrome.storage.local.set({ settings: { version: 1, values: { glossaryTerms: 'all' } } }));
    // One tab for the whole file, each case loading its page in it.
    page = await h().newTab();
    await page.setViewport(1280, 900);
  });

  for (const c of SAVE_CASES) {
    it(`saves ${c.char} as ${c.expected.traditional} ${c.expected.pinyin} from ${c.phrase} (${c.file})`, async () => {
      const url = pageOf(c);
      await page.goto(url);
      // Terms are marked first (a click inside one opens its card instead): wait for the marks.
      await expect.poll(() => termCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
      const point = await pointAt(page, c.phrase, c.at);
      expect(point, `${c.phrase} on ${url}`).not.toBeNull();
      await page.clickAt(point!.x, point!.y);
      await expect.poll(() => inCard<boolean>(page, `return !!root?.querySelector('button[aria-label="Save to vocabulary: ${c.char}"]');`), { timeout: 15_000 }).toBe(true);

      // The single character's block: the reading in this sentence comes first and is marked so.
      const first = await inCard<{ pinyin: string; chip: string; open: string; folded: { pinyin: string; open: boolean }[] } | null>(
        page,
        `const box = [...root.querySelectorAll('.match')].find((m) => m.querySelector('.head .word')?.textContent === ${JSON.stringify(c.char)});
         const reading = box?.querySelector('.reading');
         return reading ? {
           pinyin: reading.querySelector('.pinyin').textContent,
           chip: reading.querySelector('.chip')?.textContent ?? '',
           open: reading.localName,
           folded: [...box.querySelectorAll('details.reading')].map((d) => ({ pinyin: d.querySelector('summary .pinyin').textContent, open: d.open })),
         } : null;`,
      );
      expect(first).toMatchObject({ pinyin: c.expected.pinyin, chip: 'In this sentence', open: 'div' });
      // Every other reading is folded to a line, closed, and none repeats the one in context.
      expect(first!.folded.every((f) => !f.open && f.pinyin.toLowerCase() !== c.expected.pinyin)).toBe(true);
      if (c.char === '与') expect(first!.folded.map((f) => f.pinyin)).toEqual(['yù', 'yú']);
      if (c.char === '与') await page.screenshot('lookup-save-yu');

      await inCard(page, `root.querySelector('button[aria-label="Save to vocabulary: ${c.char}"]').click();`);
      await expect.poll(() => statusText(page)).toBe('Saved to your vocabulary.');
      const word = await stored(h(), c.char);
      expect(word).toMatchObject({ simplified: c.char, traditional: c.expected.traditional, pinyin: c.expected.pinyin, source: 'dictionary' });
      expect(
        word!.english.some((g) => c.expected.english.test(g)),
        word!.english.join('; '),
      ).toBe(true);
      expect(word!.english.join('; ')).not.toMatch(/variant of/);
      expect(word!.contexts).toHaveLength(1);
      // Saved with the article's own address (its canonical URL, which may differ from the page's).
      expect(site(word!.contexts[0]!.articleUrl)).toBe(site(url));
      expect(word!.contexts[0]!.sentence).toContain(c.phrase);

      // Saving again from the same sentence adds nothing, and says so.
      await inCard(page, `root.querySelector('button[aria-label="Save to vocabulary: ${c.char}"]').click();`);
      await expect.poll(() => statusText(page)).toBe('Already in your vocabulary with this sentence.');
      expect((await stored(h(), c.char))!.contexts).toHaveLength(1);
      expect(await cardText(page)).not.toBeNull();
      await page.press('Escape');
    });
  }

  it('corrects a word stored from a variant\'s entry when it is saved again (与 stored as 與 yú "variant of 歟")', async () => {
    const c = SAVE_CASES.find((x) => x.char === '与')!;
    const url = pageOf(c);
    await database(h(), async (db) => {
      const at = '2025-01-01T00:00:00.000Z';
      await db.vocabulary.bulkPut([
        {
          simplified: '与',
          traditional: '與',
          pinyin: 'yú',
          english: ['variant of 歟|欤[yú]', 'and', 'to give', 'together with', 'to take part in'],
          contexts: [],
          tags: ['old'],
          note: '',
          source: 'dictionary',
          createdAt: at,
          updatedAt: at,
        },
      ]);
      return null;
    });
    await page.goto(url);
    await expect.poll(() => termCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    const point = await pointAt(page, c.phrase, c.at);
    await page.clickAt(point!.x, point!.y);
    await expect.poll(() => inCard<boolean>(page, `return !!root?.querySelector('button[aria-label="Save to vocabulary: 与"]');`), { timeout: 15_000 }).toBe(true);
    await inCard(page, `root.querySelector('button[aria-label="Save to vocabulary: 与"]').click();`);
    await expect.poll(() => statusText(page)).toBe('Corrected in your vocabulary: the word now has the reading and meanings it has in this sentence.');
    const word = await stored(h(), '与');
    expect(word).toMatchObject({ traditional: '與', pinyin: 'yǔ', english: ['and', 'to give', 'together with'] });
    expect(word!.contexts[0]!.sentence).toContain(c.phrase);
    await page.press('Escape');
  });

  it('stores a glossary term\'s pinyin in the same form as a dictionary word\'s (一带一路 "Yīdài Yīlù" → "Yī dài Yī lù")', async () => {
    const url = findPage((p) => p.seed === '000', 'seed 000').url;
    await page.goto(url);
    const term = 'span.jiedu-term[data-jiedu-term="一带一路"]';
    await expect.poll(() => countOf(page, term), { timeout: 10_000 }).toBe(1);
    await page.focus(term);
    await page.press('Enter');
    await expect.poll(() => inCard<string | null>(page, `return root?.activeElement?.getAttribute('aria-label') ?? null;`)).toBe('Save to vocabulary: 一带一路');
    await page.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Saved to your vocabulary.');
    const word = await stored(h(), '一带一路');
    expect(word).toMatchObject({ traditional: '一帶一路', pinyin: 'Yī dài Yī lù', source: 'glossary' });
    await page.press('Escape');
  });

  it('saves a selection from the right-click menu with its reading in the sentence (重 in 重要 is zhòng, CC-CEDICT lists chóng first)', async () => {
    // Seed 001 (assets/seeds/001_18db919ca564c70d.txt): "…成为维护地区和世界和平稳定的重要力量。"
    const url = findPage((p) => p.seed === '001', 'seed 001').url;
    await page.goto(url);
    await expect.poll(() => termCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    const selected = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf('和平稳定的重要力量');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 5);
        r.setEnd(n, i + 6);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
        return getSelection()!.toString();
      }
      return null;
    });
    expect(selected).toBe('重');
    expect(await firstEntryPinyin(h(), '重')).toBe('chóng');
    const tabId = await tabIdOf(h(), page.url());
    // The menu item's handler, as a click on it runs it (a driver cannot open the browser's context menu).
    const saved = (await h().background((g, id) => g.jieduContextMenu.onClicked({ menuItemId: 'jiedu-save-selection', selectionText: '重' }, id), tabId)) as { record: Stored };
    expect(saved.record).toMatchObject({ simplified: '重', traditional: '重', pinyin: 'zhòng', source: 'dictionary' });
    expect(saved.record.english).toContain('heavy');
    expect(saved.record.english).not.toContain('to repeat');
    expect(saved.record.contexts[0]?.sentence).toContain('重要力量');
  });
});

/** CC-CEDICT's first entry for a headword, as the background's dictionary holds it. */
function firstEntryPinyin(h: ExtensionHarness, word: string): Promise<string | null> {
  return h.background(async (g, w) => (await g.jieduDictionary()).readings(w)[0]?.pinyin ?? null, word);
}
