/**
 * The settings in browser.storage.local, one versioned item (see core/settings.ts).
 * Every context reads them here and watches them change: an open page follows the
 * options at once, without a round trip to the background.
 *
 * A write reads the item, lays the patch over it and writes it back. Two contexts
 * writing different fields in the same instant could lose one of them; settings are
 * changed by one person in one place at a time, so this stays simpler than a writer
 * in the background that every change would have to wake.
 */
import browser from 'webextension-polyfill';
import {
  applySettingsPatch,
  isRecord,
  settingsFromItem,
  settingsItem,
  SETTINGS_ITEM,
  SETTINGS_ITEM_VERSION,
  type Settings,
  type SettingsItem,
  type SettingsPatch,
  type SettingsSection,
} from '../core/settings.ts';

/** The part of a storage area settings use; tests give an in-memory one. */
export interface SettingsArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const local = (): SettingsArea => browser.storage.local;

/**
 * Where each section was kept before it joined the item. The background moves it in when it
 * starts (background/settings-move.ts); until then a read falls back to it, so no context ever
 * sees the defaults in place of what the user set.
 */
export const SECTION_OLD_KEYS: Readonly<Record<SettingsSection, string>> = { review: 'review', anki: 'jieduAnki' };

/** The stored item as it is (an empty record when there is none), so a write keeps the parts it does not change. */
async function readItem(area: SettingsArea): Promise<Record<string, unknown>> {
  const raw = (await area.get(SETTINGS_ITEM))[SETTINGS_ITEM];
  return isRecord(raw) ? raw : {};
}

export async function loadSettings(area: SettingsArea = local()): Promise<Settings> {
  return settingsFromItem(await readItem(area));
}

/** Saves a patch (refused whole if a field is invalid) and returns the settings now in force. */
export async function saveSettings(patch: SettingsPatch, area: SettingsArea = local()): Promise<Settings> {
  const item = await readItem(area);
  const next = applySettingsPatch(settingsFromItem(item), patch);
  await area.set({ [SETTINGS_ITEM]: { ...item, ...settingsItem(next) } });
  return next;
}

/** A section as stored, unchecked: its owner reads it with its own schema, each field at its default when absent or invalid. */
export async function loadSection(name: SettingsSection, area: SettingsArea = local()): Promise<unknown> {
  const old = SECTION_OLD_KEYS[name];
  const got = await area.get([SETTINGS_ITEM, old]);
  const item = got[SETTINGS_ITEM];
  return isRecord(item) && name in item ? item[name] : got[old];
}

/** Writes a section (already checked by its owner) into the item, keeping the rest, and drops its old key. */
export async function saveSection<K extends SettingsSection>(name: K, value: NonNullable<SettingsItem[K]>, area: SettingsArea = local()): Promise<void> {
  const item = await readItem(area);
  const values = isRecord(item.values) ? item.values : {};
  await area.set({ [SETTINGS_ITEM]: { ...item, version: typeof item.version === 'number' ? item.version : SETTINGS_ITEM_VERSION, values, [name]: value } });
  await area.remove(SECTION_OLD_KEYS[name]);
}

/**
 * Calls `onChange` with the new settings whenever any context saves them, until `signal` aborts.
 * In a page, the listener goes while the page is hidden (Firefox reports a listener still held
 * by an unloading page as an error of the extension) and comes back, with the settings read
 * afresh, when the page is restored from the history cache.
 */
export function watchSettings(onChange: (settings: Settings) => void, signal?: AbortSignal): void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'local' || !(SETTINGS_ITEM in changes)) return;
    const change = changes[SETTINGS_ITEM]!;
    const next = settingsFromItem(change.newValue);
    // A change to another section (review, AnkiConnect) leaves the reading settings as they were: nothing to redraw.
    if (change.oldValue !== undefined && JSON.stringify(settingsFromItem(change.oldValue)) === JSON.stringify(next)) return;
    onChange(next);
  };
  const listen = (): void => browser.storage.onChanged.addListener(listener);
  const unlisten = (): void => browser.storage.onChanged.removeListener(listener);
  listen();
  if (typeof document === 'undefined') {
    signal?.addEventListener('abort', unlisten, { once: true });
    return;
  }
  const restored = (e: PageTransitionEvent): void => {
    if (!e.persisted) return;
    listen();
    void loadSettings().then(onChange, () => undefined);
  };
  addEventListener('pagehide', unlisten);
  addEventListener('pageshow', restored);
  signal?.addEventListener(
    'abort',
    () => {
      unlisten();
      removeEventListener('pagehide', unlisten);
      removeEventListener('pageshow', restored);
    },
    { once: true },
  );
}
