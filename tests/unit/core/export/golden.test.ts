/**
 * Golden files for every export format. To accept a deliberate change of output, run
 * `npx vitest run tests/unit/core/export -u` and read the diff of tests/fixtures/export-golden.
 */
import { DEFAULT_REVIEW_SETTINGS } from '../../../../src/core/review/settings.ts';
import { DEFAULT_ANKI_SETTINGS } from '../../../../src/core/anki-settings.ts';
import { describe, expect, it } from 'vitest';
import { ANKI_COLUMNS, makeBackup, serializeBackup, stableGuid, toAnki, toCsv, toPleco, toTsv } from '../../../../src/core/export/index.ts';
import { readCsvRecords } from './anki-text-import.ts';
import { GOLDEN_WORDS } from './words.ts';

const GOLDEN = '../../../fixtures/export-golden';

/** Splits Anki/CSV text into records by the quoting rules, to check that the quoting reads back. */
function readQuoted(text: string, sep: string, eol: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith(eol, i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += eol.length;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('Anki', () => {
  const out = toAnki(GOLDEN_WORDS, { deck: 'Jiedu::News', tags: ['jiedu', 'news 2025'], sentencePinyin: (s) => `py(${s.length})` });

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/words.anki.txt`);
  });

  it('starts with header lines that name no note type and no column', () => {
    const header = out.split('\n').filter((l) => l.startsWith('#'));
    expect(header).toEqual([
      '#separator:tab',
      '#html:true',
      '#deck column:12',
      '#guid column:13',
      '#tags column:14',
      '#tags:jiedu news_2025',
      '# Jiedu vocabulary. Columns by position = Simplified | Back | Traditional | Pinyin | Meaning | Sentence | SentencePinyin | Article | Note | JieduTags | JieduId | Deck | GUID',
    ]);
    // The comment line holds no colon, or Anki would read it as a setting.
    expect(header.at(-1)).not.toContain(':');
  });

  it("has one record per word, each with every column, as Anki's reader splits it", () => {
    const rows = readCsvRecords(out, '\t');
    expect(rows).toHaveLength(GOLDEN_WORDS.length);
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveLength(ANKI_COLUMNS.length);
      expect(row[12]).toBe(stableGuid(GOLDEN_WORDS[i]!.simplified));
      expect(row[10]).toBe(stableGuid(GOLDEN_WORDS[i]!.simplified));
      expect(row[11]).toBe('Jiedu::News');
    }
    // Fields are HTML: markup from the data is escaped, never live.
    expect(rows[3]![0]).toBe('&lt;b&gt;&amp;amp;');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('href="javascript:');
    // A tab inside a field survives inside quotes; a line break becomes <br>.
    expect(rows[3]![1]).toContain('2&quot;\tthen left.<br>Next line.');
    expect(rows[3]![9]).toBe('odd_tag x_y');
    expect(rows[4]![0]).toBe('𠮷野家');
    expect(rows[4]![1]).toContain('我在<b>𠮷野家</b>吃饭😋');
    expect(rows[4]![5]).toBe('我在<b>𠮷野家</b>吃饭😋，很好吃。');
    expect(rows[4]![6]).toBe('py(15)');
    expect(rows[1]![7]).toBe('<a href="https://www.guancha.cn/politics/2019_09_09_517162.shtml">王毅同塔外长会谈</a>');
    expect(rows[6]![0]).toBe('#话题');
    expect(rows[7]![8]).toBe('&quot;one belt, one road<br>');
  });

  it('gives every word the same guid on every export, different for different words', () => {
    expect(stableGuid('外交')).toBe(stableGuid('外交'));
    expect(stableGuid('外交')).toMatch(/^jiedu-[0-9a-f]{16}$/);
    // Pinned: a change here would make Anki duplicate every note on the next import.
    expect(stableGuid('外交')).toMatchInlineSnapshot(`"jiedu-5f4e075b91f66c12"`);
    const guids = new Set(Array.from({ length: 20_000 }, (_, i) => stableGuid(`词${i}`)));
    expect(guids.size).toBe(20_000);
  });
});

describe('Pleco', () => {
  const out = toPleco(GOLDEN_WORDS, { category: 'Jiedu/News' });

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/words.pleco.txt`);
  });

  it('writes the category, then one card a line with three fields', () => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('//Jiedu/News');
    expect(lines.slice(1)).toHaveLength(GOLDEN_WORDS.length);
    for (const l of lines.slice(1)) expect(l.split('\t')).toHaveLength(3);
    expect(lines[1]).toBe('外交\twài jiāo\tdiplomacy; diplomatic; foreign affairs');
    expect(lines[2]).toBe('外长[外長]\twài zhǎng\tforeign minister');
    expect(lines[6]).toBe('女儿[女兒]\tnǚ ér\tdaughter');
  });

  it('can leave the category out', () => {
    expect(toPleco(GOLDEN_WORDS.slice(0, 1), { category: '' })).toBe('外交\twài jiāo\tdiplomacy; diplomatic; foreign affairs\n');
  });
});

describe('CSV', () => {
  const out = toCsv(GOLDEN_WORDS);

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/words.csv`);
  });

  it('is RFC 4180 with a BOM, CRLF and a header row, and reads back', () => {
    expect(out.startsWith('\uFEFFsimplified,traditional,pinyin,definition,')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    const rows = readQuoted(out.slice(1), ',', '\r\n');
    expect(rows).toHaveLength(GOLDEN_WORDS.length + 1);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    expect(rows[3]![5]).toBe('tab\there, "quotes", a comma, and\na second line');
    expect(rows[4]![7]).toBe('He said "1 < 2 & 3 > 2"\tthen left.\r\nNext line.');
    // Formula-looking cells are kept as text.
    expect(rows[4]![5]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[5]![5]).toBe(`'-ism at the start, +1, @mention`);
    expect(rows[5]![0]).toBe('𠮷野家');
  });
});

describe('plain word list', () => {
  const out = toTsv(GOLDEN_WORDS);

  it('matches the golden file', async () => {
    await expect(out).toMatchFileSnapshot(`${GOLDEN}/words.tsv`);
  });

  it('has five tab-separated fields a line and no header', () => {
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(GOLDEN_WORDS.length);
    for (const l of lines) expect(l.split('\t')).toHaveLength(5);
    expect(lines[1]).toBe('外长\t外長\twài zhǎng\tforeign minister\tshort for 外交部长');
    expect(lines[2]).toBe('关系\t關係\tguān xi\trelation; relationship\ttab here, "quotes", a comma, and a second line');
  });
});

describe('backup', () => {
  it('matches the golden file', async () => {
    const backup = makeBackup(
      { articles: [], vocabulary: GOLDEN_WORDS, settings: { autoSave: true }, reviewSettings: DEFAULT_REVIEW_SETTINGS, ankiSettings: DEFAULT_ANKI_SETTINGS },
      new Date('2025-03-03T00:00:00Z'),
    );
    await expect(JSON.stringify(JSON.parse(serializeBackup(backup)), null, 2) + '\n').toMatchFileSnapshot(`${GOLDEN}/backup.json`);
  });
});
