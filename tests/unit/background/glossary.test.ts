import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../scripts/build-glossary.ts';
import { JieduDB } from '../../../src/background/db.ts';
import { createGlossaryService, type GlossaryService } from '../../../src/background/glossary.ts';
import { saveArticle } from '../../../src/background/library.ts';
import { sampleArticle } from '../../support/sample-article.ts';

describe('glossary service', () => {
  let service: GlossaryService;
  let total: number;
  beforeAll(async () => {
    const built = await buildGlossary();
    total = built.entries.length;
    service = createGlossaryService(built);
  });

  it('lists everything for an empty query, and filters by category', () => {
    const all = service.search('', null, 1000);
    expect(all.total).toBe(total);
    const people = service.search('', 'person', 1000);
    expect(people.total).toBeGreaterThan(5);
    expect(people.items.every((e) => e.category === 'person')).toBe(true);
    expect(people.items.some((e) => e.simplified === '王毅')).toBe(true);
  });

  it('finds by characters, pinyin without tones, initials and English', () => {
    expect(service.search('上合组织', null, 5).items[0]?.simplified).toBe('上合组织');
    expect(service.search('yidaiyilu', null, 5).items.map((e) => e.simplified)).toContain('一带一路');
    expect(service.search('shhzzz', null, 5).items.map((e) => e.simplified)).toContain('上海合作组织');
    expect(service.search('shared future', null, 10).items.map((e) => e.simplified)).toContain('人类命运共同体');
  });

  it('gives an entry with the saved articles that use it, and the terms of one article with counts', async () => {
    const db = new JieduDB(`gs-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const a = sampleArticle({ paragraphs: ['双方同意构建人类命运共同体。', '推动构建人类命运共同体，反对单边主义。'] });
    await saveArticle(db, a);
    const detail = await service.entry(db, '人类命运共同体');
    expect(detail?.entry.english).toMatch(/shared future/);
    expect(detail?.entry.citations.length).toBeGreaterThan(0);
    expect(detail?.savedArticles).toEqual([{ url: a.url, title: a.title, count: 2 }]);
    const inArticle = await service.inArticle(db, a.url);
    expect(inArticle.find((t) => t.term === '人类命运共同体')?.count).toBe(2);
    expect(await service.entry(db, '不存在的词')).toBeNull();
  });
});
