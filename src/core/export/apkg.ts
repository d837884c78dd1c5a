/**
 * An Anki package (.apkg) with Jiedu's own note type: a zip holding `collection.anki2`, an
 * SQLite collection in Anki's schema 11 (which every Anki since 2.1 imports), and an empty
 * media list. The SQLite file is written by sql.js, passed in by the caller, so this module
 * stays free of how the WebAssembly is loaded.
 *
 * What a re-import does, in Anki's own code (rslib/src/import_export/package/apkg/import):
 * the note type is matched by its id and, with the same fields and templates, kept (updated
 * when this file's is newer); a note is matched by its guid and updated only when this
 * file's copy is newer than Anki's (its modification time is the word's last change in
 * Jiedu), and its cards, with their scheduling, are never touched. A note edited in Anki
 * after the word last changed in Jiedu, tags included, is left as it is.
 */
import { zipSync, strToU8 } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import type { VocabularyRecord } from '../vocabulary.ts';
import { TONE_COLORS, type TONE_COLOR_SCHEMES } from '../settings.ts';
import { toneOf } from '../pinyin/syllable.ts';
import { nfc, stableGuid } from './common.ts';
import { ankiTag, fieldHtml, JIEDU_NOTETYPE_NAME, NOTE_FIELDS, noteFields, type NoteFieldOptions } from './note-fields.ts';
import { JIEDU_CSS, JIEDU_TEMPLATES } from './note-type.ts';

/** Fixed forever: Anki recognises Jiedu's note type by this id on every later import. */
export const JIEDU_NOTETYPE_ID = 1_765_000_016_016;
export { JIEDU_NOTETYPE_NAME, JIEDU_TEMPLATES };
/** Seconds. Raise it whenever the templates or the style change, so that Anki takes the new ones. */
export const JIEDU_NOTETYPE_MTIME = 1_796_688_000;

export interface ApkgOptions extends NoteFieldOptions {
  /** Default "Jiedu"; "::" makes a subdeck. */
  deck?: string;
  /** Anki tags on every note, beside the word's own tags. Default ["jiedu"]. */
  tags?: string[];
  /** Pinyin coloured by tone, as in the reader. Default off. */
  toneColors?: (typeof TONE_COLOR_SCHEMES)[number];
  /**
   * When listening cards were last turned on or off (ISO). Every note counts as changed then,
   * so that a re-import carries the Listening field into notes Anki already has.
   */
  listeningChangedAt?: string;
  now?: Date;
}

/** The schema 11 tables, as Anki creates them. */
const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** The note type as Anki's schema 11 stores it. */
function jieduNotetype(deckId: number): Record<string, unknown> {
  return {
    id: JIEDU_NOTETYPE_ID,
    name: JIEDU_NOTETYPE_NAME,
    type: 0,
    mod: JIEDU_NOTETYPE_MTIME,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: JIEDU_TEMPLATES.map((t, ord) => ({ name: t.name, ord, qfmt: t.qfmt, afmt: t.afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
    flds: NOTE_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    css: JIEDU_CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // Recognition needs Simplified, Recall needs Meaning, Listening needs Simplified and Listening.
    req: [
      [0, 'any', [0]],
      [1, 'any', [3]],
      [2, 'all', [0, NOTE_FIELDS.indexOf('Listening')]],
    ],
    tags: [],
    vers: [],
  };
}

/** Pinyin with each syllable in its tone's colour (inline, so it survives any later style). */
export function colouredPinyin(pinyin: string, scheme: keyof typeof TONE_COLORS): string {
  const colours = TONE_COLORS[scheme];
  return pinyin
    .split(/(\s+)/)
    .map((part) => (/^\s*$/.test(part) ? part : `<span style="color: ${colours[toneOf(part) - 1]}">${fieldHtml(part)}</span>`))
    .join('');
}

/** Anki's first-field text: markup removed, entities read. */
function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text, as a number. */
async function fieldChecksum(text: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', strToU8(text)));
  return ((digest[0]! << 24) >>> 0) + (digest[1]! << 16) + (digest[2]! << 8) + digest[3]!;
}

/** A deck id from its name, the same on every export (Anki matches decks by name anyway). */
function deckIdOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return 1_700_000_000_000 + (h % 1_000_000_000);
}

function seconds(iso: string, fallback: number): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? Math.floor(t / 1000) : fallback;
}

export async function toApkg(SQL: SqlJsStatic, words: readonly VocabularyRecord[], opts: ApkgOptions = {}): Promise<Uint8Array> {
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  const nowS = Math.floor(nowMs / 1000);
  const deckName = (opts.deck ?? 'Jiedu').replace(/[\t\r\n]+/g, ' ').trim() || 'Jiedu';
  const deckId = deckIdOf(deckName);
  const baseTags = (opts.tags ?? ['jiedu']).map(ankiTag).filter((t) => t !== '');
  const listeningChanged = opts.listeningChangedAt ? seconds(opts.listeningChangedAt, 0) : 0;
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    const deck = (id: number, name: string) => ({
      id,
      name,
      mod: nowS,
      usn: -1,
      desc: '',
      dyn: 0,
      conf: 1,
      collapsed: false,
      browserCollapsed: false,
      extendNew: 0,
      extendRev: 0,
      newToday: [0, 0],
      revToday: [0, 0],
      lrnToday: [0, 0],
      timeToday: [0, 0],
    });
    const decks = { '1': deck(1, 'Default'), [String(deckId)]: deck(deckId, deckName) };
    const dconf = {
      '1': {
        id: 1,
        name: 'Default',
        mod: 0,
        usn: 0,
        maxTaken: 60,
        autoplay: true,
        timer: 0,
        replayq: true,
        dyn: false,
        new: { delays: [1, 10], ints: [1, 4, 0], initialFactor: 2500, order: 1, perDay: 20, bury: false },
        lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 },
        rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, bury: false, hardFactor: 1.2 },
      },
    };
    const conf = { nextPos: words.length + 1, curDeck: deckId, curModel: JIEDU_NOTETYPE_ID, activeDecks: [deckId], sortType: 'noteFld', sortBackwards: false, addToCur: true };
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      nowS,
      nowMs,
      nowMs,
      JSON.stringify(conf),
      JSON.stringify({ [String(JIEDU_NOTETYPE_ID)]: jieduNotetype(deckId) }),
      JSON.stringify(decks),
      JSON.stringify(dconf),
      '{}',
    ]);
    const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const insertCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    try {
      for (const [i, w] of words.entries()) {
        const f = noteFields(w, opts);
        if (opts.toneColors && opts.toneColors !== 'off') f.Pinyin = colouredPinyin(nfc(w.pinyin), opts.toneColors);
        const values = NOTE_FIELDS.map((name) => f[name]);
        const sortField = stripHtml(values[0]!);
        const tags = [...new Set([...baseTags, ...w.tags.map(ankiTag).filter((t) => t !== '')])];
        // Ids are creation times in milliseconds to Anki: its Check Database renumbers any later than
        // tomorrow (rslib dbcheck.rs, maybe_fix_invalid_ids) and then needs a full sync with AnkiWeb.
        const nid = nowMs + i;
        const mod = Math.max(seconds(w.updatedAt, nowS), listeningChanged);
        insertNote.run([nid, stableGuid(w.simplified), JIEDU_NOTETYPE_ID, mod, tags.length ? ` ${tags.join(' ')} ` : '', values.join('\x1f'), sortField, await fieldChecksum(sortField), '']);
        // A card for each template whose front the note fills: the listening card only when asked for.
        JIEDU_TEMPLATES.forEach((t, ord) => {
          if (t.name !== 'Listening' || f.Listening !== '') insertCard.run([nowMs + i * JIEDU_TEMPLATES.length + ord, nid, deckId, ord, nowS, i + 1, '']);
        });
      }
    } finally {
      insertNote.free();
      insertCard.free();
    }
    const collection = db.export();
    return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6 });
  } finally {
    db.close();
  }
}
