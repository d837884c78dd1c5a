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
import { applySettingsPatch, settingsFromItem, settingsItem, SETTINGS_ITEM, type Settings, type SettingsPatch } from '../core/settings.ts';

/** The part of a storage area settings use; tests give an in-memory one. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const local = (): SettingsArea => browser.storage.local;

export async function loadSettings(area: SettingsArea = local()): Promise<Settings> {
  const got = await area.get(SETTINGS_ITEM);
  return settingsFromItem(got[SETTINGS_ITEM]);
}

/** Saves a patch (refused whole if a field is invalid) and returns the settings now in force. */
export async function saveSettings(patch: SettingsPatch, area: SettingsArea = local()): Promise<Settings> {
  const next = applySettingsPatch(await loadSettings(area), patch);
  await area.set({ [SETTINGS_ITEM]: settingsItem(next) });
  return next;
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
    onChange(settingsFromItem(changes[SETTINGS_ITEM]!.newValue));
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
