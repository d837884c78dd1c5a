/**
 * "Save to Jiedu vocabulary" on selected text. The menu needs the optional
 * contextMenus permission, asked for when the user turns the feature on in
 * the options; the menu comes and goes with the permission.
 */
import browser from 'webextension-polyfill';
import { menuPermission } from '../platform/permissions.ts';
import { envelope, type ContentMessages } from '../messaging/protocol.ts';
import { parseMessage } from '../messaging/schemas.ts';
import { sendToTab } from '../messaging/ports.ts';
import { rankInContext, type Dictionary, type SentenceReading } from '../core/dictionary/index.ts';
import type { VocabularyRecord } from '../core/vocabulary.ts';

const MENU_ID = 'jiedu-save-selection';
const SITES = ['guancha.cn', 'zaobao.com', 'zaobao.com.sg', 'news.cn', 'xinhuanet.com'].flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);

interface Deps {
  dictionary(): Promise<Dictionary>;
  /** The sentence as the pinyin engine reads it, so the selection is saved with its reading there. */
  readSentence?(sentence: string): Promise<SentenceReading>;
  save(
    word: { simplified: string; traditional: string; pinyin: string; english: string[]; source: 'dictionary' | 'manual' },
    context: { sentence: string; articleUrl: string; articleTitle: string } | null,
  ): Promise<{ record: VocabularyRecord; created: boolean }>;
}

type Selection = ContentMessages['page/selection']['result'];

async function hasPermission(): Promise<boolean> {
  const permission = menuPermission();
  return permission !== null && browser.permissions.contains(permission);
}

async function ensureMenu(): Promise<boolean> {
  if (!(await hasPermission()) || !browser.contextMenus) return false;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: browser.i18n.getMessage('menuSaveSelection') || 'Save to Jiedu vocabulary',
    contexts: ['selection'],
    documentUrlPatterns: SITES,
  });
  return true;
}

/** Saves the selection of a tab: the dictionary's entry when the selection is a word it knows. */
async function saveSelection(deps: Deps, tabId: number, selectionText: string): Promise<{ record: VocabularyRecord; created: boolean } | null> {
  // A page without Jiedu's content script (or one that does not answer) leaves the menu's own selection text.
  const selection: Selection | null = await sendToTab(tabId, 'page/selection', {}).catch(() => null);
  const text = (selection?.text || selectionText).replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!text) return null;
  const dict = await deps.dictionary();
  // The entry that fits the sentence (its reading there, main entries before variants), as the card's Save keeps it.
  const offset = selection?.sentence.indexOf(text) ?? -1;
  const reading = offset >= 0 && deps.readSentence ? await deps.readSentence(selection!.sentence).catch(() => null) : null;
  const first = (await dict.read(() => rankInContext(dict, dict.lookup(text), reading ? { reading, offset, length: text.length } : null))).save;
  const word = first
    ? { simplified: first.simplified, traditional: first.traditional, pinyin: first.pinyin, english: first.english.slice(0, 20), source: 'dictionary' as const }
    : { simplified: text, traditional: text, pinyin: '', english: [], source: 'manual' as const };
  const context =
    selection && /^https?:/.test(selection.article.url) && selection.sentence ? { sentence: selection.sentence, articleUrl: selection.article.url, articleTitle: selection.article.title } : null;
  // The page supplied the text and the sentence: hold them to the same rules as a message from it.
  const checked = parseMessage(envelope('vocab/save', { word, context }));
  if (!checked.ok) throw new Error(checked.error);
  const saved = await deps.save(word, context);
  await browser.action.setBadgeText({ tabId, text: '+1' }).catch(() => undefined);
  setTimeout(() => void browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined), 2500);
  return saved;
}

export function installContextMenu(deps: Deps): { onClicked: (info: { menuItemId: string | number; selectionText?: string }, tabId: number) => Promise<unknown> } {
  const onClicked = async (info: { menuItemId: string | number; selectionText?: string }, tabId: number) => {
    if (info.menuItemId !== MENU_ID) return null;
    return saveSelection(deps, tabId, info.selectionText ?? '');
  };
  void ensureMenu();
  browser.permissions.onAdded.addListener(() => void ensureMenu());
  browser.runtime.onInstalled.addListener(() => void ensureMenu());
  // The contextMenus namespace exists only while the permission is held.
  const attach = () => {
    if (browser.contextMenus && !browser.contextMenus.onClicked.hasListener(listener)) browser.contextMenus.onClicked.addListener(listener);
  };
  const listener = (info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab) => {
    if (tab?.id !== undefined) void onClicked(info, tab.id);
  };
  attach();
  browser.permissions.onAdded.addListener(attach);
  return { onClicked };
}
