/**
 * Anki's plain-text import (Anki 2.1.55 and later), written for the way Anki reads it
 * (rslib/src/import_export/text/csv): the header names no note type and no column, so fields
 * map by position into whichever note type the user picks, in any language (a name Anki does
 * not know is silently ignored). Column 1 is the headword and column 2 everything else as
 * HTML, which fills Basic and its translations; the following columns carry each part on its
 * own for note types with more fields. A deck column creates the deck; a guid column makes a
 * re-import update the same notes. The tags column points past the last column, so a row
 * never replaces the tags a user gave a note in Anki (an unchanged file then re-imports as
 * "already present"); Jiedu's own tags travel in a field.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { oneLine } from './common.ts';
import { ankiTag, noteFields, summaryHtml, type NoteFieldOptions } from './note-fields.ts';

export interface AnkiOptions extends NoteFieldOptions {
  /** Default "Jiedu". "::" makes a subdeck, as in Anki. Anki creates it when it is missing. */
  deck?: string;
  /** Added to every note, beside the tags it already has. Default ["jiedu"]. */
  tags?: string[];
  /** How many saved sentences go into the second column. Default 3. */
  sentences?: number;
}

/** The columns in order; only their positions reach Anki. */
export const ANKI_COLUMNS = ['Simplified', 'Back', 'Traditional', 'Pinyin', 'Meaning', 'Sentence', 'SentencePinyin', 'Article', 'Note', 'JieduTags', 'JieduId', 'Deck', 'GUID'] as const;

/**
 * Quoting as Anki's reader (the Rust csv crate) needs it: a field holding the separator, a
 * quote or a line break is quoted with inner quotes doubled, and so is one starting with "#",
 * which would otherwise make its record a comment that Anki drops without a word.
 */
function quoteAnkiField(field: string): string {
  return /[\t"\r\n]/.test(field) || field.startsWith('#') ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toAnki(words: readonly VocabularyRecord[], opts: AnkiOptions = {}): string {
  const deck = oneLine(opts.deck ?? 'Jiedu') || 'Jiedu';
  const tags = (opts.tags ?? ['jiedu']).map(ankiTag).filter((t) => t !== '');
  const sentences = opts.sentences ?? 3;
  const col = (name: (typeof ANKI_COLUMNS)[number]) => ANKI_COLUMNS.indexOf(name) + 1;
  const lines = [
    '#separator:tab',
    '#html:true',
    `#deck column:${col('Deck')}`,
    `#guid column:${col('GUID')}`,
    // Past the last column: Anki then leaves each note's own tags alone.
    `#tags column:${ANKI_COLUMNS.length + 1}`,
    ...(tags.length > 0 ? [`#tags:${tags.join(' ')}`] : []),
    // A line starting with "#" and holding no colon is a comment to Anki.
    `# Jiedu vocabulary. Columns by position = ${ANKI_COLUMNS.join(' | ')}`,
  ];
  for (const w of words) {
    const f = noteFields(w, opts);
    const row = [
      f.Simplified,
      summaryHtml(w, sentences, f),
      f.Traditional,
      f.Pinyin,
      f.Meaning,
      f.Sentence,
      f.SentencePinyin,
      f.Article,
      f.Note,
      f.JieduTags,
      f.JieduId,
      deck,
      // The guid: Jiedu's id, made from the headword.
      f.JieduId,
    ];
    lines.push(row.map(quoteAnkiField).join('\t'));
  }
  // The last line's break as an empty line joined on, not a string added to the whole file.
  lines.push('');
  return lines.join('\n');
}
