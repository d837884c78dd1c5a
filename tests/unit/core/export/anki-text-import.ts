/**
 * Anki's text import, step by step as Anki's own code does it (ankitects/anki,
 * rslib/src/import_export/text/csv/metadata.rs, csv/import.rs, text/import.rs), so that a
 * test can say what a real Anki makes of an export: the header lines, the separator (given
 * or guessed), the Rust csv crate's reading (no headers, flexible, "#" comments, quotes only
 * at the start of a field), field mapping by name or by position, the tags column fallback,
 * and the note log of an import into a collection (new, updated, already present).
 */

export interface Notetype {
  name: string;
  fields: string[];
}
interface Note {
  guid: string;
  notetype: string;
  fields: string[];
  tags: string[];
  deck: string;
}
export interface Collection {
  notetypes: Notetype[];
  /** The note type Anki falls back to (the last one used). */
  current: string;
  decks: string[];
  currentDeck: string;
  notes: Note[];
}

export interface Metadata {
  delimiter: string;
  forceDelimiter: boolean;
  isHtml: boolean;
  forceIsHtml: boolean;
  globalTags: string[];
  columnLabels: string[];
  notetype: string | null;
  deck: string | null;
  deckColumn: number;
  tagsColumn: number;
  guidColumn: number;
}

const DELIMITERS: [string, string][] = [
  ['tab', '\t'],
  ['pipe', '|'],
  ['semicolon', ';'],
  ['colon', ':'],
  ['comma', ','],
  ['space', ' '],
];

function collectTags(text: string): string[] {
  return text.split(/\s+/).filter((s) => s !== '');
}

/** csv crate, ReaderBuilder { has_headers: false, flexible: true, comment: '#', terminator: CRLF }. */
export function readCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const n = text.length;
  const atEol = (j: number) => text[j] === '\n' || text[j] === '\r';
  const skipEol = (j: number) => (text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1);
  while (i < n) {
    // Record start: empty lines are skipped, a comment runs to the next line feed.
    if (atEol(i)) {
      i = skipEol(i);
      continue;
    }
    if (text[i] === '#') {
      while (i < n && text[i] !== '\n') i++;
      i++;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) break;
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i];
          i++;
        }
      }
      while (i < n && text[i] !== delimiter && !atEol(i)) {
        field += text[i];
        i++;
      }
      record.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (i < n) i = skipEol(i);
      break;
    }
    records.push(record);
  }
  return records;
}

/** text::is_html: anything that looks like a tag. */
function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^<>]*>|&[a-z#0-9]+;/i.test(text);
}

export function getCsvMetadata(col: Collection, text: string, delimiter?: string): Metadata {
  const md: Metadata = {
    delimiter: ',',
    forceDelimiter: false,
    isHtml: false,
    forceIsHtml: false,
    globalTags: [],
    columnLabels: [],
    notetype: null,
    deck: null,
    deckColumn: 0,
    tagsColumn: 0,
    guidColumn: 0,
  };
  const lines = text.split(/(?<=\n)/);
  let metaLen = 0;
  const parseLine = (line: string): boolean => {
    if (!line.startsWith('#')) return false;
    const body = line.slice(1);
    const colon = body.indexOf(':');
    if (colon >= 0) {
      const key = body.slice(0, colon).trim().toLowerCase();
      const value = body.slice(colon + 1).replace(/\r?\n$/, '');
      const num = () => (/^\s*\d+\s*$/.test(value) ? Number(value.trim()) : null);
      if (key === 'separator') {
        const norm = value.toLowerCase();
        const d = DELIMITERS.find(([name, ch]) => norm.trim() === name || norm === ch);
        if (d) {
          md.delimiter = d[1];
          md.forceDelimiter = true;
        }
      } else if (key === 'html') {
        const v = value.toLowerCase();
        if (v === 'true' || v === 'false') {
          md.isHtml = v === 'true';
          md.forceIsHtml = true;
        }
      } else if (key === 'tags') md.globalTags = collectTags(value);
      else if (key === 'columns') md.columnLabels = readCsvRecords(value, md.delimiter)[0] ?? [];
      else if (key === 'notetype') {
        if (col.notetypes.some((n) => n.name === value)) md.notetype = value;
      } else if (key === 'deck') {
        if (col.decks.includes(value)) md.deck = value;
      } else if (key === 'deck column') {
        if (num() !== null) md.deckColumn = num()!;
      } else if (key === 'tags column') {
        if (num() !== null) md.tagsColumn = num()!;
      } else if (key === 'guid column') {
        if (num() !== null) md.guidColumn = num()!;
      }
    }
    return true;
  };
  const first = lines[0] ?? '';
  const tagsLine = first.startsWith('tags:');
  if (tagsLine) md.globalTags = collectTags(first.slice(5));
  if (tagsLine || parseLine(first)) {
    metaLen += first.length;
    let li = 1;
    while (li < lines.length && parseLine(lines[li]!)) metaLen += lines[li++]!.length;
  }
  if (delimiter !== undefined) md.delimiter = delimiter;
  else if (!md.forceDelimiter) {
    const head = new TextDecoder().decode(new TextEncoder().encode(text.slice(metaLen)).slice(0, 8 * 1024));
    md.delimiter = DELIMITERS.find(([, ch]) => head.includes(ch))?.[1] ?? ' ';
  }
  const preview = readCsvRecords(text, md.delimiter).slice(0, 5);
  if (!md.forceIsHtml) md.isHtml = preview.some((r) => r.some(looksLikeHtml));
  if (md.columnLabels.length === 0) md.columnLabels = Array.from({ length: preview[0]?.length ?? 0 }, () => '');
  return md;
}

export interface Mapping {
  notetype: Notetype;
  /** 1-based source column per field; 0 = none. */
  fieldColumns: number[];
  tagsColumn: number;
}

export function mapColumns(col: Collection, md: Metadata, notetypeName?: string): Mapping {
  const notetype = col.notetypes.find((n) => n.name === (notetypeName ?? md.notetype ?? col.current))!;
  const meta = new Set([md.deckColumn, md.guidColumn, md.tagsColumn].filter((c) => c > 0));
  const fieldColumns = notetype.fields.map(() => 0);
  fieldColumns[0] = 1;
  const len = md.columnLabels.length;
  if (md.columnLabels.every((l) => l === '')) {
    let f = 0;
    for (let idx = 1; idx <= len; idx++) {
      if (meta.has(idx)) continue;
      if (f >= fieldColumns.length) break;
      fieldColumns[f++] = idx;
    }
  } else {
    const byName = new Map<string, number>();
    md.columnLabels.forEach((l, i) => {
      if (!meta.has(i + 1)) byName.set(l, i + 1);
    });
    notetype.fields.forEach((name, i) => {
      const c = byName.get(name);
      if (c !== undefined) fieldColumns[i] = c;
    });
  }
  if (fieldColumns[0] === 0) {
    const c = Array.from({ length: len }, (_, i) => i + 1).find((i) => !meta.has(i));
    if (c === undefined) throw new Error('NoFieldColumn');
    fieldColumns[0] = c;
  }
  let tagsColumn = md.tagsColumn;
  if (tagsColumn === 0) {
    const maxField = Math.max(0, ...fieldColumns);
    for (let idx = maxField + 1; idx < len; idx++) {
      if (!meta.has(idx)) {
        tagsColumn = maxField + 1;
        break;
      }
    }
  }
  return { notetype, fieldColumns, tagsColumn };
}

function escapeMinimal(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function stripHtml(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}

export interface NoteLog {
  new: number;
  updated: number;
  /** "Already present": same guid (or first field), fields and tags unchanged. */
  duplicate: number;
  firstFieldMatch: number;
  emptyFirstField: number;
  conflicting: number;
}

/** Import with Anki's default duplicate handling (update), as the import dialog opens. */
export function importText(col: Collection, text: string, opts: { notetype?: string; delimiter?: string } = {}): NoteLog {
  const md = getCsvMetadata(col, text, opts.delimiter);
  const map = mapColumns(col, md, opts.notetype);
  const log: NoteLog = { new: 0, updated: 0, duplicate: 0, firstFieldMatch: 0, emptyFirstField: 0, conflicting: 0 };
  const body = text.startsWith('tags:') ? text.slice(text.indexOf('\n') + 1) : text;
  const defaultDeck = md.deck ?? col.currentDeck;
  for (const record of readCsvRecords(body, md.delimiter)) {
    const get = (c: number) => (c > 0 ? record[c - 1] : undefined);
    const fields = map.fieldColumns.map((c) => {
      const v = get(c);
      return v === undefined ? undefined : (md.isHtml ? v : escapeMinimal(v)).normalize('NFC');
    });
    const tagCell = get(map.tagsColumn);
    const tags = tagCell === undefined ? undefined : collectTags(tagCell);
    const guid = get(md.guidColumn) ?? '';
    const deck = md.deckColumn > 0 ? (get(md.deckColumn) ?? '') : defaultDeck;
    if (fields[0] === '') {
      log.emptyFirstField++;
      continue;
    }
    if (md.deckColumn > 0 && deck !== '' && !col.decks.includes(deck)) col.decks.push(deck);
    const dupes = guid !== '' ? col.notes.filter((n) => n.guid === guid) : col.notes.filter((n) => n.notetype === map.notetype.name && stripHtml(n.fields[0]!) === stripHtml(fields[0] ?? ''));
    const withTags = (base: string[], extra: string[]) => {
      const out: string[] = [];
      for (const t of [...base, ...extra]) if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
      return out;
    };
    if (dupes.length === 0) {
      col.notes.push({
        guid: guid || `anki-${col.notes.length}`,
        notetype: map.notetype.name,
        fields: map.notetype.fields.map((_, i) => fields[i] ?? ''),
        tags: withTags(tags ?? [], md.globalTags),
        deck,
      });
      log.new++;
      continue;
    }
    for (const dupe of dupes) {
      if (dupe.notetype !== map.notetype.name) {
        log.conflicting++;
        continue;
      }
      const identical = (tags === undefined || tags.join(' ') === dupe.tags.join(' ')) && fields.every((f, i) => f === undefined || f === dupe.fields[i]);
      if (!identical) {
        fields.forEach((f, i) => {
          if (f !== undefined && i < dupe.fields.length) dupe.fields[i] = f;
        });
        dupe.tags = withTags(tags ?? dupe.tags, md.globalTags);
      }
      if (identical) log.duplicate++;
      else if (guid === '') log.firstFieldMatch++;
      else log.updated++;
    }
  }
  return log;
}

export function collection(notetypes: Notetype[], current = notetypes[0]!.name): Collection {
  return { notetypes, current, decks: ['Default'], currentDeck: 'Default', notes: [] };
}

export const BASIC: Notetype = { name: 'Basic', fields: ['Front', 'Back'] };
/** Anki in German and in Chinese: the same note type under other names. */
export const EINFACH: Notetype = { name: 'Einfach', fields: ['Vorderseite', 'Rückseite'] };
export const WENDA: Notetype = { name: '问答题', fields: ['正面', '背面'] };
