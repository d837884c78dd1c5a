/**
 * The settings in a backup: all three parts of the settings item go into the file, and come
 * back on import when the user asks for it. Each part is laid over this browser's own, so a
 * field the file lacks (an older version) or holds out of range keeps its value here.
 */
import * as v from 'valibot';
import { AnkiSettingsSchema, parseAnkiSettings, patchAnkiSettings, type AnkiSettings } from '../core/anki-settings.ts';
import type { JieduBackup } from '../core/export/backup.ts';
import { ReviewSettingsSchema, reviewSettingsFrom, type ReviewSettings } from '../core/review/settings.ts';
import { SETTING_CHECKS, type Settings, type SettingsPatch } from '../core/settings.ts';
import { loadSection, loadSettings, saveSection, saveSettings } from '../platform/settings-store.ts';

export interface SettingsInBackup {
  settings: Settings;
  reviewSettings: ReviewSettings;
  ankiSettings: AnkiSettings;
}

export async function settingsForBackup(): Promise<SettingsInBackup> {
  const [settings, review, anki] = await Promise.all([loadSettings(), loadSection('review'), loadSection('anki')]);
  return { settings, reviewSettings: reviewSettingsFrom(review), ankiSettings: parseAnkiSettings(anki) };
}

/** The fields of `incoming` that `schema` accepts one by one, laid over `current`. */
function layOver<T extends object>(current: T, incoming: Record<string, unknown>, accepts: (key: string, value: unknown) => boolean): T {
  const valid = Object.entries(incoming).filter(([key, value]) => key in current && accepts(key, value));
  return { ...current, ...Object.fromEntries(valid) };
}

const fieldOf = (entries: Record<string, v.GenericSchema>) => (key: string, value: unknown) => entries[key] !== undefined && v.safeParse(entries[key], value).success;

export async function restoreSettings(backup: Pick<JieduBackup, 'settings' | 'reviewSettings' | 'ankiSettings'>): Promise<void> {
  const patch: SettingsPatch = Object.fromEntries(Object.entries(backup.settings).filter(([key, value]) => key in SETTING_CHECKS && SETTING_CHECKS[key as keyof Settings](value)));
  await saveSettings(patch);
  const review = layOver(reviewSettingsFrom(await loadSection('review')), backup.reviewSettings, fieldOf(ReviewSettingsSchema.entries));
  await saveSection('review', v.parse(ReviewSettingsSchema, review));
  const anki = parseAnkiSettings(await loadSection('anki'));
  // Whether AnkiConnect is on stays as it is here: its host permission is granted per browser, from the options.
  // When listening cards change, the time is this import's: an Anki package made afterwards must date its notes after it (patchAnkiSettings).
  const { enabled: _enabled, listeningChangedAt: _changedAt, ...incomingAnki } = backup.ankiSettings;
  const { listeningChangedAt: _kept, ...ankiPatch } = layOver(anki, incomingAnki, fieldOf(AnkiSettingsSchema.entries));
  await saveSection('anki', patchAnkiSettings(anki, ankiPatch, new Date()));
}
