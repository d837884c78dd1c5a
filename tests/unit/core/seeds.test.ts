import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../src/core/seeds.ts';

const dir = new URL('../../../assets/seeds/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseSeed(f, readFileSync(new URL(f, dir), 'utf8')));

describe('parseSeed', () => {
  it('reads all five seeds with their sites and titles', () => {
    expect(seeds.map((s) => [s.id, s.site, s.title])).toEqual([
      ['000', 'guancha', '王毅访问塔吉克斯坦：防范域外势力在中亚兴风作浪'],
      ['001', 'xinhua', '加强地区合作 共谋和平发展——王毅国务委员兼外长在结束访问中亚三国和出席上合组织外长会议等多边会议后接受媒体采访'],
      ['002', 'guancha', '中土外长谈阿富汗局势'],
      ['003', 'xinhua', '王毅出席首次阿富汗邻国外长会 提出六项协调合作重大议题'],
      ['004', 'zaobao', '中国塔吉克斯坦建立新时代全面战略合作伙伴关系'],
    ]);
  });

  it('keeps paragraphs as plain text with no markup', () => {
    for (const s of seeds) {
      expect(s.paragraphs.length).toBeGreaterThan(3);
      for (const p of s.paragraphs) expect(p).not.toMatch(/[<>]|&[a-z]+;|^\s|\s$/);
    }
  });

  it('separates image captions from paragraphs', () => {
    const s002 = seeds[2]!;
    expect(s002.images).toHaveLength(4);
    expect(s002.images[0]!.caption).toBe('本文图自外交部网站');
    expect(s002.paragraphs).not.toContain('本文图自外交部网站');
    const s004 = seeds[4]!;
    expect(s004.images[0]!.caption).toMatch(/^塔吉克斯坦总统拉赫蒙/);
    expect(s004.paragraphs[0]).toBe('中国国家主席习近平同塔吉克斯坦总统拉赫蒙举行会谈后，双方宣布发展新时代中塔全面战略合作伙伴关系。');
    expect(s004.paragraphs.at(-1)).toBe('此前，习近平曾在2014年和2019年访问过塔吉克斯坦。');
  });

  it('splits the one-line Xinhua seed on its full-width indents', () => {
    const s001 = seeds[1]!;
    expect(s001.paragraphs[0]).toMatch(/^新华社大马士革7月17日电/);
    expect(s001.paragraphs.every((p) => !p.includes('\u3000\u3000'))).toBe(true);
  });

  it('dates seeds in China time', () => {
    expect(seeds[0]!.publishedAt).toBe('2021-07-14T18:27:19+08:00');
    expect(seeds[4]!.publishedAt).toBe('2024-07-06T08:43:13+08:00');
  });
});
