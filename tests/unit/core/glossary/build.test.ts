import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { BuiltGlossarySchema } from '../../../../src/core/glossary/schema.ts';
import { GlossaryBuildError, buildGlossary } from '../../../../scripts/build-glossary.ts';
import { addCitations, splitSentences } from '../../../../src/core/glossary/citations.ts';
import { entry } from './fixtures.ts';

describe('splitSentences', () => {
  it('splits after 。！？ and semicolons and at newlines, keeping the terminator', () => {
    expect(splitSentences('第一，避免战火；第二，重启谈判。好！真的？\n标题行')).toEqual(['第一，避免战火；', '第二，重启谈判。', '好！', '真的？', '标题行']);
  });
  it('keeps a closing quote-less tail and drops empty pieces', () => {
    expect(splitSentences('  \n。。\n没有句号')).toEqual(['。。', '没有句号']);
  });
});

describe('addCitations', () => {
  const seed = { file: '009_x.txt', title: '王毅会见穆赫里丁', paragraphs: ['中国—中亚机制很好。中国－中亚机制也好。', '重复一句。重复一句。'], images: [{ caption: '杜尚别街景' }] };
  it('cites title, paragraphs and captions, dash variants alike, each sentence once', () => {
    const [a, b, c, d] = addCitations([entry('王毅'), entry('中国—中亚机制'), entry('重复'), entry('杜尚别')], [seed]);
    expect(a?.citations).toEqual([{ seed: '009_x.txt', title: '王毅会见穆赫里丁', sentence: '王毅会见穆赫里丁' }]);
    expect(b?.citations.map((x) => x.sentence)).toEqual(['中国—中亚机制很好。', '中国－中亚机制也好。']);
    expect(c?.citations).toHaveLength(1);
    expect(d?.citations.map((x) => x.sentence)).toEqual(['杜尚别街景']);
  });
});

describe('buildGlossary on the real data', () => {
  it('produces what BuiltGlossarySchema accepts, so the extension can validate what it loads', async () => {
    const built = await buildGlossary();
    expect(v.safeParse(BuiltGlossarySchema, JSON.parse(JSON.stringify(built))).success).toBe(true);
  });
});

describe('buildGlossary failures', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function setup(entries: unknown): Promise<{ glossaryPath: string; seedsDir: string }> {
    dir = await mkdtemp(join(tmpdir(), 'glossary-'));
    const seedsDir = join(dir, 'seeds');
    await mkdir(seedsDir);
    await writeFile(join(seedsDir, '000_test.txt'), '王毅出席会议\n\n国务委员兼外长王毅在杜尚别同塔外长穆赫里丁举行会谈。');
    const glossaryPath = join(dir, 'glossary.json');
    await writeFile(glossaryPath, JSON.stringify(entries));
    return { glossaryPath, seedsDir };
  }

  async function problems(entries: unknown): Promise<string[]> {
    try {
      await buildGlossary(await setup(entries));
    } catch (e) {
      expect(e).toBeInstanceOf(GlossaryBuildError);
      if (e instanceof GlossaryBuildError) {
        expect(e.message).toContain('glossary build failed');
        return e.problems;
      }
    }
    return [];
  }

  it('succeeds on a valid glossary and cites the seed', async () => {
    const built = await buildGlossary(await setup([entry('王毅', { category: 'person' }), entry('国事访问', { related: true })]));
    expect(built.entries[0]?.citations.map((c) => c.sentence)).toEqual(['王毅出席会议', '国务委员兼外长王毅在杜尚别同塔外长穆赫里丁举行会谈。']);
    expect(built.entries[1]?.citations).toEqual([]);
    expect(built.seeds).toEqual([{ file: '000_test.txt', title: '王毅出席会议' }]);
  });

  it('lists entries found in no seed unless related', async () => {
    const p = await problems([entry('王毅'), entry('人类命运共同体'), entry('正确义利观')]);
    expect(p).toHaveLength(2);
    expect(p.join('\n')).toMatch(/人类命运共同体: found in no seed/);
    expect(p.join('\n')).toMatch(/正确义利观: found in no seed/);
  });

  it('rejects "related" on a term that does occur', async () => {
    expect(await problems([entry('王毅', { related: true })])).toEqual([expect.stringMatching(/王毅: marked related but occurs in 000_test.txt/)]);
  });

  it('lists duplicates, including a traditional form that clashes with another entry', async () => {
    const p = await problems([entry('王毅'), entry('王毅'), entry('外长'), entry('会谈', { traditional: '外长' })]);
    expect(p).toContain('王毅: duplicate entry');
    expect(p).toContain('会谈: form "外长" is already used by 外长');
  });

  it('names an unknown category and the known ones', async () => {
    const p = await problems([{ ...entry('王毅'), category: 'people' }]);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/王毅: unknown category "people" \(known: partnership, principle/);
  });

  it('reports schema problems by headword', async () => {
    const p = await problems([{ ...entry('王毅'), english: '' }, { ...entry('外长'), pinyin: 'wai4 zhang3' }, { simplified: '杜尚别' }]);
    expect(p.some((x) => x.startsWith('王毅 english:'))).toBe(true);
    expect(p.some((x) => x.startsWith('外长 pinyin: pinyin must use tone marks'))).toBe(true);
    expect(p.some((x) => x.startsWith('杜尚别'))).toBe(true);
  });

  it('reports unreadable JSON', async () => {
    const paths = await setup([]);
    await writeFile(paths.glossaryPath, '{ not json');
    await expect(buildGlossary(paths)).rejects.toThrow(/glossary\.json/);
  });
});
