import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ANKI_SETTINGS, parseAnkiSettings } from '../../../src/core/anki-settings.ts';
import { DEFAULT_REVIEW_SETTINGS, reviewSettingsFrom } from '../../../src/core/review/settings.ts';
import { DEFAULT_SETTINGS, SETTINGS_ITEM } from '../../../src/core/settings.ts';

/** browser.storage.local as far as settings use it. */
const data: Record<string, unknown> = {};
const local = {
  get: async (keys: string | string[]) =>
    Object.fromEntries(
      [keys]
        .flat()
        .filter((k) => k in data)
        .map((k) => [k, structuredClone(data[k])]),
    ),
  set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  remove: async (keys: string | string[]) => {
    for (const k of [keys].flat()) delete data[k];
  },
};
vi.mock('webextension-polyfill', () => ({ default: { storage: { local } } }));
const { restoreSettings, settingsForBackup } = await import('../../../src/background/settings-backup.ts');
const { loadSection, loadSettings, saveSection, saveSettings } = await import('../../../src/platform/settings-store.ts');

beforeEach(() => {
  for (const k of Object.keys(data)) delete data[k];
});

describe('settings in a backup', () => {
  it('reads all three parts of the settings item for the file', async () => {
    await saveSettings({ pinyinSize: 90 });
    await saveSection('review', { ...DEFAULT_REVIEW_SETTINGS, retention: 0.8 });
    expect(await settingsForBackup()).toEqual({
      settings: { ...DEFAULT_SETTINGS, pinyinSize: 90 },
      reviewSettings: { ...DEFAULT_REVIEW_SETTINGS, retention: 0.8 },
      ankiSettings: DEFAULT_ANKI_SETTINGS,
    });
  });

  it("restores each valid field over this browser's, keeps AnkiConnect on or off as it is here, and ignores what it cannot read", async () => {
    await saveSettings({ pinyinSize: 90, autoSave: false });
    await saveSection('review', { ...DEFAULT_REVIEW_SETTINGS, newPerDay: 3 });
    await saveSection('anki', { ...DEFAULT_ANKI_SETTINGS, enabled: true, deck: 'Mine' });
    await restoreSettings({
      settings: { pinyinTone: 'number', pinyinSize: 12, futureOption: 'x' } as never,
      reviewSettings: { retention: 0.85, newPerDay: -1, learningSteps: [5], somethingNew: true },
      ankiSettings: { enabled: false, deck: 'From backup', tags: ['a', 'b'], model: 42 },
    });
    // pinyinSize 12 is out of range: this browser's 90 stays.
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, pinyinSize: 90, autoSave: false, pinyinTone: 'number' });
    expect(reviewSettingsFrom(await loadSection('review'))).toEqual({ ...DEFAULT_REVIEW_SETTINGS, newPerDay: 3, retention: 0.85, learningSteps: [5] });
    expect(parseAnkiSettings(await loadSection('anki'))).toEqual({ ...DEFAULT_ANKI_SETTINGS, enabled: true, deck: 'From backup', tags: ['a', 'b'] });
    expect(Object.keys(data)).toEqual([SETTINGS_ITEM]);
  });

  it('a backup that turns listening cards on dates the change at the import, not at the time written in the file', async () => {
    await saveSection('anki', { ...DEFAULT_ANKI_SETTINGS, listening: false });
    const before = Date.now();
    await restoreSettings({ settings: {}, reviewSettings: {}, ankiSettings: { listening: true, listeningChangedAt: '2020-01-01T00:00:00.000Z' } });
    const anki = parseAnkiSettings(await loadSection('anki'));
    expect(anki.listening).toBe(true);
    expect(Date.parse(anki.listeningChangedAt ?? '')).toBeGreaterThanOrEqual(before);
    // The same value again changes nothing, not even the time.
    await restoreSettings({ settings: {}, reviewSettings: {}, ankiSettings: { listening: true, listeningChangedAt: '2021-01-01T00:00:00.000Z' } });
    expect(parseAnkiSettings(await loadSection('anki')).listeningChangedAt).toBe(anki.listeningChangedAt);
  });

  it('restores nothing from an older file that has no review or AnkiConnect settings, and keeps them', async () => {
    await saveSection('review', { ...DEFAULT_REVIEW_SETTINGS, newPerDay: 3 });
    await restoreSettings({ settings: { autoSave: false }, reviewSettings: {}, ankiSettings: {} });
    expect((await loadSettings()).autoSave).toBe(false);
    expect(reviewSettingsFrom(await loadSection('review')).newPerDay).toBe(3);
    expect(parseAnkiSettings(await loadSection('anki'))).toEqual(DEFAULT_ANKI_SETTINGS);
  });
});
