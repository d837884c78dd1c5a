/**
 * Anki's plain-text import (Anki 2.1.54 and later): a header says the separator, that fields
 * are HTML, the columns, the note type, deck and tags, and which column holds the note id.
 * Front is the headword (Anki finds duplicates on the first field); Back has the reading,
 * meaning and the sentences the word was saved from, with a link to each article.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf, escapeHtml, isHttpUrl, oneLine, stableGuid } from './common.ts';

export interface AnkiOptions {
  /** Default "Jiedu". "::" makes a subdeck, as in Anki. */
  deck?: string;
  /** Added to every note; spaces inside a tag become "_", since Anki separates tags by spaces. Default ["jiedu"]. */
  tags?: string[];
  /** Default "Basic" (fields Front and Back). */
  notetype?: string;
  /** How many saved sentences go on the back of a card. Default 3. */
  sentences?: number;
}

export const ANKI_COLUMNS = ['Front', 'Back', 'Tags', 'GUID'] as const;

function ankiTag(tag: string): string {
  return oneLine(tag).replace(/\s+/g, '_');
}

/** Quoting as Anki's importer reads it: a field holding the separator, a quote or a line break is quoted, inner quotes doubled. */
export function quoteAnkiField(field: string): string {
  return /[\t"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Text to HTML for a field: escaped, with line breaks kept as <br>. */
function html(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}

/** The sentence with the word in bold. Only for Han headwords, which cannot collide with an entity once escaped. */
function sentenceHtml(sentence: string, word: string): string {
  const escaped = html(sentence);
  if (word === '' || /[\x00-\x7f]/.test(word)) return escaped;
  return escaped.split(escapeHtml(word)).join(`<b>${escapeHtml(word)}</b>`);
}

function back(word: VocabularyRecord, sentences: number): string {
  const parts: string[] = [];
  const head = word.traditional && word.traditional !== word.simplified ? `${html(word.pinyin)} 【${html(word.traditional)}】` : html(word.pinyin);
  parts.push(`<div class="pinyin">${head}</div>`);
  parts.push(`<div class="meaning">${html(definitionOf(word))}</div>`);
  if (word.note.trim() !== '') parts.push(`<div class="note">${html(word.note)}</div>`);
  for (const c of word.contexts.slice(0, Math.max(0, sentences))) {
    const title = html(c.articleTitle || c.articleUrl);
    const source = isHttpUrl(c.articleUrl) ? `<a href="${escapeHtml(c.articleUrl)}">${title}</a>` : title;
    parts.push(`<div class="context">${sentenceHtml(c.sentence, word.simplified)}<br><small>${source}</small></div>`);
  }
  return parts.join('');
}

export function toAnki(words: readonly VocabularyRecord[], opts: AnkiOptions = {}): string {
  const deck = oneLine(opts.deck ?? 'Jiedu') || 'Jiedu';
  const tags = (opts.tags ?? ['jiedu']).map(ankiTag).filter((t) => t !== '');
  const sentences = opts.sentences ?? 3;
  const lines = [
    '#separator:tab',
    '#html:true',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#notetype:${oneLine(opts.notetype ?? 'Basic') || 'Basic'}`,
    `#deck:${deck}`,
    `#tags:${tags.join(' ')}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
    `#guid column:${ANKI_COLUMNS.indexOf('GUID') + 1}`,
  ];
  for (const w of words) {
    const fields = [html(w.simplified), back(w, sentences), w.tags.map(ankiTag).filter((t) => t !== '').join(' '), stableGuid(w.simplified)];
    lines.push(fields.map(quoteAnkiField).join('\t'));
  }
  return lines.join('\n') + '\n';
}
