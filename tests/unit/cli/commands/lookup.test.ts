import { describe, expect, it } from 'vitest';
import { lookupCommand } from '../../../../src/cli/commands/lookup.ts';
import type { DictEntry } from '../../../../src/core/dictionary/index.ts';

const lookup = async (...args: string[]) => (await lookupCommand.run(args)) as DictEntry[];

describe('lookup command', () => {
  it('finds simplified and traditional words, building the cache when missing', async () => {
    const out = await lookupCommand.run(['外長']);
    expect(out).toEqual([{ simplified: '外长', traditional: '外長', pinyin: 'wài zhǎng', english: expect.arrayContaining(['foreign minister']) as unknown }]);
    expect(await lookupCommand.run(['亲诚惠容'])).toEqual([]);
  }, 60_000);

  it('ranks entries as the card does, and reads the word in a sentence with --in', async () => {
    const ju = await lookup('据');
    expect(ju[0]).toMatchObject({ traditional: '據', pinyin: 'jù', english: expect.arrayContaining(['according to']) as unknown });
    // Seed 002: "中国的发展是和平力量的增长，…"
    expect((await lookup('长'))[0]?.pinyin).toBe('cháng');
    expect((await lookup('长', '--in', '中国的发展是和平力量的增长，是发展中国家力量的增强。'))[0]?.pinyin).toBe('zhǎng');
    await expect(lookupCommand.run(['长', '--in', '没有这个字。'])).rejects.toThrow(/does not hold/);
  }, 60_000);

  it('needs exactly one word', async () => {
    await expect(lookupCommand.run([])).rejects.toThrow(/usage: lookup WORD/);
    await expect(lookupCommand.run(['a', 'b'])).rejects.toThrow(/usage/);
  });
});
