import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CliError, RawOutput } from '../../../../src/cli/command.ts';
import { exportCommand } from '../../../../src/cli/commands/export.ts';
import { makeBackup, serializeBackup, toAnki, toCsv, toPleco } from '../../../../src/core/export/index.ts';
import { GOLDEN_WORDS } from '../../core/export/words.ts';

const dir = mkdtempSync(join(tmpdir(), 'jiedu-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const backupFile = join(dir, 'backup.json');
writeFileSync(backupFile, serializeBackup(makeBackup({ articles: [], vocabulary: GOLDEN_WORDS, settings: { autoSave: true } })));

describe('export command', () => {
  it('gives each format from a backup', async () => {
    expect(await exportCommand.run(['--format', 'anki', '--in', backupFile])).toEqual(new RawOutput(toAnki(GOLDEN_WORDS)));
    expect(await exportCommand.run(['--format', 'json', '--in', backupFile])).toEqual(GOLDEN_WORDS);
    expect(await exportCommand.run(['--format', 'anki', '--in', backupFile, '--deck', 'D', '--tags', 'a b'])).toEqual(new RawOutput(toAnki(GOLDEN_WORDS, { deck: 'D', tags: ['a', 'b'] })));
  });

  it('writes the export itself to stdout, byte for byte', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'export', '--format', 'pleco', '--in', backupFile], { encoding: 'utf8', cwd: new URL('../../../..', import.meta.url).pathname });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(toPleco(GOLDEN_WORDS));
  });

  it('writes the exact bytes with --out', async () => {
    const out = join(dir, 'words.csv');
    const summary = await exportCommand.run(['--format', 'csv', '--in', backupFile, '--out', out]);
    expect(summary).toMatchObject({ format: 'csv', words: GOLDEN_WORDS.length, out });
    expect(readFileSync(out, 'utf8')).toBe(toCsv(GOLDEN_WORDS));
  });

  it('fails clearly on bad options and foreign files', async () => {
    await expect(exportCommand.run(['--format', 'apkg', '--in', backupFile])).rejects.toThrow(/--format must be one of/);
    await expect(exportCommand.run(['--format', 'csv'])).rejects.toThrow(/--in/);
    await expect(exportCommand.run(['--format', 'csv', '--in', join(dir, 'missing.json')])).rejects.toThrow(/cannot read/);
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, '{"name":"something else"}');
    const err = await exportCommand.run(['--format', 'csv', '--in', foreign]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toMatch(/not a Jiedu backup/);
    expect((err as CliError).exitCode).toBe(2);
  });
});
