/**
 * The .apkg read back with sql.js: the note type, its fields and templates, the notes and
 * their guids, the cards; then imported twice into a collection following Anki's package
 * importer (rslib/src/import_export/package/apkg/import/notes.rs): notes are matched by
 * guid and updated only when the file's copy is newer, and cards already in the collection,
 * with their scheduling, are never replaced.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { JIEDU_NOTETYPE_ID, JIEDU_NOTETYPE_MTIME, JIEDU_TEMPLATES, colouredPinyin, toApkg } from '../../../../src/core/export/apkg.ts';
import { NOTE_FIELDS, noteFields, stableGuid } from '../../../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../../../src/core/vocabulary.ts';
import { GOLDEN_WORDS } from './words.ts';

let SQL: SqlJsStatic;
beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  SQL = await initSqlJs({ locateFile: () => wasm });
});

const NOW = new Date('2026-03-01T00:00:00Z');

interface Read {
  files: string[];
  models: Record<string, { id: number; name: string; mod: number; flds: { name: string; ord: number }[]; tmpls: { name: string; qfmt: string; afmt: string }[]; css: string }>;
  decks: Record<string, { id: number; name: string }>;
  notes: { id: number; guid: string; mid: number; mod: number; tags: string; flds: string; sfld: string; csum: number }[];
  cards: { id: number; nid: number; did: number; ord: number; type: number; queue: number; due: number; ivl: number }[];
}

function readApkg(bytes: Uint8Array): Read {
  const files = unzipSync(bytes);
  expect(strFromU8(files['media']!)).toBe('{}');
  const db = new SQL.Database(files['collection.anki2']!);
  try {
    const rows = (sql: string) => {
      const [r] = db.exec(sql);
      return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
    };
    const col = rows('SELECT ver, models, decks FROM col')[0]!;
    expect(col['ver']).toBe(11);
    return {
      files: Object.keys(files).sort(),
      models: JSON.parse(col['models'] as string),
      decks: JSON.parse(col['decks'] as string),
      notes: rows('SELECT id, guid, mid, mod, tags, flds, sfld, csum FROM notes ORDER BY id') as unknown as Read['notes'],
      cards: rows('SELECT id, nid, did, ord, type, queue, due, ivl FROM cards ORDER BY id') as unknown as Read['cards'],
    };
  } finally {
    db.close();
  }
}

describe('.apkg', () => {
  it("holds the collection and the media list, with Jiedu's note type, fields and templates", async () => {
    const r = readApkg(await toApkg(SQL, GOLDEN_WORDS, { deck: 'Jiedu::News', now: NOW }));
    expect(r.files).toEqual(['collection.anki2', 'media']);
    const model = r.models[String(JIEDU_NOTETYPE_ID)]!;
    expect(model.name).toBe('Jiedu 解读');
    expect(model.mod).toBe(JIEDU_NOTETYPE_MTIME);
    expect(model.flds.map((f) => f.name)).toEqual([...NOTE_FIELDS]);
    expect(model.tmpls.map((t) => t.name)).toEqual(['Recognition', 'Recall', 'Listening']);
    expect(model.tmpls[0]!.qfmt).toContain('{{Simplified}}');
    expect(model.tmpls[1]!.qfmt).toContain('{{Meaning}}');
    expect(model.tmpls[1]!.qfmt).not.toContain('{{Simplified}}');
    expect(model.tmpls[1]!.afmt).toContain('{{Simplified}}');
    // The listening card: Anki's TTS tag reading the word, its whole front inside {{#Listening}}.
    expect(model.tmpls[2]!.qfmt).toBe('{{#Listening}}<div class="listen">{{tts zh_CN:Simplified}}</div>{{/Listening}}');
    expect(model.tmpls[2]!.afmt).toContain('{{Simplified}}');
    // Every field a template names exists (after a filter such as "tts zh_CN:").
    for (const t of model.tmpls) for (const [, name] of `${t.qfmt}${t.afmt}`.matchAll(/\{\{[#/^]?(?:[^}:]+:)?([^}:]+)\}\}/g)) expect(['FrontSide', ...NOTE_FIELDS]).toContain(name);
    expect(model.css).toContain('Noto Sans CJK SC');
    expect(Object.values(r.decks).map((d) => d.name)).toContain('Jiedu::News');
  });

  it('writes one note per word with its fields, a stable guid, tags and checksum, and two new cards', async () => {
    const r = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW, sentencePinyin: () => 'py' }));
    expect(r.notes).toHaveLength(GOLDEN_WORDS.length);
    r.notes.forEach((n, i) => {
      const w = GOLDEN_WORDS[i]!;
      expect(n.guid).toBe(stableGuid(w.simplified));
      expect(n.mid).toBe(JIEDU_NOTETYPE_ID);
      expect(n.mod).toBe(Date.parse(w.updatedAt) / 1000);
      const fields = noteFields(w, { sentencePinyin: () => 'py' });
      expect(n.flds.split('\x1f')).toEqual(NOTE_FIELDS.map((f) => fields[f]));
      const expectedSort = w.simplified.normalize('NFC');
      expect(String(n.sfld)).toBe(expectedSort);
      expect(n.csum).toBe(parseInt(createHash('sha1').update(expectedSort).digest('hex').slice(0, 8), 16));
    });
    expect(r.notes[1]!.tags).toBe(' jiedu diplomacy people_&_titles ');
    // Recognition and Recall; no listening card unless asked for, and its field empty.
    expect(r.cards).toHaveLength(GOLDEN_WORDS.length * 2);
    expect(r.cards.map((c) => c.ord).sort()).toEqual(GOLDEN_WORDS.flatMap(() => [0, 1]).sort());
    for (const n of r.notes) expect(n.flds.split('\x1f')[NOTE_FIELDS.indexOf('Listening')]).toBe('');
    for (const c of r.cards) expect(c).toMatchObject({ type: 0, queue: 0, ivl: 0 });
    expect(new Set(r.cards.map((c) => `${c.nid}:${c.ord}`)).size).toBe(r.cards.length);
  });

  it('with listening cards asked for: the Listening field filled and a third card per word', async () => {
    const r = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW, listening: true }));
    for (const n of r.notes) expect(n.flds.split('\x1f')[NOTE_FIELDS.indexOf('Listening')]).toBe('y');
    expect(r.cards).toHaveLength(GOLDEN_WORDS.length * 3);
    for (const n of r.notes) expect(r.cards.filter((c) => c.nid === n.id).map((c) => c.ord)).toEqual([0, 1, 2]);
    expect(new Set(r.cards.map((c) => c.id)).size).toBe(r.cards.length);
    // Note and card ids are creation times to Anki, which renumbers any later than tomorrow (Check Database).
    for (const id of [...r.notes.map((n) => n.id), ...r.cards.map((c) => c.id)]) {
      expect(id).toBeGreaterThanOrEqual(NOW.getTime());
      expect(id).toBeLessThan(NOW.getTime() + 24 * 3600_000);
    }
    // Turned on after the words last changed: the notes count as changed then, so that a re-import updates them.
    const since = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW, listening: true, listeningChangedAt: '2026-02-01T00:00:00.000Z' }));
    for (const n of since.notes) expect(n.mod).toBe(Date.parse('2026-02-01T00:00:00.000Z') / 1000);
  });

  it('the same words give the same note type and guids on every export', async () => {
    const a = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW }));
    const b = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: new Date('2026-04-01T00:00:00Z') }));
    expect(Object.keys(b.models)).toEqual(Object.keys(a.models));
    expect(b.notes.map((n) => n.guid)).toEqual(a.notes.map((n) => n.guid));
    expect(b.notes.map((n) => n.flds)).toEqual(a.notes.map((n) => n.flds));
  });

  it('colours pinyin by tone when asked', async () => {
    expect(colouredPinyin('wài jiāo', 'mdbg')).toBe('<span style="color: #0000ff">wài</span> <span style="color: #d10000">jiāo</span>');
    const r = readApkg(await toApkg(SQL, GOLDEN_WORDS.slice(0, 1), { now: NOW, toneColors: 'pleco' }));
    expect(r.notes[0]!.flds.split('\x1f')[2]).toBe('<span style="color: #8900bf">wài</span> <span style="color: #d10000">jiāo</span>');
  });

  it('an empty list still makes a package Anki can open', async () => {
    const r = readApkg(await toApkg(SQL, [], { now: NOW }));
    expect(r.notes).toEqual([]);
  });
});

/** A collection as Anki's package importer treats it (notes.rs, cards.rs). */
interface AnkiNote {
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
}
interface AnkiCard {
  nid: string;
  ord: number;
  ivl: number;
  due: number;
}
function importApkg(col: { notes: AnkiNote[]; cards: AnkiCard[] }, r: Read): { new: number; updated: number; duplicate: number } {
  const log = { new: 0, updated: 0, duplicate: 0 };
  for (const n of r.notes) {
    const existing = col.notes.find((e) => e.guid === n.guid);
    if (!existing) {
      col.notes.push({ guid: n.guid, mid: n.mid, mod: n.mod, tags: n.tags, flds: n.flds });
      log.new++;
    } else if (existing.mod < n.mod && existing.mid === n.mid) {
      Object.assign(existing, { mod: n.mod, tags: n.tags, flds: n.flds });
      log.updated++;
    } else log.duplicate++;
    // Cards: one already there for the note and template is kept as it is.
    for (const c of r.cards.filter((c) => c.nid === n.id)) {
      if (!col.cards.some((e) => e.nid === n.guid && e.ord === c.ord)) col.cards.push({ nid: n.guid, ord: c.ord, ivl: c.ivl, due: c.due });
    }
  }
  return log;
}

describe('.apkg imported again', () => {
  const later = (w: VocabularyRecord, iso: string, english: string[]): VocabularyRecord => ({ ...w, english, updatedAt: iso });

  it('an unchanged export changes nothing: tags and scheduling from Anki stay', async () => {
    const col = { notes: [] as AnkiNote[], cards: [] as AnkiCard[] };
    expect(importApkg(col, readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW })))).toEqual({ new: GOLDEN_WORDS.length, updated: 0, duplicate: 0 });
    // In Anki: a review and a tag (which makes the note newer).
    col.cards[0]!.ivl = 12;
    col.notes[0]!.tags += 'leech ';
    col.notes[0]!.mod = Date.parse('2026-03-05T00:00:00Z') / 1000;
    expect(importApkg(col, readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: new Date('2026-03-06T00:00:00Z') })))).toEqual({ new: 0, updated: 0, duplicate: GOLDEN_WORDS.length });
    expect(col.notes[0]!.tags).toContain('leech');
    expect(col.cards[0]!.ivl).toBe(12);
    expect(col.cards).toHaveLength(GOLDEN_WORDS.length * 2);
  });

  it("a word changed in Jiedu updates its note and keeps its cards' scheduling", async () => {
    const col = { notes: [] as AnkiNote[], cards: [] as AnkiCard[] };
    importApkg(col, readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW })));
    col.cards[2]!.ivl = 30;
    const changed = GOLDEN_WORDS.map((w, i) => (i === 1 ? later(w, '2026-03-10T00:00:00.000Z', ['foreign minister', 'FM']) : w));
    expect(importApkg(col, readApkg(await toApkg(SQL, changed, { now: new Date('2026-03-11T00:00:00Z') })))).toEqual({ new: 0, updated: 1, duplicate: GOLDEN_WORDS.length - 1 });
    expect(col.notes[1]!.flds.split('\x1f')[3]).toBe('foreign minister; FM');
    expect(col.cards[2]!.ivl).toBe(30);
    expect(col.cards).toHaveLength(GOLDEN_WORDS.length * 2);
  });

  it('turning listening cards on fills the field of the notes already imported and adds their listening cards, keeping the rest', async () => {
    const col = { notes: [] as AnkiNote[], cards: [] as AnkiCard[] };
    importApkg(col, readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: NOW })));
    col.cards[0]!.ivl = 9;
    const on = readApkg(await toApkg(SQL, GOLDEN_WORDS, { now: new Date('2026-03-08T00:00:00Z'), listening: true, listeningChangedAt: '2026-03-07T00:00:00.000Z' }));
    expect(importApkg(col, on)).toEqual({ new: 0, updated: GOLDEN_WORDS.length, duplicate: 0 });
    for (const n of col.notes) expect(n.flds.split('\x1f')[NOTE_FIELDS.indexOf('Listening')]).toBe('y');
    expect(col.cards).toHaveLength(GOLDEN_WORDS.length * 3);
    expect(col.cards[0]!.ivl).toBe(9);
  });

  it('the templates name the answer side of each card', () => {
    expect(JIEDU_TEMPLATES.map((t) => t.afmt.startsWith('{{FrontSide}}'))).toEqual([true, true, true]);
  });
});
