/**
 * "Add to Anki" and the sync, through AnkiConnect: the settings item's `anki` section, the words
 * from the database, and every failure answered as a problem the pages put into words.
 */
import browser from 'webextension-polyfill';
import { AnkiError, addWord, ANKI_CONNECT_URL, httpInvoke, prepare, syncWords, type Invoke } from '../core/anki-connect.ts';
import { parseAnkiSettings, patchAnkiSettings, type AnkiSettings, type AnkiSettingsPatch } from '../core/anki-settings.ts';
import type { NoteFieldOptions } from '../core/export/index.ts';
import type { AnkiReply } from '../messaging/protocol.ts';
import type { VocabularyRecord } from '../core/vocabulary.ts';
import type { JieduDB } from './db.ts';
import { loadSection, saveSection } from '../platform/settings-store.ts';

export async function ankiSettings(): Promise<AnkiSettings> {
  return parseAnkiSettings(await loadSection('anki'));
}

export async function setAnkiSettings(patch: AnkiSettingsPatch): Promise<AnkiSettings> {
  const next = patchAnkiSettings(await ankiSettings(), patch, new Date());
  await saveSection('anki', next);
  return next;
}

/**
 * Browser tests point the extension at a stand-in on another port (storage.local
 * `jieduAnkiTestUrl`, which outlives a stopped background); a production build has no such door.
 */
async function connectUrl(): Promise<string> {
  if (typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__) {
    const url = (await browser.storage.local.get('jieduAnkiTestUrl'))['jieduAnkiTestUrl'];
    if (typeof url === 'string') return url;
  }
  return ANKI_CONNECT_URL;
}

const origin = () => new URL(browser.runtime.getURL('/')).origin;

async function reply<T extends object>(work: (invoke: Invoke, settings: AnkiSettings) => Promise<T>): Promise<AnkiReply<T>> {
  const settings = await ankiSettings();
  try {
    if (!settings.enabled) throw new AnkiError('other', 'Add to Anki is off in the options');
    return { ok: true, ...(await work(httpInvoke(await connectUrl()), settings)) };
  } catch (err) {
    const e = err instanceof AnkiError ? err : new AnkiError('other', err instanceof Error ? err.message : String(err));
    return { ok: false, problem: e.problem, detail: e.message, origin: origin() };
  }
}

export function ankiCheck(): Promise<AnkiReply<{ version: number; decks: string[]; models: string[]; fields: string[] }>> {
  return reply(async (invoke, settings) => {
    // Anki shows its permission dialog when this origin is not yet in webCorsOriginList.
    const permission = (await invoke('requestPermission')) as { permission?: string } | null;
    if (permission?.permission !== 'granted') throw new AnkiError('forbidden', 'permission denied in Anki');
    const { version } = await prepare(invoke, settings);
    const [decks, models, fields] = (await Promise.all([invoke('deckNames'), invoke('modelNames'), invoke('modelFieldNames', { modelName: settings.model })])) as [string[], string[], string[]];
    return { version, decks, models, fields };
  });
}

async function word(db: JieduDB, key: string): Promise<VocabularyRecord> {
  const w = (await db.vocabulary.get(key)) as unknown as VocabularyRecord | undefined;
  if (!w) throw new AnkiError('other', `${key} is not in the vocabulary`);
  return w;
}

export function ankiAdd(db: JieduDB, key: string, look: () => Promise<NoteFieldOptions>): Promise<AnkiReply<{ status: 'added' | 'duplicate' }>> {
  return reply(async (invoke, settings) => ({ status: (await addWord(invoke, await word(db, key), settings, await look())).status }));
}

export function ankiSync(db: JieduDB, keys: string[] | null, look: () => Promise<NoteFieldOptions>) {
  return reply(async (invoke, settings) => {
    const words = keys
      ? ((await db.vocabulary.bulkGet(keys)) as unknown as (VocabularyRecord | undefined)[]).filter((w): w is VocabularyRecord => w !== undefined)
      : ((await db.vocabulary.toArray()) as unknown as VocabularyRecord[]);
    return syncWords(invoke, words, settings, await look());
  });
}
