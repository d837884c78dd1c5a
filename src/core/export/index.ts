export { toAnki, ANKI_COLUMNS } from './anki.ts';
export { toPleco } from './pleco.ts';
export { toCsv } from './csv.ts';
export { toTsv } from './tsv.ts';
export { JIEDU_NOTETYPE_NAME, NOTE_FIELDS, noteFields, summaryHtml, type NoteFieldOptions } from './note-fields.ts';
export { stableGuid } from './common.ts';
export { makeBackup, parseBackup, serializeBackup, mergeBackup, BackupError, BACKUP_VERSION, type JieduBackup, type BackupSettings } from './backup.ts';
