/**
 * The AnkiConnect settings: where notes go, as what, with which tags. Kept apart from the
 * client so that the message schemas (which content scripts load) carry only this.
 */
import * as v from 'valibot';
import { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, type NoteFieldName } from './export/note-fields.ts';

export const ANKI_CONNECT_URL = 'http://127.0.0.1:8765';
/** The host permission asked for when the feature is turned on (optional_host_permissions). */
export const ANKI_CONNECT_ORIGIN = `${ANKI_CONNECT_URL}/*`;

export const AnkiSettingsSchema = v.strictObject({
  enabled: v.boolean(),
  deck: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  /** The note type; Jiedu's own is created in Anki when missing. */
  model: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  /** For another note type: which of its fields each of Jiedu's goes into ('' = not sent). */
  fieldMap: v.record(v.picklist(NOTE_FIELDS), v.pipe(v.string(), v.maxLength(200))),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50)),
  /** Add a note even when the deck already has one with the same first field. */
  allowDuplicates: v.boolean(),
  /** Listening cards (Anki's own text-to-speech) in Jiedu's note type, through AnkiConnect and in the .apkg. */
  listening: v.boolean(),
  /** When `listening` last changed (ISO, '' never): a package made since then updates every note's Listening field. */
  listeningChangedAt: v.pipe(v.string(), v.maxLength(40)),
});
export type AnkiSettings = v.InferOutput<typeof AnkiSettingsSchema>;
/** What a page may change; the time `listening` changed is the background's to write. */
export const AnkiSettingsPatchSchema = v.partial(v.omit(AnkiSettingsSchema, ['listeningChangedAt']));
export type AnkiSettingsPatch = v.InferOutput<typeof AnkiSettingsPatchSchema>;

export const DEFAULT_ANKI_SETTINGS: AnkiSettings = {
  enabled: false,
  deck: 'Jiedu',
  model: JIEDU_NOTETYPE_NAME,
  fieldMap: Object.fromEntries(NOTE_FIELDS.map((f) => [f, f])) as Record<NoteFieldName, string>,
  tags: ['jiedu'],
  allowDuplicates: false,
  listening: false,
  listeningChangedAt: '',
};

/** The settings after a page's change, noting when listening cards were turned on or off. */
export function patchAnkiSettings(current: AnkiSettings, patch: AnkiSettingsPatch, now: Date): AnkiSettings {
  const next = v.parse(AnkiSettingsSchema, { ...current, ...patch });
  return next.listening === current.listening ? next : { ...next, listeningChangedAt: now.toISOString() };
}

export function parseAnkiSettings(raw: unknown): AnkiSettings {
  const r = v.safeParse(AnkiSettingsSchema, { ...DEFAULT_ANKI_SETTINGS, ...(typeof raw === 'object' && raw !== null ? raw : {}) });
  return r.success ? r.output : DEFAULT_ANKI_SETTINGS;
}
