/**
 * `export --format anki|pleco|csv|tsv|json --in BACKUP.json [--out FILE]`: the vocabulary of a
 * Jiedu backup in an import format. The CLI prints JSON, so without --out the file's text comes
 * as one JSON string (`| jq -r .` gives the file); with --out the exact bytes are written
 * (the CSV's BOM included) and a summary is printed. `json` gives the vocabulary records.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { BackupError, parseBackup, toAnki, toCsv, toPleco, toTsv, type JieduBackup } from '../../core/export/index.ts';
import type { VocabularyRecord } from '../../core/vocabulary.ts';
import { CliError, RawOutput, parseArgs, type CliCommand } from '../command.ts';

const FORMATS = ['anki', 'pleco', 'csv', 'tsv', 'json'] as const;
type Format = (typeof FORMATS)[number];

function render(format: Format, backup: JieduBackup, flags: Map<string, string>): string | VocabularyRecord[] {
  const words = backup.vocabulary;
  switch (format) {
    case 'anki': {
      const tags = flags.get('tags');
      return toAnki(words, { deck: flags.get('deck'), tags: tags === undefined ? undefined : tags.split(/[\s,]+/).filter(Boolean) });
    }
    case 'pleco':
      return toPleco(words, { category: flags.get('category') });
    case 'csv':
      return toCsv(words);
    case 'tsv':
      return toTsv(words);
    case 'json':
      return words;
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --format anki|pleco|csv|tsv|json --in BACKUP.json [--out FILE] [--deck D] [--tags "a b"] [--category C]   the vocabulary of a backup in an import format',
  async run(args: string[]): Promise<unknown> {
    const { positional, flags } = parseArgs(args, ['format', 'in', 'out', 'deck', 'tags', 'category']);
    if (positional.length > 0) throw new CliError(`unexpected argument ${positional[0]}`);
    const format = flags.get('format');
    if (!format || !(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
    const input = flags.get('in');
    if (!input) throw new CliError('--in BACKUP.json is required');
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${input}: ${err instanceof Error ? err.message : String(err)}`);
    }
    let backup: JieduBackup;
    try {
      backup = parseBackup(text);
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(`${input}: ${err.message}`, err.kind === 'foreign' ? 2 : 1);
      throw err;
    }
    const out = render(format as Format, backup, flags);
    const file = flags.get('out');
    if (file === undefined) return typeof out === 'string' ? new RawOutput(out) : out;
    const data = typeof out === 'string' ? out : JSON.stringify(out, null, 2) + '\n';
    try {
      await writeFile(file, data, 'utf8');
    } catch (err) {
      throw new CliError(`cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { format, words: backup.vocabulary.length, out: file, bytes: Buffer.byteLength(data, 'utf8') };
  },
};
