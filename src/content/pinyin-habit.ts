/**
 * Whether this reader uses pinyin, kept by the page itself in extension storage (no
 * round trip to the background): an article page of a reader who switched pinyin on in
 * the last weeks loads the annotator and reads its text in idle time, so the keyboard
 * command then only builds the markup. Readers who never use pinyin pay nothing.
 */
import browser from 'webextension-polyfill';

const KEY = 'pinyinUsedAt';
/** How long one use counts as a habit. */
const RECENT_MS = 30 * 24 * 60 * 60 * 1000;

let noted = false;

/** Called when pinyin goes on; written once per page. */
export function notePinyinUsed(): void {
  if (noted) return;
  noted = true;
  void browser.storage.local.set({ [KEY]: Date.now() }).catch(() => undefined);
}

export async function usesPinyin(): Promise<boolean> {
  const got: Record<string, unknown> = await browser.storage.local.get(KEY).catch(() => ({}));
  const at = got[KEY];
  return typeof at === 'number' && Date.now() - at < RECENT_MS;
}
