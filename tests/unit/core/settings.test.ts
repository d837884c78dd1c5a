import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { JieduDB } from '../../../src/background/db.ts';
import { moveSectionsIntoItem, moveSettingsOutOfDatabase } from '../../../src/background/settings-move.ts';
import { applySettingsPatch, DEFAULT_SETTINGS, parsePinyinLook, pinyinLook, settingsFromItem, settingsItem, SETTINGS_ITEM, SETTINGS_ITEM_VERSION } from '../../../src/core/settings.ts';
import { SettingsPatchSchema } from '../../../src/core/settings-schema.ts';
import * as v from 'valibot';
import { DEFAULT_REVIEW_SETTINGS, reviewSettingsFrom } from '../../../src/core/review/settings.ts';
import { AnkiSettingsPatchSchema, DEFAULT_ANKI_SETTINGS, parseAnkiSettings, patchAnkiSettings } from '../../../src/core/anki-settings.ts';

// The store's functions take the storage area as a parameter; the polyfill itself only loads in an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { loadSection, loadSettings, saveSection, saveSettings, watchSettings } = await import('../../../src/platform/settings-store.ts');

/** browser.storage.local as far as settings use it, with structured-clone copies like the real one. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const data = structuredClone(initial);
  return {
    data,
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
}

const freshDb = () => new JieduDB(`settings-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('the settings item', () => {
  it('gives the defaults when there is no item or it is not one', () => {
    for (const raw of [undefined, null, 'settings', 42, [], { version: 1 }, { values: 'x' }]) expect(settingsFromItem(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each valid value and drops the rest', () => {
    const raw = { version: 1, values: { autoSave: false, pinyinSize: 500, pinyinTone: 'number', pinyinAutoSites: ['guancha', 'evil'], lookupTrigger: 'alt-hover', unknown: 1 } };
    expect(settingsFromItem(raw)).toEqual({ ...DEFAULT_SETTINGS, autoSave: false, pinyinTone: 'number', lookupTrigger: 'alt-hover' });
  });

  it('reads an item from a newer version (after a downgrade) for what it still understands', () => {
    expect(settingsFromItem({ version: SETTINGS_ITEM_VERSION + 3, values: { pinyinSize: 80, newThing: true } })).toEqual({ ...DEFAULT_SETTINGS, pinyinSize: 80 });
  });

  it('writes the current version and reads back what it wrote', () => {
    const s = { ...DEFAULT_SETTINGS, pinyinAutoSites: ['zaobao' as const], pinyinNeutral: 'citation' as const };
    const item = settingsItem(s);
    expect(item.version).toBe(SETTINGS_ITEM_VERSION);
    expect(settingsFromItem(JSON.parse(JSON.stringify(item)))).toEqual(s);
  });

  it('refuses a patch with an invalid field whole, naming it', () => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { autoSave: false, pinyinSize: 7 })).toThrow(/Invalid settings: pinyinSize/);
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { colour: 'red' } as never)).toThrow(/colour/);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { autoSave: false, pinyinTone: undefined })).toEqual({ ...DEFAULT_SETTINGS, autoSave: false });
  });

  it('checks the pinyin look of a command with the same rules as storage and the message schemas', () => {
    const look = pinyinLook(DEFAULT_SETTINGS);
    expect(parsePinyinLook(look)).toEqual(look);
    expect(parsePinyinLook({ ...look, pinyinSize: 101 })).toBeNull();
    expect(parsePinyinLook({ ...look, extra: 1 })).toBeNull();
    expect(v.safeParse(SettingsPatchSchema, { pinyinSize: 101 }).success).toBe(false);
    expect(v.safeParse(SettingsPatchSchema, { pinyinSize: 100, pinyinScope: 'page' }).success).toBe(true);
  });
});

describe('the settings store', () => {
  it('saves a patch over what is stored and keeps the other fields', async () => {
    const area = memoryArea();
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ autoSave: false }, area);
    expect(await saveSettings({ pinyinTone: 'number' }, area)).toEqual({ ...DEFAULT_SETTINGS, autoSave: false, pinyinTone: 'number' });
    expect(area.data[SETTINGS_ITEM]).toEqual({ version: SETTINGS_ITEM_VERSION, values: { ...DEFAULT_SETTINGS, autoSave: false, pinyinTone: 'number' } });
  });

  it('loses nothing when a patch is refused', async () => {
    const area = memoryArea();
    await saveSettings({ pinyinSize: 80 }, area);
    await expect(saveSettings({ pinyinSize: 80.5 }, area)).rejects.toThrow(/pinyinSize/);
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, pinyinSize: 80 });
  });
});

describe('moving settings out of the database', () => {
  it('moves the old rows into the item and clears them', async () => {
    const db = freshDb();
    await db.settings.bulkPut([
      { key: 'autoSave', value: false },
      { key: 'pinyinSize', value: 70 },
      { key: 'pinyinTone', value: 'bogus' },
    ]);
    const area = memoryArea();
    expect(await moveSettingsOutOfDatabase(db, area)).toBe('moved');
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, autoSave: false, pinyinSize: 70 });
    expect(await db.settings.count()).toBe(0);
    expect(await moveSettingsOutOfDatabase(db, area)).toBe('nothing');
  });

  it('keeps an item already there (a move cut short after writing it) and only clears the rows', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'autoSave', value: false });
    const area = memoryArea({ [SETTINGS_ITEM]: settingsItem({ ...DEFAULT_SETTINGS, pinyinSize: 90 }) });
    expect(await moveSettingsOutOfDatabase(db, area)).toBe('cleared');
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, pinyinSize: 90 });
  });

  it('leaves the rows when the item cannot be written (a full quota), to try again next start', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'autoSave', value: false });
    const area = { ...memoryArea(), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(moveSettingsOutOfDatabase(db, area)).rejects.toThrow(/quota/);
    expect(await db.settings.count()).toBe(1);
  });
});

describe('the review and AnkiConnect sections of the item', () => {
  const review = { ...DEFAULT_REVIEW_SETTINGS, retention: 0.85, newPerDay: 5 };
  const anki = { ...DEFAULT_ANKI_SETTINGS, enabled: true, deck: '中文::新闻' };

  it('are written beside the reading settings, and a write of one keeps the others', async () => {
    const area = memoryArea();
    await saveSettings({ pinyinSize: 80 }, area);
    await saveSection('review', review, area);
    await saveSection('anki', anki, area);
    await saveSettings({ autoSave: false }, area);
    expect(area.data[SETTINGS_ITEM]).toEqual({ version: SETTINGS_ITEM_VERSION, values: { ...DEFAULT_SETTINGS, pinyinSize: 80, autoSave: false }, review, anki });
    expect(reviewSettingsFrom(await loadSection('review', area))).toEqual(review);
    expect(parseAnkiSettings(await loadSection('anki', area))).toEqual(anki);
  });

  it('a section written before any reading setting leaves those at their defaults, not stored', async () => {
    const area = memoryArea();
    await saveSection('review', review, area);
    expect(area.data[SETTINGS_ITEM]).toEqual({ version: SETTINGS_ITEM_VERSION, values: {}, review });
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
  });

  it('are read from their old items until moved, then moved into the item once, the old items removed', async () => {
    const area = memoryArea({ [SETTINGS_ITEM]: settingsItem({ ...DEFAULT_SETTINGS, pinyinSize: 90 }), review, jieduAnki: anki, pinyinUsedAt: 1 });
    expect(reviewSettingsFrom(await loadSection('review', area))).toEqual(review);
    expect(parseAnkiSettings(await loadSection('anki', area))).toEqual(anki);
    expect(await moveSectionsIntoItem(area)).toEqual(['review', 'anki']);
    expect(area.data).toEqual({ [SETTINGS_ITEM]: { ...settingsItem({ ...DEFAULT_SETTINGS, pinyinSize: 90 }), review, anki }, pinyinUsedAt: 1 });
    expect(await moveSectionsIntoItem(area)).toEqual([]);
    expect(reviewSettingsFrom(await loadSection('review', area))).toEqual(review);
  });

  it('a section already in the item wins over its old item, which is only removed', async () => {
    const area = memoryArea({ review: { ...review, newPerDay: 99 } });
    await saveSection('review', review, area);
    expect(area.data.review).toBeUndefined();
    area.data.review = { ...review, newPerDay: 99 };
    expect(await moveSectionsIntoItem(area)).toEqual([]);
    expect(area.data.review).toBeUndefined();
    expect(reviewSettingsFrom(await loadSection('review', area))).toEqual(review);
  });

  it('moves into no item at all without storing the reading defaults', async () => {
    const area = memoryArea({ jieduAnki: anki });
    expect(await moveSectionsIntoItem(area)).toEqual(['anki']);
    expect(area.data).toEqual({ [SETTINGS_ITEM]: { version: SETTINGS_ITEM_VERSION, values: {}, anki } });
  });
});

describe('listening cards in the AnkiConnect settings', () => {
  it('notes when they are turned on or off, and only then; a page cannot write that time', () => {
    const t1 = new Date('2026-05-01T10:00:00Z');
    const on = patchAnkiSettings(DEFAULT_ANKI_SETTINGS, { listening: true }, t1);
    expect(on).toMatchObject({ listening: true, listeningChangedAt: t1.toISOString() });
    expect(patchAnkiSettings(on, { deck: 'Other' }, new Date('2026-05-02T00:00:00Z')).listeningChangedAt).toBe(t1.toISOString());
    expect(patchAnkiSettings(on, { listening: false }, new Date('2026-05-03T00:00:00Z'))).toMatchObject({ listening: false, listeningChangedAt: '2026-05-03T00:00:00.000Z' });
    expect(v.safeParse(AnkiSettingsPatchSchema, { listeningChangedAt: '2030-01-01T00:00:00.000Z' }).success).toBe(false);
    // Settings stored before listening cards existed read as off.
    const { listening: _l, listeningChangedAt: _c, ...older } = DEFAULT_ANKI_SETTINGS;
    expect(parseAnkiSettings({ ...older, enabled: true })).toMatchObject({ enabled: true, listening: false, listeningChangedAt: '' });
  });
});

describe('watching the settings', () => {
  it('tells of a change to the reading settings, not of one to another section', async () => {
    const listeners: ((changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void)[] = [];
    const browser = (await import('webextension-polyfill')).default as unknown as Record<string, unknown>;
    browser.storage = { onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l), removeListener: () => undefined } };
    const seen: number[] = [];
    const stop = new AbortController();
    watchSettings((s) => seen.push(s.pinyinSize), stop.signal);
    const before = settingsItem({ ...DEFAULT_SETTINGS, pinyinSize: 80 });
    const fire = (oldValue: unknown, newValue: unknown) => listeners.forEach((l) => l({ [SETTINGS_ITEM]: { oldValue, newValue } }, 'local'));
    fire(before, { ...before, review: { newPerDay: 3 } });
    fire(before, settingsItem({ ...DEFAULT_SETTINGS, pinyinSize: 90 }));
    fire(undefined, before);
    expect(seen).toEqual([90, 80]);
    delete browser.storage;
  });
});
