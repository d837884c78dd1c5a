export { toAnki, quoteAnkiField, ANKI_COLUMNS, type AnkiOptions } from './anki.ts';
export { toPleco, type PlecoOptions } from './pleco.ts';
export { toCsv, csvCell, CSV_COLUMNS } from './csv.ts';
export { toTsv, tsvField } from './tsv.ts';
export { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, noteFields, summaryHtml, fieldHtml, ankiTag, type NoteFields, type NoteFieldName, type NoteFieldOptions } from './note-fields.ts';
export { definitionOf, stableGuid } from './common.ts';
export {
  makeBackup,
  parseBackup,
  serializeBackup,
  mergeBackup,
  BackupError,
  BackupSchema,
  StoredArticleSchema,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type JieduBackup,
  type BackupSettings,
  type BackupMerge,
  type BackupCounts,
  type BackupErrorKind,
} from './backup.ts';
