/**
 * CSV for spreadsheets (RFC 4180: CRLF, quotes doubled, UTF-8 with a BOM so that Excel reads
 * Chinese correctly). The first saved sentence gets its own columns; the rest are counted.
 */
import type { VocabularyRecord } from '../vocabulary.ts';
import { definitionOf } from './common.ts';

const CSV_COLUMNS = [
  'simplified',
  'traditional',
  'pinyin',
  'definition',
  'tags',
  'note',
  'source',
  'sentence',
  'article_title',
  'article_url',
  'saved_at',
  'contexts',
  'created_at',
  'updated_at',
] as const;

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe: sentences come from web pages, and "=HYPERLINK(…)" must stay text.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe.startsWith('#') ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(words: readonly VocabularyRecord[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const w of words) {
    const first = w.contexts[0];
    const cells = [
      w.simplified,
      w.traditional,
      w.pinyin,
      definitionOf(w),
      w.tags.join('; '),
      w.note,
      w.source,
      first?.sentence ?? '',
      first?.articleTitle ?? '',
      first?.articleUrl ?? '',
      first?.savedAt ?? '',
      String(w.contexts.length),
      w.createdAt,
      w.updatedAt,
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
