import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMatcher, foldText } from '../../../../src/core/glossary/matcher.ts';
import { parseSeed } from '../../../../src/core/seeds.ts';
import { ROOT, entry, loadEntries } from './fixtures.ts';

const terms = (m: ReturnType<typeof buildMatcher>, text: string): string[] => m.scan(text).map((x) => x.term);

describe('buildMatcher', () => {
  it('finds nothing in an empty text or with an empty glossary', () => {
    expect(buildMatcher([entry('外长')]).scan('')).toEqual([]);
    expect(buildMatcher([]).scan('外长会晤')).toEqual([]);
  });

  it('longest match wins at the same start', () => {
    const m = buildMatcher([entry('全面战略伙伴'), entry('全面战略伙伴关系'), entry('战略伙伴')]);
    expect(m.scan('中乌全面战略伙伴关系更富生机')).toEqual([{ term: '全面战略伙伴关系', start: 2, end: 10 }]);
  });

  it('leftmost wins over a longer overlapping term that starts later, and scanning resumes after it', () => {
    const m = buildMatcher([entry('上合组织'), entry('组织成员国'), entry('成员国')]);
    // 上合组织 starts first; 组织成员国 overlaps it and is skipped; 成员国 is taken after.
    expect(m.scan('上合组织成员国')).toEqual([
      { term: '上合组织', start: 0, end: 4 },
      { term: '成员国', start: 4, end: 7 },
    ]);
  });

  it('a term nested inside a longer one is not reported separately', () => {
    const m = buildMatcher([entry('命运共同体'), entry('人类命运共同体'), entry('共同体')]);
    expect(terms(m, '推动构建人类命运共同体')).toEqual(['人类命运共同体']);
    expect(terms(m, '上合组织命运共同体')).toEqual(['命运共同体']);
  });

  it('adjacent terms are all found', () => {
    const m = buildMatcher([entry('国务委员'), entry('兼'), entry('外长'), entry('王毅')]);
    expect(m.scan('国务委员兼外长王毅')).toEqual([
      { term: '国务委员', start: 0, end: 4 },
      { term: '兼', start: 4, end: 5 },
      { term: '外长', start: 5, end: 7 },
      { term: '王毅', start: 7, end: 9 },
    ]);
  });

  it('recovers through failure links: a partial long term does not hide a short one inside it', () => {
    const m = buildMatcher([entry('阿富汗邻国外长会'), entry('邻国')]);
    expect(m.scan('阿富汗邻国协调合作机制')).toEqual([{ term: '邻国', start: 3, end: 5 }]);
    expect(terms(m, '首次阿富汗邻国外长会')).toEqual(['阿富汗邻国外长会']);
  });

  it('offsets are UTF-16 code units, as String.prototype.slice uses', () => {
    const m = buildMatcher([entry('王毅'), entry('𠀀字')]);
    const text = '😀 Wang 王毅 and 𠀀字 again';
    const found = m.scan(text);
    expect(found.map((x) => text.slice(x.start, x.end))).toEqual(['王毅', '𠀀字']);
    expect(found[0]).toMatchObject({ start: 8, end: 10 });
    expect(found[1]!.end - found[1]!.start).toBe(3);
  });

  it('matches the traditional form and reports the simplified headword', () => {
    const m = buildMatcher([entry('全面战略伙伴关系', { traditional: '全面戰略夥伴關係' })]);
    expect(m.scan('中烏全面戰略夥伴關係')).toEqual([{ term: '全面战略伙伴关系', start: 2, end: 10 }]);
  });

  it('treats dash, plus and middle-dot variants alike without shifting offsets', () => {
    const m = buildMatcher([entry('中国—中亚机制'), entry('中国+中亚五国'), entry('谢·别尔德穆哈梅多夫'), entry('别尔德穆哈梅多夫')]);
    expect(m.scan('中国－中亚机制')).toEqual([{ term: '中国—中亚机制', start: 0, end: 7 }]);
    expect(terms(m, '中国-中亚机制和中国＋中亚五国')).toEqual(['中国—中亚机制', '中国+中亚五国']);
    expect(terms(m, '同谢・别尔德穆哈梅多夫会见')).toEqual(['谢·别尔德穆哈梅多夫']);
    expect(foldText('中国－中亚').length).toBe('中国－中亚'.length);
  });

  it('looks up the entry for a match', () => {
    const e = entry('上合组织', { english: 'SCO' });
    const m = buildMatcher([e]);
    const [hit] = m.scan('上合组织');
    expect(hit && m.entry(hit.term)).toBe(e);
  });

  it('on a real seed: longest matches, no overlaps, every match is its term', () => {
    const entries = loadEntries();
    const m = buildMatcher(entries);
    const file = '004_bc30676eec7b3701.txt';
    const seed = parseSeed(file, readFileSync(`${ROOT}assets/seeds/${file}`, 'utf8'));
    const text = [seed.title, ...seed.paragraphs].join('\n');
    const found = m.scan(text);
    expect(found.length).toBeGreaterThan(40);
    let last = 0;
    for (const x of found) {
      expect(x.start).toBeGreaterThanOrEqual(last);
      last = x.end;
      const e = m.entry(x.term);
      expect(e).toBeDefined();
      expect([foldText(e?.simplified ?? ''), foldText(e?.traditional ?? '')]).toContain(foldText(text.slice(x.start, x.end)));
    }
    // The title: 中国塔吉克斯坦建立新时代全面战略合作伙伴关系.
    expect(found.slice(0, 2).map((x) => x.term)).toEqual(['塔吉克斯坦', '新时代全面战略合作伙伴关系']);
    const names = new Set(found.map((x) => x.term));
    for (const t of ['习近平', '拉赫蒙', '唇齿相依', '三股势力', '中国—中亚机制', '打击恐怖主义、分裂主义和极端主义上海公约']) expect(names).toContain(t);
  });
});
