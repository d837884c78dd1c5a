/**
 * Adding saved words to Anki through AnkiConnect (the Anki add-on that answers
 * `{ action, version: 6, params }` with `{ result, error }` on http://127.0.0.1:8765).
 * Pure: the caller passes `invoke`, which does the HTTP; this module decides what to ask.
 * A word's note is found again by Jiedu's id in the note's JieduId field (or the field it
 * is mapped to), so a sync updates the notes it made and adds only the ones missing.
 */
import type { VocabularyRecord } from './vocabulary.ts';
import { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, noteFields, ankiTag, type NoteFieldOptions } from './export/note-fields.ts';
import { JIEDU_CSS, JIEDU_TEMPLATES } from './export/note-type.ts';
import { stableGuid } from './export/common.ts';

import { ANKI_CONNECT_URL, type AnkiSettings } from './anki-settings.ts';

export { ANKI_CONNECT_URL };
const ANKI_CONNECT_VERSION = 6;

/** What went wrong, in terms a person can act on. */
export type AnkiProblem =
  /** Nothing answers on the port: Anki is closed (or AnkiConnect is not installed). */
  | 'unreachable'
  /** Something answers that is not AnkiConnect. */
  | 'not-ankiconnect'
  /** AnkiConnect refused the extension's origin (not in webCorsOriginList). */
  | 'forbidden'
  /** AnkiConnect older than API version 6. */
  | 'old-version'
  /** Anki is open but has no collection loaded (profile window, sync). */
  | 'no-collection'
  | 'other';

export class AnkiError extends Error {
  constructor(
    readonly problem: AnkiProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AnkiError';
  }
}

export type Invoke = (action: string, params?: Record<string, unknown>) => Promise<unknown>;

/** AnkiConnect's answer: `{ result, error }`; anything else is not AnkiConnect. */
function readReply(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('result' in body) || !('error' in body)) throw new AnkiError('not-ankiconnect', 'not an AnkiConnect reply');
  const { result, error } = body as { result: unknown; error: unknown };
  if (error !== null && error !== undefined) {
    const text = String(error);
    throw new AnkiError(/collection is not available/i.test(text) ? 'no-collection' : 'other', text);
  }
  return result;
}

/** The fields a word sends, under the note type's own field names. */
function ankiFields(word: VocabularyRecord, settings: AnkiSettings, opts: NoteFieldOptions = {}): Record<string, string> {
  const f = noteFields(word, opts);
  const out: Record<string, string> = {};
  const own = settings.model === JIEDU_NOTETYPE_NAME;
  for (const name of NOTE_FIELDS) {
    // Listening only makes Jiedu's own note type's listening card: in another note type it would be a bare "y".
    if (!own && name === 'Listening') continue;
    const target = own ? name : settings.fieldMap[name];
    if (target) out[target] = out[target] ? `${out[target]}<br>${f[name]}` : f[name];
  }
  return out;
}

export interface AnkiNote {
  deckName: string;
  modelName: string;
  fields: Record<string, string>;
  tags: string[];
  options: { allowDuplicate: boolean; duplicateScope: 'deck' };
}

export function ankiNote(word: VocabularyRecord, settings: AnkiSettings, opts: NoteFieldOptions = {}): AnkiNote {
  const tags = [...new Set([...settings.tags, ...word.tags].map(ankiTag).filter((t) => t !== ''))];
  return { deckName: settings.deck, modelName: settings.model, fields: ankiFields(word, settings, opts), tags, options: { allowDuplicate: settings.allowDuplicates, duplicateScope: 'deck' } };
}

/** The version check, then the deck and (Jiedu's) note type made when missing. */
export async function prepare(invoke: Invoke, settings: AnkiSettings): Promise<{ version: number }> {
  const version = Number(await invoke('version'));
  if (!Number.isInteger(version) || version < ANKI_CONNECT_VERSION) throw new AnkiError('old-version', `AnkiConnect API version ${String(version)}`);
  const [decks, models] = (await Promise.all([invoke('deckNames'), invoke('modelNames')])) as [string[], string[]];
  if (!models.includes(settings.model)) {
    if (settings.model !== JIEDU_NOTETYPE_NAME) throw new AnkiError('other', `model was not found: ${settings.model}`);
    await invoke('createModel', {
      modelName: JIEDU_NOTETYPE_NAME,
      inOrderFields: [...NOTE_FIELDS],
      css: JIEDU_CSS,
      isCloze: false,
      cardTemplates: JIEDU_TEMPLATES.map(cardTemplate),
    });
  } else if (settings.model === JIEDU_NOTETYPE_NAME && settings.listening) await addListening(invoke);
  if (!decks.includes(settings.deck)) await invoke('createDeck', { deck: settings.deck });
  return { version };
}

const cardTemplate = (t: (typeof JIEDU_TEMPLATES)[number]) => ({ Name: t.name, Front: t.qfmt, Back: t.afmt });

/**
 * Jiedu's note type made in Anki before it had the listening card gets its Listening field and
 * card when listening cards are turned on (AnkiConnect 23.10.29 and later). Asked only then: a
 * field added changes the note type's schema, so Anki's next sync with AnkiWeb is a full one.
 */
async function addListening(invoke: Invoke): Promise<void> {
  const fields = (await invoke('modelFieldNames', { modelName: JIEDU_NOTETYPE_NAME })) as string[];
  const templates = Object.keys((await invoke('modelTemplates', { modelName: JIEDU_NOTETYPE_NAME })) as Record<string, unknown>);
  const listening = JIEDU_TEMPLATES.find((t) => t.name === 'Listening')!;
  try {
    if (!fields.includes('Listening')) await invoke('modelFieldAdd', { modelName: JIEDU_NOTETYPE_NAME, fieldName: 'Listening' });
    if (!templates.includes(listening.name)) await invoke('modelTemplateAdd', { modelName: JIEDU_NOTETYPE_NAME, template: cardTemplate(listening) });
  } catch (err) {
    if (err instanceof AnkiError && /unsupported action/i.test(err.message)) throw new AnkiError('old-version', `AnkiConnect cannot add the listening card: ${err.message}`);
    throw err;
  }
}

export type AddOutcome = { status: 'added'; noteId: number } | { status: 'duplicate' };

/** One word: a duplicate (by Anki's own rule, canAddNotes) is reported, not added. */
export async function addWord(invoke: Invoke, word: VocabularyRecord, settings: AnkiSettings, opts: NoteFieldOptions = {}): Promise<AddOutcome> {
  await prepare(invoke, settings);
  const note = ankiNote(word, settings, opts);
  const [can] = (await invoke('canAddNotes', { notes: [note] })) as boolean[];
  if (!can) return { status: 'duplicate' };
  const noteId = Number(await invoke('addNote', { note }));
  return { status: 'added', noteId };
}

export interface SyncCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Words Anki would not take (a duplicate first field, an empty note). */
  skipped: number;
}

/** Words per request: a findNotes query and an addNotes list stay small, and a thousand words take ten round trips. */
export const SYNC_BATCH = 100;

function searchValue(text: string): string {
  return text.replace(/["\\*_:]/g, (c) => `\\${c}`);
}

/**
 * Adds the words Anki does not have and updates those whose fields changed, found by Jiedu's
 * id. Needs JieduId mapped to a field; without it words can only be added.
 */
export async function syncWords(invoke: Invoke, words: readonly VocabularyRecord[], settings: AnkiSettings, opts: NoteFieldOptions = {}, onProgress?: (done: number) => void): Promise<SyncCounts> {
  await prepare(invoke, settings);
  const idField = settings.model === JIEDU_NOTETYPE_NAME ? 'JieduId' : settings.fieldMap.JieduId;
  const counts: SyncCounts = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (let start = 0; start < words.length; start += SYNC_BATCH) {
    const batch = words.slice(start, start + SYNC_BATCH);
    const notes = batch.map((w) => ankiNote(w, settings, opts));
    const existing = new Map<string, { noteId: number; fields: Record<string, { value: string }> }>();
    if (idField) {
      const terms = batch.map((w) => `"${searchValue(idField)}:${searchValue(stableGuid(w.simplified))}"`).join(' OR ');
      const ids = (await invoke('findNotes', { query: `"note:${searchValue(settings.model)}" (${terms})` })) as number[];
      if (ids.length > 0) {
        const infos = (await invoke('notesInfo', { notes: ids })) as { noteId: number; fields: Record<string, { value: string }> }[];
        for (const info of infos) {
          const id = info.fields[idField]?.value;
          if (id) existing.set(id, info);
        }
      }
    }
    const toAdd: AnkiNote[] = [];
    const updates: { action: string; version: number; params: Record<string, unknown> }[] = [];
    batch.forEach((w, i) => {
      const note = notes[i]!;
      const found = existing.get(stableGuid(w.simplified));
      if (!found) return void toAdd.push(note);
      // A field the note type lacks (Listening in a note type made before it) is no change: Anki keeps no value for it.
      const changed = Object.entries(note.fields).some(([name, value]) => name in found.fields && found.fields[name]!.value !== value);
      if (!changed) counts.unchanged++;
      else updates.push({ action: 'updateNoteFields', version: ANKI_CONNECT_VERSION, params: { note: { id: found.noteId, fields: note.fields } } });
    });
    if (updates.length > 0) {
      const replies = (await invoke('multi', { actions: updates })) as unknown[];
      for (const r of replies) {
        // With a version in each action, multi answers each as { result, error }.
        readReply(r);
        counts.updated++;
      }
    }
    if (toAdd.length > 0) {
      const can = (await invoke('canAddNotes', { notes: toAdd })) as boolean[];
      const addable = toAdd.filter((_, i) => can[i]);
      counts.skipped += toAdd.length - addable.length;
      if (addable.length > 0) {
        const ids = (await invoke('addNotes', { notes: addable })) as (number | null)[];
        for (const id of ids) {
          if (id === null) counts.skipped++;
          else counts.added++;
        }
      }
    }
    onProgress?.(Math.min(words.length, start + batch.length));
  }
  return counts;
}

/**
 * `invoke` over HTTP as AnkiConnect takes it. A failed connection is Anki closed (or the
 * add-on missing); 403 is AnkiConnect refusing the extension's origin.
 */
export function httpInvoke(url: string = ANKI_CONNECT_URL, fetchImpl: typeof fetch = fetch): Invoke {
  return async (action, params = {}) => {
    let res: Response;
    try {
      res = await fetchImpl(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action, version: ANKI_CONNECT_VERSION, params }) });
    } catch (err) {
      throw new AnkiError('unreachable', err instanceof Error ? err.message : String(err));
    }
    if (res.status === 403) throw new AnkiError('forbidden', 'AnkiConnect refused this origin');
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new AnkiError('not-ankiconnect', `HTTP ${res.status}, not JSON`);
    }
    return readReply(body);
  };
}
