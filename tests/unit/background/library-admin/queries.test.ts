import { describe, expect, it } from 'vitest';
import { deleteVocabulary, listVocabulary, queryArticles, restoreArticle, restoreVocabulary, updateVocabulary } from '../../../../src/background/library-admin.ts';
import { deleteArticle, getArticle, saveArticle } from '../../../../src/background/library.ts';
import type { VocabQuery } from '../../../../src/messaging/protocol.ts';
import { sampleArticle } from '../../../support/sample-article.ts';
import { freshDb, putWords, REAL_WORDS, storedArticle, word } from './fixtures.ts';

const q = (over: Partial<VocabQuery> = {}): VocabQuery => ({ query: '', sort: 'recent', tag: null, articleUrl: null, source: null, offset: 0, limit: 100, ...over });

describe('article/query', () => {
  it('searches titles, filters by site, sorts and pages, without the text', async () => {
    const db = freshDb();
    await db.articles.bulkAdd([
      storedArticle(1, { title: '王毅会见美国国务卿', site: 'xinhua', publishedAt: '2024-03-01T10:00:00+08:00' }),
      storedArticle(2, { title: '中方回应', site: 'guancha', publishedAt: null, tags: [] }),
      storedArticle(3, { title: '王毅出席东盟会议', site: 'zaobao', publishedAt: '2024-05-01T10:00:00+08:00' }),
    ]);
    const all = await queryArticles(db, { query: '', site: null, sort: 'saved', offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.items.map((a) => a.title)).toEqual(['王毅出席东盟会议', '中方回应', '王毅会见美国国务卿']);
    expect(all.items[0]).not.toHaveProperty('paragraphs');
    expect(all.items[0]?.imageCount).toBe(1);

    const published = await queryArticles(db, { query: '', site: null, sort: 'published', offset: 0, limit: 10 });
    expect(published.items.map((a) => a.title)).toEqual(['王毅出席东盟会议', '王毅会见美国国务卿', '中方回应']);
    const bySite = await queryArticles(db, { query: '', site: null, sort: 'site', offset: 0, limit: 10 });
    expect(bySite.items.map((a) => a.site)).toEqual(['guancha', 'xinhua', 'zaobao']);

    const wang = await queryArticles(db, { query: '王毅', site: null, sort: 'published', offset: 0, limit: 1 });
    expect(wang).toMatchObject({ total: 2, items: [{ title: '王毅出席东盟会议' }] });
    const page2 = await queryArticles(db, { query: '王毅', site: null, sort: 'published', offset: 1, limit: 1 });
    expect(page2.items.map((a) => a.title)).toEqual(['王毅会见美国国务卿']);
    expect((await queryArticles(db, { query: '', site: 'zaobao', sort: 'saved', offset: 0, limit: 10 })).total).toBe(1);
  });

  it('sees articles saved or deleted after the first query', async () => {
    const db = freshDb();
    await saveArticle(db, sampleArticle());
    expect((await queryArticles(db, { query: '', site: null, sort: 'saved', offset: 0, limit: 10 })).total).toBe(1);
    await saveArticle(db, sampleArticle({ url: 'https://www.guancha.cn/a/2024_01_01_1_s.shtml', title: '另一篇' }));
    expect((await queryArticles(db, { query: '', site: null, sort: 'saved', offset: 0, limit: 10 })).total).toBe(2);
    await deleteArticle(db, sampleArticle().url);
    expect((await queryArticles(db, { query: '', site: null, sort: 'saved', offset: 0, limit: 10 })).items.map((a) => a.title)).toEqual(['另一篇']);
  });

  it('restores a deleted article with its id and first save date', async () => {
    const db = freshDb();
    await saveArticle(db, sampleArticle(), new Date('2024-01-01T00:00:00Z'));
    const before = (await getArticle(db, sampleArticle().url))!;
    await deleteArticle(db, before.url);
    expect(await restoreArticle(db, before)).toEqual({ id: before.id });
    expect(await getArticle(db, before.url)).toEqual(before);
    const listed = await queryArticles(db, { query: '', site: null, sort: 'saved', offset: 0, limit: 10 });
    expect(listed.items[0]?.firstSavedAt).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('vocab/list', () => {
  it('finds words by characters, toned or toneless pinyin in any spacing, and English', async () => {
    const db = freshDb();
    await putWords(db, REAL_WORDS);
    const keys = async (query: string) => (await listVocabulary(db, q({ query, sort: 'characters' }))).items.map((w) => w.simplified).sort();
    expect(await keys('外')).toEqual(['外交', '外长']);
    expect(await keys('外長')).toEqual(['外长']);
    expect(await keys('waijiao')).toEqual(['外交']);
    expect(await keys('wai jiao')).toEqual(['外交']);
    expect(await keys('wài')).toEqual(['外交', '外长']);
    expect(await keys('wāi')).toEqual([]);
    expect(await keys('huitan')).toEqual(['会谈']);
    expect(await keys('Minister')).toEqual(['外长']);
    expect(await keys('talks')).toEqual(['会谈']);
  });

  it('filters by tag, source and article, sorts, pages and lists tags and articles', async () => {
    const db = freshDb();
    const words = Array.from({ length: 30 }, (_, i) => word(i));
    await putWords(db, words);
    const all = await listVocabulary(db, q({ limit: 5, allKeys: true }));
    expect(all.total).toBe(30);
    expect(all.items.map((w) => w.simplified)).toEqual(['词29', '词28', '词27', '词26', '词25']);
    expect(all.keys).toHaveLength(30);
    expect(all.tags).toEqual(['even', 'odd']);
    expect(all.articles).toHaveLength(30);
    expect((await listVocabulary(db, q({ tag: 'odd' }))).total).toBe(15);
    expect((await listVocabulary(db, q({ source: 'glossary' }))).total).toBe(10);
    expect((await listVocabulary(db, q({ articleUrl: storedArticle(7).url }))).items.map((w) => w.simplified)).toEqual(['词7']);
    const created = await listVocabulary(db, q({ sort: 'created', offset: 28 }));
    expect(created.items.map((w) => w.simplified)).toEqual(['词1', '词0']);
    const pinyin = await listVocabulary(db, q({ sort: 'pinyin', limit: 3 }));
    expect(pinyin.items.map((w) => w.simplified)).toEqual(['词0', '词1', '词10']);
  });

  it('edits a note and tags, and the list shows the edit', async () => {
    const db = freshDb();
    await putWords(db, REAL_WORDS);
    await listVocabulary(db, q());
    const edited = await updateVocabulary(db, { simplified: '外交', note: '常用', tags: [' diplomacy ', 'core', 'core', ''] }, new Date('2026-01-01T00:00:00Z'));
    expect(edited).toMatchObject({ note: '常用', tags: ['diplomacy', 'core'], updatedAt: '2026-01-01T00:00:00.000Z' });
    const listed = await listVocabulary(db, q({ tag: 'core' }));
    expect(listed.items.map((w) => w.note)).toEqual(['常用']);
    await expect(updateVocabulary(db, { simplified: '没有', note: 'x' })).rejects.toThrow(/no saved word/);
  });

  it('deletes a selection and puts it back exactly with undo', async () => {
    const db = freshDb();
    await putWords(db, REAL_WORDS);
    await listVocabulary(db, q());
    const { deleted } = await deleteVocabulary(db, ['外交', '外长', '不在']);
    expect(deleted.map((w) => w.simplified)).toEqual(['外交', '外长']);
    expect((await listVocabulary(db, q())).total).toBe(1);
    expect(await restoreVocabulary(db, deleted)).toEqual({ restored: 2 });
    const back = await listVocabulary(db, q({ sort: 'characters' }));
    expect(back.total).toBe(3);
    expect(await db.vocabulary.get('外交')).toEqual(REAL_WORDS[0]);
  });
});
