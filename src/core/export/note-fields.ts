/**
 * What one saved word puts into an Anki note, field by field. The text export, the .apkg and
 * AnkiConnect all fill their notes from here, so a word reads the same in each.
 * Fields are HTML (Anki stores HTML); everything from the word or the page is escaped.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, escapeHtml, isHttpUrl, nfc, stableGuid } from './common.ts';

/** Jiedu's note type in Anki, made by the .apkg and by AnkiConnect. */
export const JIEDU_NOTETYPE_NAME = 'Jiedu 解读';

/**
 * Jiedu's note type fields, in order. The names are the note type's; nothing maps by them but Jiedu's own note type.
 * Listening, last, switches the listening card on for a note (Anki makes no card from a template whose front is empty).
 */
export const NOTE_FIELDS = ['Simplified', 'Traditional', 'Pinyin', 'Meaning', 'Sentence', 'SentencePinyin', 'Article', 'Note', 'JieduTags', 'JieduId', 'Listening'] as const;
export type NoteFieldName = (typeof NOTE_FIELDS)[number];
export type NoteFields = Record<NoteFieldName, string>;

export interface NoteFieldOptions {
  /** The saved sentence's pinyin in the reader's tone style; without it the field stays empty. */
  sentencePinyin?: (sentence: string) => string;
  /** Fill the Listening field, so that Anki makes the listening card. Default off. */
  listening?: boolean;
}

/** What the Listening field holds when the card is wanted: any text turns it on, as with Anki's own "Add Reverse". */
const LISTENING_ON = 'y';

/** Text to HTML for a field: escaped, with line breaks kept as <br>, in the NFC form Anki stores. */
export function fieldHtml(text: string): string {
  const escaped = escapeHtml(nfc(text));
  return LINE_BREAK.test(escaped) ? escaped.replace(LINE_BREAKS, '<br>') : escaped;
}
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/g;

/** The sentence with the word in bold. Only for Han headwords, which cannot collide with an entity once escaped. */
function sentenceHtml(sentence: string, word: string): string {
  const escaped = fieldHtml(sentence);
  // eslint-disable-next-line no-control-regex -- any ASCII character, control characters included
  if (word === '' || /[\x00-\x7f]/.test(word)) return escaped;
  const w = escapeHtml(nfc(word));
  // Han characters only, so the replacement holds no "$" pattern.
  return escaped.replaceAll(w, `<b>${w}</b>`);
}

/** The article as a link when its address is a web address, else its title alone. */
function articleHtml(title: string, url: string): string {
  const text = fieldHtml(title || url);
  return isHttpUrl(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

/** Anki separates tags by spaces, so a space inside one of Jiedu's tags becomes "_". */
export function ankiTag(tag: string): string {
  return nfc(tag)
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/ /g, '_');
}

export function noteFields(word: VocabularyRecord, opts: NoteFieldOptions = {}): NoteFields {
  const first = word.contexts[0];
  return {
    Simplified: fieldHtml(word.simplified),
    Traditional: fieldHtml(word.traditional || word.simplified),
    Pinyin: fieldHtml(word.pinyin),
    Meaning: fieldHtml(definitionOf(word)),
    Sentence: first ? sentenceHtml(first.sentence, word.simplified) : '',
    SentencePinyin: first && opts.sentencePinyin ? fieldHtml(opts.sentencePinyin(first.sentence)) : '',
    Article: first ? articleHtml(first.articleTitle, first.articleUrl) : '',
    Note: fieldHtml(word.note),
    JieduTags: fieldHtml(
      word.tags
        .map(ankiTag)
        .filter((t) => t !== '')
        .join(' '),
    ),
    JieduId: stableGuid(word.simplified),
    Listening: opts.listening ? LISTENING_ON : '',
  };
}

/**
 * Everything on one card back, for note types with two fields (Basic and its translations):
 * pinyin and traditional form, meaning, note, and up to `sentences` saved sentences with their articles.
 * `fields`, the word's noteFields already made, saves making its parts again.
 */
export function summaryHtml(word: VocabularyRecord, sentences = 3, fields: NoteFields = noteFields(word)): string {
  const pinyin = fields.Pinyin;
  const head = word.traditional && word.traditional !== word.simplified ? `${pinyin} 【${fields.Traditional}】` : pinyin;
  const parts = [`<div class="pinyin">${head}</div>`, `<div class="meaning">${fields.Meaning}</div>`];
  if (word.note.trim() !== '') parts.push(`<div class="note">${fields.Note}</div>`);
  const n = Math.min(word.contexts.length, Math.max(0, sentences));
  for (let i = 0; i < n; i++) {
    const c = word.contexts[i]!;
    const sentence = i === 0 ? fields.Sentence : sentenceHtml(c.sentence, word.simplified);
    const article = i === 0 ? fields.Article : articleHtml(c.articleTitle, c.articleUrl);
    parts.push(`<div class="context">${sentence}<br><small>${article}</small></div>`);
  }
  return parts.join('');
}
