/**
 * Settings kept where earlier versions kept them are moved into the one settings item in
 * browser.storage.local, once, when the background starts:
 * - the reading settings, once rows of the database's `settings` table;
 * - the review and AnkiConnect settings, once items of their own in storage.local.
 * Each step leaves the settings readable: the item is written before the old place is
 * cleared, and what the item already holds wins over the old place.
 */
import { isRecord, settingsFrom, settingsItem, SETTINGS_ITEM, SETTINGS_ITEM_VERSION, SETTINGS_SECTIONS, type SettingsSection } from '../core/settings.ts';
import { SECTION_OLD_KEYS, type SettingsArea } from '../platform/settings-store.ts';
import type { JieduDB } from './db.ts';

export type SettingsMove = 'nothing' | 'moved' | 'cleared';

export async function moveSettingsOutOfDatabase(db: JieduDB, area: SettingsArea): Promise<SettingsMove> {
  const rows = await db.settings.toArray();
  if (rows.length === 0) return 'nothing';
  const existing = (await area.get(SETTINGS_ITEM))[SETTINGS_ITEM];
  if (existing === undefined) {
    const values = settingsFrom(Object.fromEntries(rows.map((r) => [r.key, r.value])));
    await area.set({ [SETTINGS_ITEM]: settingsItem(values) });
  }
  await db.settings.clear();
  return existing === undefined ? 'moved' : 'cleared';
}

/** Moves the review and AnkiConnect settings from their own items into the settings item; returns the sections moved. */
export async function moveSectionsIntoItem(area: SettingsArea): Promise<SettingsSection[]> {
  const oldKeys = SETTINGS_SECTIONS.map((s) => SECTION_OLD_KEYS[s]);
  const got = await area.get([SETTINGS_ITEM, ...oldKeys]);
  const present = oldKeys.filter((k) => got[k] !== undefined);
  if (present.length === 0) return [];
  const stored = got[SETTINGS_ITEM];
  const item: Record<string, unknown> = isRecord(stored) ? { ...stored } : { version: SETTINGS_ITEM_VERSION, values: {} };
  const moved = SETTINGS_SECTIONS.filter((s) => got[SECTION_OLD_KEYS[s]] !== undefined && !(s in item));
  // Moved as stored: each section's owner reads it with its own schema and keeps every valid field.
  for (const section of moved) item[section] = got[SECTION_OLD_KEYS[section]];
  if (moved.length > 0) await area.set({ [SETTINGS_ITEM]: item });
  await area.remove(present);
  return moved;
}
