/**
 * Settings used to live in the database's `settings` table. They now live in
 * browser.storage.local; this moves the old rows over once, on the first start of a
 * version that reads them there. Each step leaves the settings readable: the item is
 * written before the rows are cleared, and an item already there wins over old rows.
 */
import { settingsFrom, settingsItem, SETTINGS_ITEM } from '../core/settings.ts';
import type { SettingsArea } from '../platform/settings-store.ts';
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
