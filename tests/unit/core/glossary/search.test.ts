import { describe, expect, it } from 'vitest';
import { createSearch } from '../../../../src/core/glossary/search.ts';
import { loadEntries } from './fixtures.ts';

const glossary = createSearch(loadEntries());
const first = (q: string, opts?: Parameters<typeof glossary.search>[1]): string | undefined => glossary.search(q, opts)[0]?.entry.simplified;
const all = (q: string, opts?: Parameters<typeof glossary.search>[1]): string[] => glossary.search(q, opts).map((h) => h.entry.simplified);

describe('glossary search', () => {
  it('by characters: exact first, then prefix, then containing', () => {
    expect(first('上合组织')).toBe('上合组织');
    const r = all('上合组织');
    expect(r.indexOf('上合组织')).toBeLessThan(r.indexOf('上合组织命运共同体'));
    expect(r).toContain('上合组织—阿富汗联络组');
    expect(all('伙伴关系').length).toBeGreaterThan(10);
  });

  it('by traditional characters', () => {
    expect(first('全面戰略合作夥伴關係')).toBe('全面战略合作伙伴关系');
  });

  it('by pinyin with tones, in any spacing', () => {
    expect(first('wàizhǎng')).toBe('外长');
    expect(first('quánmiàn zhànlüè hézuò huǒbàn guānxì')).toBe('全面战略合作伙伴关系');
    expect(first('quánmiànzhànlüèhézuòhuǒbànguānxì')).toBe('全面战略合作伙伴关系');
    // Tones are meant when given: the wrong tone does not match.
    expect(all('wàizháng')).not.toContain('外长');
  });

  it('by pinyin without tones, ü typed as v', () => {
    expect(first('waizhang')).toBe('外长');
    expect(first('zhanlve huoban')).toBe('战略伙伴');
    expect(first('Du Shang Bie')).toBe('杜尚别');
  });

  it('by pinyin initials', () => {
    const hit = glossary.search('shzz')[0];
    expect(hit?.entry.simplified).toBe('上合组织');
    expect(hit?.field).toBe('initials');
    expect(all('xfzl')).toContain('兴风作浪');
    expect(all('rlmygtt')).toContain('人类命运共同体');
  });

  it('by English, renderings and alternatives', () => {
    expect(first('Dushanbe')).toBe('杜尚别');
    expect(first('community with a shared future for mankind')).toBe('人类命运共同体');
    expect(all('SCO')).toContain('上合组织');
    expect(all('three evil forces')).toContain('三股势力');
    expect(all('the principle of upholding justice')).toContain('正确义利观');
    expect(first('emomali rahmon')).toBe('拉赫蒙');
  });

  it('filters by category', () => {
    const idioms = glossary.search('xiang', { category: 'idiom' });
    expect(idioms.length).toBeGreaterThan(0);
    expect(idioms.every((h) => h.entry.category === 'idiom')).toBe(true);
    expect(all('Wang Yi', { category: 'place' })).toEqual([]);
    expect(all('Wang Yi', { category: ['place', 'person'] })).toContain('王毅');
    expect(glossary.byCategory('person').map((e) => e.simplified)).toContain('穆赫里丁');
  });

  it('restricts fields and limits results', () => {
    expect(all('shzz', { fields: ['english'] })).toEqual([]);
    expect(glossary.search('a', { limit: 3 })).toHaveLength(3);
    expect(glossary.search('   ')).toEqual([]);
    expect(glossary.search('zzzzqqq')).toEqual([]);
  });
});
