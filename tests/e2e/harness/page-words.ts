/** Words looked up and saved in a page through Jiedu's card, as a reader does it (mouse to open, keyboard to save). */
import { expect } from 'vitest';
import { database } from './index.ts';
import type { ExtensionHarness, Tab } from './types.ts';

/**
 * A real click that opens the look-up card at `at`, clicked again when none opens within 10 s (three clicks at most):
 * a page's first look-up loads its card code and may meet a background that has to start, and on a loaded machine a
 * click can land while the page re-reads an article body that just changed and go unheard; a reader clicks again.
 */
export async function clickForCard(page: Tab, at: { x: number; y: number }, what = 'the card'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.clickAt(at.x, at.y);
    const opened = await expect
      .poll(() => cardBox(page), { timeout: 10_000 })
      .not.toBeNull()
      .then(
        () => true,
        () => false,
      );
    if (opened) return;
  }
  throw new Error(`${what} did not open after three clicks at ${JSON.stringify(at)}`);
}

/** Where the card is on screen, as the page sees its host element; null when none is shown. */
export function cardBox(page: Tab): Promise<{ top: number; left: number; bottom: number } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('jiedu-card') as HTMLElement | null;
    if (!host || host.hidden) return null;
    const r = host.getBoundingClientRect();
    if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) return null;
    return { top: r.top, left: r.left, bottom: r.bottom };
  });
}

export const vocabulary = (h: ExtensionHarness, word: string) => database(h, async (db, w) => (await db.vocabulary.get(w)) ?? null, word);

/**
 * Moves keyboard focus into the open card the way a reader can (Tab from the page's last
 * focusable element), then presses Enter on each stop until the word is saved. The Save
 * button is the card's first button; in Firefox a card whose content overflows is itself
 * a tab stop (scrollable boxes are), one Tab before it.
 */
export async function saveFromCardByKeyboard(h: ExtensionHarness, page: Tab, word: string): Promise<void> {
  await page.evaluate(() => {
    const focusable = [...document.body.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0);
    focusable.at(-1)?.focus();
  });
  for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.localName)) !== 'jiedu-card'; i++) await page.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('jiedu-card');
  for (let stop = 0; stop < 2; stop++) {
    await page.press('Enter');
    const saved = await expect
      // A save goes through the background, which a loaded machine may have to start first.
      .poll(async () => (await vocabulary(h, word)) !== null, { timeout: 8000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (saved) return;
    await page.press('Tab');
  }
  throw new Error(`${word} was not saved from the card by keyboard`);
}

/** The middle of the first occurrence of `word`'s first character inside `selector`, scrolled into view. */
export function pointAt(page: Tab, selector: string, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ sel, w }) => {
      const p = document.querySelector(sel)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(w);
        if (i >= 0) {
          // In view first: saving from a card by keyboard may have scrolled the page away.
          n.parentElement?.scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = r.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { sel: selector, w: word },
  );
}
