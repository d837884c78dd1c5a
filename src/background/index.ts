/** The background: owns the database, answers messages, keeps the badge. */
import browser from 'webextension-polyfill';
import { JieduDB } from './db.ts';
import { deleteArticle, getArticle, libraryStats, saveArticle } from './library.ts';
import { createRouter, fromContent, fromPages, type SenderInfo } from '../messaging/router.ts';
import { answerOnPort, sendToTab } from '../messaging/ports.ts';
import { BACKGROUND_PORT } from '../messaging/protocol.ts';
import { DEFAULT_SETTINGS, pinyinLook, type Settings } from '../core/settings.ts';
import { loadSettings } from '../platform/settings-store.ts';
import { moveSectionsIntoItem, moveSettingsOutOfDatabase } from './settings-move.ts';
import { restoreSettings, settingsForBackup } from './settings-backup.ts';
import { createGlossaryService, type GlossaryService } from './glossary.ts';
import type { BuiltGlossary } from '../core/glossary/index.ts';
import { Dictionary, DICTIONARY_FILE, glossFile } from '../core/dictionary/index.ts';
import { beginReading, createSentenceReader, lookupAt, lookupInPageReading, lookupInSentence } from './dictionary.ts';
import { sentenceReadingOf } from '../core/dictionary/page-reading.ts';
import { createContextReader } from './pinyin-context.ts';
import { saveVocabulary } from './vocabulary.ts';
import type { NewWord } from '../core/vocabulary.ts';
import type { WordContext } from '../messaging/protocol.ts';
import { installContextMenu } from './context-menu.ts';
import * as admin from './library-admin.ts';
import * as anki from './anki.ts';
import { sentencePinyin } from '../core/export/sentence-pinyin.ts';
import { readReviewSettings, reviewHandlers } from './review-handlers.ts';
import { addCards, removeOrphanCards } from './review.ts';

const db = new JieduDB();
/** Settings from before they moved to storage.local go there before anything reads them. */
const settingsMoved = moveSettingsOutOfDatabase(db, browser.storage.local)
  .then(() => moveSectionsIntoItem(browser.storage.local))
  .catch((err: unknown) => console.warn('Jiedu: settings not moved', err));
const settings = (): Promise<Settings> => settingsMoved.then(() => loadSettings()).catch(() => DEFAULT_SETTINGS);
/** Saves a word; a word new to the vocabulary is added to review at once when the review settings say so. */
const saveWord = async (word: NewWord, context: WordContext | null) => {
  const saved = await saveVocabulary(db, word, context, new Date(), (await settings()).pinyinTone);
  const review = await readReviewSettings();
  if (saved.created && review.autoAddSaved) await addCards(db, 'vocabulary', [saved.record.simplified], review.kinds);
  return saved;
};
const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

let glossaryService: Promise<GlossaryService> | null = null;
/** The glossary is read from the package on first use, then kept while the worker lives. */
function glossary(): Promise<GlossaryService> {
  glossaryService ??= fetch(browser.runtime.getURL('data/glossary.json'))
    .then((r) => r.json() as Promise<BuiltGlossary>)
    .then(createGlossaryService)
    .catch((err: unknown) => {
      glossaryService = null;
      throw err;
    });
  return glossaryService;
}

/** Reads a file of the package, refusing an error page for its bytes. */
async function packageBytes(file: string): Promise<ArrayBuffer> {
  note(`read ${file}`);
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

/**
 * The dictionary's index is searched where it lies: a worker the browser stopped pays one read
 * of it again, and of the gloss parts its look-ups show, each read once while the worker lives.
 */
async function loadDictionary(): Promise<Dictionary> {
  return Dictionary.fromBytes(await packageBytes(DICTIONARY_FILE), (part) => packageBytes(glossFile(part)));
}

/** In builds with the test hooks: what this background began and the dictionary's files it read, in order (the browser tests read it). */
const began: string[] = [];
const note = (what: string): void => {
  if (typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__) began.push(what);
};

/**
 * After a first look-up, the rest of the glosses are read part by part in the background, once
 * per worker: a pause between parts keeps each read short beside the look-ups that follow.
 */
let restOfGlosses: Promise<void> | null = null;
const READ_NEXT_PART_AFTER_MS = 100;
function readRestOfGlosses(dict: Dictionary): void {
  restOfGlosses ??= dict.loadEveryGlossPart(() => new Promise((resolve) => setTimeout(resolve, READ_NEXT_PART_AFTER_MS)));
}

let dictionaryLoad: Promise<Dictionary> | null = null;
/** CC-CEDICT is opened on the first look-up only (or the press before it), never for pages that do not ask. */
function dictionary(): Promise<Dictionary> {
  if (!dictionaryLoad) note('dictionary');
  dictionaryLoad ??= loadDictionary().catch((err: unknown) => {
    dictionaryLoad = null;
    throw err;
  });
  return dictionaryLoad;
}

const BADGE: Record<string, { text: string; color: string }> = {
  added: { text: '✓', color: '#1b7f3b' },
  updated: { text: '↻', color: '#1b5e7f' },
  unchanged: { text: '✓', color: '#5f6b73' },
};

async function setBadge(tabId: number | null, status: keyof typeof BADGE): Promise<void> {
  if (tabId === null) return;
  const badge = BADGE[status];
  if (!badge) return;
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(`badge_${status}`) || 'Jiedu' });
}

const readContext = createContextReader(dictionary);
/** Sentences around look-ups, read with the pinyin engine and its model (the last few kept). */
const readSentence = createSentenceReader(readContext, undefined, () => note('engine reads a sentence'));

const route = createRouter({
  'article/save': fromContent(async ({ article }, sender) => {
    const result = await saveArticle(db, article);
    await setBadge(sender.tabId, result.status).catch(() => undefined);
    return result;
  }),
  'article/get': fromContent(async ({ url }) => getArticle(db, url)),
  'article/delete': fromPages(async ({ url }) => ({ deleted: await deleteArticle(db, url) })),
  'library/stats': fromContent(async () => libraryStats(db)),
  'glossary/search': fromPages(async ({ query, category, limit }) => (await glossary()).search(query, category, limit)),
  'glossary/entry': fromContent(async ({ term }) => (await glossary()).entry(db, term)),
  'glossary/in-article': fromPages(async ({ url }) => (await glossary()).inArticle(db, url)),
  'dict/lookup': fromContent(async ({ text, context, reading }) => {
    note('lookup');
    const loads = Promise.all([dictionary(), glossary().catch(() => null)]);
    // The page's own reading of the sentence when it sent one (the schema checked it fits);
    // else the engine's, with the model's only where it may change what the card puts first.
    const matches =
      context && reading
        ? await lookupInPageReading(loads, text, context, sentenceReadingOf(context.sentence, reading))
        : context
          ? await lookupInSentence(
              loads,
              text,
              context,
              readSentence,
              readContext.covers().catch(() => null),
            )
          : await loads.then(([dict, gloss]) => dict.read(() => lookupAt(dict, gloss, text)));
    // This answer first; then the glosses the next look-ups may need.
    note('answered');
    void loads.then(([dict]) => readRestOfGlosses(dict));
    return { matches };
  }),
  'dict/prepare': fromContent(async ({ context, reading }) => {
    note('prepare');
    // What a look-up loads and reads, begun now; a failure here is the look-up's to report.
    // The gloss parts of the words at the point, read as soon as the index is open.
    void dictionary()
      .then((dict) => (context ? dict.loadGlossParts(dict.glossPartsAt(context.sentence.slice(context.offset))) : undefined))
      .catch(() => undefined);
    void glossary().catch(() => undefined);
    // A page that sent its own reading of the sentence leaves the engine alone.
    if (context && !reading)
      void beginReading(
        context,
        readSentence,
        readContext.covers().catch(() => null),
      ).catch(() => undefined);
    return { prepared: true as const };
  }),
  'pinyin/context': fromContent(async ({ texts }) => readContext(texts)),
  'vocab/save': fromContent(async ({ word, context }) => saveWord(word, context)),
  'article/query': fromPages(async (q) => admin.queryArticles(db, q)),
  'article/restore': fromPages(async ({ article }) => admin.restoreArticle(db, article)),
  'vocab/list': fromPages(async (q) => admin.listVocabulary(db, q)),
  'vocab/update': fromPages(async (patch) => admin.updateVocabulary(db, patch)),
  'vocab/delete': fromPages(async ({ keys }) => admin.deleteVocabulary(db, keys)),
  'vocab/restore': fromPages(async ({ records, cards }) => admin.restoreVocabulary(db, records, cards)),
  'export/vocabulary': fromPages(async (params) => admin.exportVocabulary(db, params, new Date(), await exportFieldOptions())),
  'export/glossary': fromPages(async ({ format }) => admin.exportGlossary((await glossary()).search('', null, 1_000_000).items, format, new Date(), await exportFieldOptions())),
  'backup/export': fromPages(async () => admin.exportBackup(db, await settingsMoved.then(settingsForBackup))),
  'backup/import': fromPages(async ({ text, restoreSettings: restore }) => admin.importBackup(db, text, restore ? async (b) => settingsMoved.then(() => restoreSettings(b)) : undefined)),
  'anki/settings': fromPages(async () => anki.ankiSettings()),
  'anki/settings/set': fromPages(async (patch) => anki.setAnkiSettings(patch)),
  'anki/check': fromPages(async () => anki.ankiCheck()),
  // "Add to Anki" on the look-up card: a saved word, by its key.
  'anki/add': fromContent(async ({ key }) => anki.ankiAdd(db, key, exportFieldOptions)),
  'anki/sync': fromPages(async ({ keys }) => anki.ankiSync(db, keys, exportFieldOptions)),
  ...reviewHandlers(db, glossary),
});

/** Sentence pinyin in the reader's own tone style and neutral tones, as the pages show it; their tone colours; listening cards or not. */
async function exportFieldOptions(): Promise<admin.ExportLook> {
  const [look, ankiSettings] = await Promise.all([settings().then(pinyinLook), anki.ankiSettings()]);
  return {
    sentencePinyin: (s) => sentencePinyin(s, { tone: look.pinyinTone, neutral: look.pinyinNeutral }),
    toneColors: look.pinyinToneColors,
    listening: ankiSettings.listening,
    listeningChangedAt: ankiSettings.listeningChangedAt,
  };
}

const answer = (raw: unknown, sender: browser.Runtime.MessageSender) => {
  const info: SenderInfo = {
    tabId: sender.tab?.id ?? null,
    url: sender.url ?? null,
    fromExtensionPage: sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionOrigin),
  };
  return route(raw, info).then((reply) =>
    // Refused in a way that a second run may mend, with nothing written (Firefox's cleanup turn: see JieduDB).
    !reply.ok && db.takeRetry() ? route(raw, info) : reply,
  );
};
browser.runtime.onMessage.addListener(answer);
// The extension's pages ask over a port (see sendToBackground).
answerOnPort(BACKGROUND_PORT, answer);

/** Keyboard commands (chrome://extensions/shortcuts rebinds them). */
const COMMANDS: Record<string, () => Promise<unknown>> = {
  'toggle-pinyin': async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    // The settings go with the command: the page draws at once instead of asking for them.
    const look = pinyinLook(await settings());
    // Over a port, as the pages ask: an event page that stops before the page answers just drops it,
    // where Firefox reports a message left unanswered as an error ("Actor 'Conduits' destroyed").
    return sendToTab(tab.id, 'pinyin/toggle', look ? { look } : {}).catch(() => null);
  },
};

browser.commands.onCommand.addListener((command: string) => {
  void COMMANDS[command]?.();
});

// An update may bring a glossary without some entry: its cards go (and any card left without its word).
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason !== 'update') return;
  void removeOrphanCards(db, async (term) => (await glossary()).byTerm(term) !== null).catch((err: unknown) => console.warn('Jiedu: could not tidy the review cards', err));
});

const contextMenu = installContextMenu({ dictionary, readSentence, save: saveWord });

// Test builds only: what a browser test or the bench cannot reach as a reader or the extension would.
// (The database and the card's closed root they reach as the extension does: tests/support.)
// - jieduCommands: a keyboard command's handler, as no driver presses a Chromium extension's shortcut;
// - jieduContextMenu: the right-click menu's handler, as no driver opens the browser's own menu;
// - jieduDictionary, jieduBegan: the dictionary this background opened and what it began, in order,
//   which nothing outside the background can see;
// - jieduBench: the dictionary's loader, which the bench times.
if (typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__)
  Object.assign(globalThis, { jieduCommands: COMMANDS, jieduDictionary: dictionary, jieduBench: { loadDictionary }, jieduContextMenu: contextMenu, jieduBegan: began });
