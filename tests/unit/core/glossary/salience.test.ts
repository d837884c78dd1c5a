import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../../src/core/glossary/matcher.ts';
import { isMarked, isSalient } from '../../../../src/core/glossary/salience.ts';
import type { GlossaryEntry } from '../../../../src/core/glossary/types.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const entries = JSON.parse(readFileSync(join(ROOT, 'assets/glossary.json'), 'utf8')) as GlossaryEntry[];
const matcher = buildMatcher(entries);
const seed = (name: string) => readFileSync(join(ROOT, 'assets/seeds', name), 'utf8');
const termsIn = (text: string) => [...new Set(matcher.scan(text).map((m) => m.term))];

describe('which terms are marked by default', () => {
  it('keeps the terms of art of seed 000 and leaves its everyday news words', () => {
    const terms = termsIn(seed('000_6ce5575ba27e451a.txt'));
    const marked = terms.filter((t) => isSalient(matcher.entry(t)!));
    expect([terms.length, marked.length]).toEqual([146, 42]);
    for (const t of ['全面战略伙伴', '一带一路', '上海合作组织', '人类命运共同体', '中国+中亚五国', '干涉他国内政']) expect(marked).toContain(t);
    for (const t of ['会谈', '共识', '疫苗', '峰会', '主权', '王毅', '塔吉克斯坦', '兴风作浪']) expect(marked).not.toContain(t);
  });

  it('marks about a third of the terms of the longest seed', () => {
    const terms = termsIn(seed('001_18db919ca564c70d.txt'));
    expect([terms.length, terms.filter((t) => isSalient(matcher.entry(t)!)).length]).toEqual([233, 76]);
  });

  it('"all" marks every term', () => {
    expect(entries.every((e) => isMarked(e, 'all'))).toBe(true);
    expect(entries.filter((e) => isMarked(e, 'important')).length).toBeLessThan(entries.length / 2);
  });
});
