import { describe, expect, it } from 'vitest';
import { lookupCommand } from '../../../src/cli/commands/lookup.ts';

describe('lookup command', () => {
  it('finds simplified and traditional words, building the cache when missing', async () => {
    const out = await lookupCommand.run(['外長']);
    expect(out).toEqual([{ simplified: '外长', traditional: '外長', pinyin: 'wài zhǎng', english: expect.arrayContaining(['foreign minister']) as unknown }]);
    expect(await lookupCommand.run(['亲诚惠容'])).toEqual([]);
  }, 60_000);

  it('needs exactly one word', async () => {
    await expect(lookupCommand.run([])).rejects.toThrow(/usage: lookup WORD/);
    await expect(lookupCommand.run(['a', 'b'])).rejects.toThrow(/usage/);
  });
});
