/**
 * What one saved word puts into an Anki note, field by field. The text export, the .apkg and
 * AnkiConnect all fill their notes from here, so a word reads the same in each.
 * Fields are HTML (Anki stores HTML); everything from the word or the page is escaped.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, escapeHtml, isHttpUrl, stableGuid } from './common.ts';

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
  return escapeHtml(text.normalize('NFC')).replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}

/** The sentence with the word in bold. Only for Han headwords, which cannot collide with an entity once escaped. */
function sentenceHtml(sentence: string, word: string): string {
  const escaped = fieldHtml(sentence);
  // eslint-disable-next-line no-control-regex -- any ASCII character, control characters included
  if (word === '' || /[\x00-\x7f]/.test(word)) return escaped;
  const w = escapeHtml(word.normalize('NFC'));
  return escaped.split(w).join(`<b>${w}</b>`);
}

/** The article as a link when its address is a web address, else its title alone. */
function articleHtml(title: string, url: string): string {
  const text = fieldHtml(title || url);
  return isHttpUrl(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

/** Anki separates tags by spaces, so a space inside one of Jiedu's tags becomes "_". */
export function ankiTag(tag: string): string {
  return tag.normalize('NFC').replace(/[\s\u3000]+/g, ' ').trim().replace(/ /g, '_');
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
    JieduTags: fieldHtml(word.tags.map(ankiTag).filter((t) => t !== '').join(' ')),
    JieduId: stableGuid(word.simplified),
    Listening: opts.listening ? LISTENING_ON : '',
  };
}

/**
 * Everything on one card back, for note types with two fields (Basic and its translations):
 * pinyin and traditional form, meaning, note, and up to `sentences` saved sentences with their articles.
 */
export function summaryHtml(word: VocabularyRecord, sentences = 3): string {
  const parts: string[] = [];
  const pinyin = fieldHtml(word.pinyin);
  const head = word.traditional && word.traditional !== word.simplified ? `${pinyin} 【${fieldHtml(word.traditional)}】` : pinyin;
  parts.push(`<div class="pinyin">${head}</div>`);
  parts.push(`<div class="meaning">${fieldHtml(definitionOf(word))}</div>`);
  if (word.note.trim() !== '') parts.push(`<div class="note">${fieldHtml(word.note)}</div>`);
  for (const c of word.contexts.slice(0, Math.max(0, sentences))) {
    parts.push(`<div class="context">${sentenceHtml(c.sentence, word.simplified)}<br><small>${articleHtml(c.articleTitle, c.articleUrl)}</small></div>`);
  }
  return parts.join('');
}
