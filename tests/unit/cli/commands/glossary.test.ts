import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../../src/cli/command.ts';
import { foldText } from '../../../../src/core/glossary/matcher.ts';
import { glossaryCommand, termsCommand, textOfFile } from '../../../../src/cli/commands/glossary.ts';
import { ROOT, loadEntries } from '../../core/glossary/fixtures.ts';

interface Printed {
  term: string;
  start: number;
  end: number;
  pinyin: string;
  english: string;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glossary-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('glossary command', () => {
  it('prints every entry with the fields and citations', async () => {
    const out = (await glossaryCommand.run([])) as Record<string, unknown>[];
    expect(out).toHaveLength(loadEntries().length);
    const wang = out.find((e) => e.simplified === '王毅');
    expect(Object.keys(wang ?? {})).toEqual(['simplified', 'traditional', 'pinyin', 'english', 'explanation', 'category', 'citations']);
    expect(wang).toMatchObject({ traditional: '王毅', pinyin: 'Wáng Yì', english: 'Wang Yi', category: 'person' });
    expect((wang?.citations as unknown[]).length).toBeGreaterThan(20);
    expect(out.find((e) => e.simplified === '全面战略伙伴关系')?.traditional).toBe('全面戰略夥伴關係');
  });
  it('rejects arguments', async () => {
    await expect(glossaryCommand.run(['x'])).rejects.toBeInstanceOf(CliError);
  });
});

describe('terms command', () => {
  it('--text: matches with offsets, pinyin and English', async () => {
    const text = '国务委员兼外长王毅在杜尚别同塔外长穆赫里丁举行会谈。';
    const out = (await termsCommand.run(['--text', text])) as Printed[];
    expect(out.map((m) => m.term)).toEqual(['国务委员兼外长', '王毅', '杜尚别', '外长', '穆赫里丁', '举行会谈']);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.term);
    expect(out[2]).toMatchObject({ pinyin: 'Dùshàngbié', english: 'Dushanbe' });
  });

  it('a plain text file is scanned verbatim', async () => {
    const file = join(dir, 'note.txt');
    const text = '<p>唇齿相依</p>\n上合组织';
    await writeFile(file, text);
    const out = (await termsCommand.run([file])) as Printed[];
    expect(out.map((m) => [m.term, text.slice(m.start, m.end)])).toEqual([
      ['唇齿相依', '唇齿相依'],
      ['上合组织', '上合组织'],
    ]);
  });

  it('a seed file is read as title and paragraphs (markup and front matter left out)', async () => {
    const file = `${ROOT}assets/seeds/004_bc30676eec7b3701.txt`;
    const out = (await termsCommand.run([file])) as Printed[];
    const { readFileSync } = await import('node:fs');
    const text = textOfFile(file, readFileSync(file, 'utf8'));
    expect(text.startsWith('中国塔吉克斯坦建立新时代全面战略合作伙伴关系\n')).toBe(true);
    expect(text).not.toMatch(/<p|title:/);
    for (const m of out) expect(foldText(text.slice(m.start, m.end))).toBe(foldText(m.term));
    expect(out.map((m) => m.term)).toContain('唇齿相依');
  });

  it('seeds laid out with blank lines only are recognised by their name', async () => {
    const file = `${ROOT}assets/seeds/003_e1e3ee129a945250.txt`;
    const { readFileSync } = await import('node:fs');
    expect(textOfFile(file, readFileSync(file, 'utf8')).split('\n')[0]).toBe('王毅出席首次阿富汗邻国外长会 提出六项协调合作重大议题');
  });

  it('usage errors', async () => {
    await expect(termsCommand.run([])).rejects.toThrow(/usage/);
    await expect(termsCommand.run(['a.txt', '--text', 'x'])).rejects.toThrow(/usage/);
    await expect(termsCommand.run([join(dir, 'missing.txt')])).rejects.toThrow(/no such file/);
  });
});
