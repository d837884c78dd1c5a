/**
 * A word looked up when the background had stopped: Chromium stops an extension's service
 * worker after 30 s idle (stopped here through DevTools), Firefox its event page (idle time
 * cut to 1.5 s here). The click must start a new background, which opens the dictionary's index
 * and reads the glosses of the words shown from their part only, and answers; the card shows the word's entry and saves it with the dictionary's reading. The button
 * going down on a word already starts the background and the dictionary's load.
 */
import { expect, it } from 'vitest';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { forEachBrowser, waitForStored, type ExtensionHarness } from '../harness/index.ts';
import { cardBox, clickForCard, pointAt, saveFromCardByKeyboard, vocabulary } from '../harness/page-words.ts';
import { CARD_ROOT } from '../../support/card-root.ts';

async function stopBackground(h: ExtensionHarness): Promise<void> {
  if (h.stopBackground) await h.stopBackground();
  else await expect.poll(() => h.backgroundState!(), { timeout: 20_000 }).toBe('stopped');
}

forEachBrowser(
  'look-up after the background stopped',
  (h) => {
    it('starts a new background for the click, which opens the dictionary, answers, and saves the word', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
      const page = await h().newTab(demo.url);
      await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
      // A mark in the background's memory: gone when the background that answers is a new one.
      await h().background((g) => Object.assign(g, { jieduBeforeStop: true }));
      await stopBackground(h());

      const point = await pointAt(page, '#p-detail p', '罢工');
      await page.clickAt(point!.x, point!.y);
      await expect.poll(() => cardBox(page), { timeout: 15_000 }).not.toBeNull();
      // "Loading…" is replaced by the dictionary's answer (the card is a closed shadow root, read in the content script's world).
      const cardText = () => page.evalInContentScript<string | null>(`${CARD_ROOT}?.querySelector('.card')?.textContent ?? null`);
      await expect.poll(cardText, { timeout: 15_000 }).toMatch(/罢工.*bà gōng.*strike/s);
      expect(await h().background((g) => 'jieduBeforeStop' in g)).toBe(false);
      // Before its first answer, the new background read the dictionary's index and the gloss parts of the words shown, not the whole dictionary.
      const began = await h().background((g) => g.jieduBegan);
      const read = began
        .slice(0, began.indexOf('answered'))
        .filter((b) => b.startsWith('read '))
        .map((b) => b.slice('read '.length));
      expect(read[0]).toBe('data/cedict.bin');
      const parts = read.filter((p) => p.startsWith('data/cedict-glosses/'));
      expect(parts.length).toBeGreaterThanOrEqual(1);
      expect(parts.length).toBeLessThanOrEqual(2);
      // After the answer, the rest of the glosses are read, each part once (all of them in Chromium; Firefox's
      // event page, stopped here after 1.5 s idle, may stop before the last, and a new one reads what it needs).
      const partsRead = () => h().background(async (g) => ({ all: (await g.jieduDictionary()).glossParts, read: g.jieduBegan.filter((b) => b.startsWith('read data/cedict-glosses/')) }));
      if (h().name === 'chromium')
        await expect
          .poll(
            async () => {
              const r = await partsRead();
              return r.read.length === r.all && new Set(r.read).size === r.all;
            },
            { timeout: 15_000 },
          )
          .toBe(true);
      else await expect.poll(async () => (await partsRead()).read.length, { timeout: 15_000 }).toBeGreaterThan(parts.length);
      await saveFromCardByKeyboard(h(), page, '罢工');
      expect(await vocabulary(h(), '罢工')).toMatchObject({ simplified: '罢工', traditional: '罷工', pinyin: 'bà gōng', source: 'dictionary' });
      await page.press('Escape');
      await page.close();
    });

    it('starts the background and opens the dictionary when the button goes down on a word, before the click asks', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
      const page = await h().newTab(demo.url);
      await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
      const point = await pointAt(page, '#p-detail', '地铁');
      // The pointer came over the text a moment ago (its message then went to the running background, and the
      // pointer's next moves wait PREPARE_EVERY_MS): what the new background hears first is the press's.
      await page.moveMouse(point!.x, point!.y);
      await stopBackground(h());
      await page.pressAt(point!.x, point!.y);
      await page.release();
      const cardText = () => page.evalInContentScript<string | null>(`${CARD_ROOT}?.querySelector('.card')?.textContent ?? null`);
      await expect.poll(cardText, { timeout: 15_000 }).toMatch(/地铁.*dì tiě.*subway/s);
      // The press's message reached the new background first and opened the dictionary; the click's look-up found it under way.
      expect(await h().background((g) => g.jieduBegan.filter((b) => ['prepare', 'dictionary', 'lookup'].includes(b)).slice(0, 3))).toEqual(['prepare', 'dictionary', 'lookup']);
      await page.press('Escape');
      await page.close();
    });

    it("wakes the background when the pointer moves over Chinese text, before any press: the dictionary opens, and the click's look-up finds it open", async () => {
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
      const page = await h().newTab(demo.url);
      await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
      await h().background((g) => Object.assign(g, { jieduBeforeStop: true }));
      await stopBackground(h());
      const point = await pointAt(page, '#p-detail', '运力');
      // The pointer on its way to the word from the page's corner, no button pressed.
      await page.moveMouse(5, 5);
      await page.moveMouse(point!.x, point!.y);
      const began = () => h().background((g) => ({ fresh: !('jieduBeforeStop' in g), began: g.jieduBegan.filter((b) => ['prepare', 'dictionary', 'lookup'].includes(b)) }));
      await expect.poll(began, { timeout: 15_000 }).toEqual({ fresh: true, began: ['prepare', 'dictionary'] });
      await clickForCard(page, point!);
      const cardText = () => page.evalInContentScript<string | null>(`${CARD_ROOT}?.querySelector('.card')?.textContent ?? null`);
      await expect.poll(cardText, { timeout: 15_000 }).toMatch(/运力.*yùn lì/s);
      await page.press('Escape');
      await page.close();
    });

    it('with pinyin on, ranks the card by the reading the page shows, and the new background leaves its pinyin engine alone; a reading that does not fit is refused', async () => {
      const demo = demoPages().find((p) => p.file.endsWith('xinhua-1.html'))!;
      const page = await h().newTab(demo.url);
      await waitForStored(h(), 'https://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm');
      // Pinyin on, its context readings drawn: the page shows the engine's final reading.
      await page.evalInContentScript(`globalThis.jieduBench.setPinyin(true).then(() => globalThis.jieduBench.pinyinRefined()).then(() => true)`);
      await stopBackground(h());
      // 长 in 车流长达创纪录: cháng over it, where CC-CEDICT has zhǎng too.
      const point = await pointAt(page, '#p-detail', '长');
      const shown = await page.evaluate(() => {
        const p = document.querySelector('#p-detail')!;
        const ruby = [...p.querySelectorAll('ruby')].find((r) => [...r.childNodes].some((n) => n.nodeType === 3 && (n as Text).data === '长'));
        return ruby?.querySelector('rt')?.textContent ?? null;
      });
      expect(shown).toBe('cháng');
      await clickForCard(page, point!);
      // The card's block for 长 alone puts the reading over it first, marked as the one in this sentence.
      const firstReading = () =>
        page.evalInContentScript<string | null>(`(() => {
          const match = [...(${CARD_ROOT}?.querySelectorAll('.match') ?? [])].find((m) => m.querySelector('.word')?.textContent === '长');
          const head = match?.querySelector('.reading .head');
          return head ? head.querySelector('.pinyin').textContent + '|' + (head.querySelector('.chip')?.textContent ?? '') : null;
        })()`);
      await expect.poll(firstReading, { timeout: 15_000 }).toBe('cháng|In this sentence');
      const began = await h().background((g) => g.jieduBegan);
      expect(began.slice(0, began.indexOf('answered'))).toContain('lookup');
      expect(began.slice(0, began.indexOf('answered'))).not.toContain('engine reads a sentence');
      // The same look-up with a reading that does not fit its sentence (a syllable over 。) is refused, whoever sends it.
      const sentence = '据法国交管部门统计，9日上午大巴黎地区交通堵塞造成的车流长达创纪录的631公里。';
      const offset = sentence.indexOf('长');
      const syllables = [...sentence].map((ch) => (/\p{Script=Han}/u.test(ch) ? 'a' : null));
      const send = (reading: unknown) =>
        page.evalInContentScript<{ ok: boolean; error?: string }>(
          `chrome.runtime.sendMessage(${JSON.stringify({ jiedu: 1, name: 'dict/lookup', params: { text: '长达', context: { sentence, offset }, reading } })})`,
        );
      expect((await send({ syllables, words: [] })).ok).toBe(true);
      const forged = await send({ syllables: syllables.map((s, i) => (i === sentence.length - 1 ? 'jù' : s)), words: [] });
      expect(forged).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid dict\/lookup: .*reading must come with the sentence it reads and fit it/) });
      await page.press('Escape');
      await page.close();
    });
  },
  { firefoxPrefs: { 'extensions.background.idle.timeout': 1500 } },
);
