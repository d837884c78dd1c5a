import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../../../src/core/article.ts';
import { contentHash } from '../../../../src/core/article.ts';
import { BACKUP_VERSION, BackupError, makeBackup, mergeBackup, parseBackup, serializeBackup, type JieduBackup } from '../../../../src/core/export/index.ts';
import { addContext, saveWord, type VocabularyRecord } from '../../../../src/core/vocabulary.ts';

const RARE = ['𠮷', '𪚥', '😀', '👩‍👩‍👧', '\t', '\n', '"', '<', '&', '\u2028', '\\', '\u0000'];

function article(i: number, extra: Partial<StoredArticle> = {}): StoredArticle {
  const title = `第${i}篇 ${RARE[i % RARE.length]}`;
  const paragraphs = [`段落${i}：外交部发言人${RARE[(i + 3) % RARE.length]}表示。`, `第二段 "${i}" <b>&</b>`];
  return {
    id: i + 1,
    url: `https://www.xinhuanet.com/world/${i}.htm`,
    site: (['guancha', 'xinhua', 'zaobao', 'other'] as const)[i % 4]!,
    layout: 'xinhua-2021',
    title,
    publishedAt: i % 3 === 0 ? null : '2025-01-02T03:04:05+08:00',
    updatedAt: null,
    authors: i % 2 ? ['记者 张三'] : [],
    source: i % 5 ? '新华社' : null,
    editor: null,
    tags: ['外交'],
    paragraphs,
    bold: i % 7 ? [] : [{ paragraph: 0, start: 0, end: 2 }],
    images: i % 11 ? [] : [{ src: `https://img.example/${i}.jpg`, caption: '图' }],
    language: 'zh-Hans',
    charCount: paragraphs.join('').length,
    partial: i % 13 ? null : { page: 1, pages: 3, fullTextUrl: null },
    extractedAt: '2025-01-02T00:00:00.000Z',
    extractor: 'xinhua',
    extractorVersion: '1',
    contentHash: contentHash(title, paragraphs),
    firstSavedAt: '2025-01-02T00:00:00.000Z',
    lastSavedAt: '2025-01-03T00:00:00.000Z',
    ...extra,
  };
}

function word(i: number): VocabularyRecord {
  const rare = RARE[i % RARE.length]!;
  return {
    simplified: `词${i}${i % 9 === 0 ? '𠮷' : ''}`,
    traditional: `詞${i}`,
    pinyin: 'cí',
    english: [`word number ${i}`, `with ${rare}`],
    contexts: Array.from({ length: i % 4 }, (_, k) => ({
      sentence: `句子${k}：词${i}${rare}。`,
      articleUrl: `https://www.xinhuanet.com/world/${(i + k) % 1000}.htm`,
      articleTitle: `第${(i + k) % 1000}篇`,
      ...(k % 2 ? {} : { articleId: ((i + k) % 1000) + 1 }),
      savedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, k)).toISOString(),
    })),
    tags: i % 3 ? [] : ['HSK 6', rare],
    note: i % 5 ? '' : `note ${rare} ${i}`,
    source: (['glossary', 'dictionary', 'manual'] as const)[i % 3]!,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
}

describe('backup round trip', () => {
  it('loses nothing across 10,000 words and 1,000 articles', () => {
    const articles = Array.from({ length: 1_000 }, (_, i) => article(i));
    const vocabulary = Array.from({ length: 10_000 }, (_, i) => word(i));
    const settings = { autoSave: false };
    const backup = makeBackup({ articles, vocabulary, settings }, new Date('2025-05-01T12:00:00Z'));
    const text = serializeBackup(backup);
    const back = parseBackup(text);
    expect(back).toEqual(backup);
    expect(back.articles).toEqual(articles);
    expect(back.vocabulary).toEqual(vocabulary);
    expect(back.settings).toEqual(settings);
    // Strict: no key added as undefined, none dropped.
    expect(back).toStrictEqual(backup);
    expect(JSON.parse(serializeBackup(back))).toStrictEqual(JSON.parse(text));
  });

  it('keeps settings it does not know (from a newer version) and reads a BOM', () => {
    const b = makeBackup({ articles: [], vocabulary: [], settings: { autoSave: true, futureOption: 'x' } as never });
    expect(parseBackup('\uFEFF' + serializeBackup(b)).settings).toEqual({ autoSave: true, futureOption: 'x' });
  });
});

describe('backup rejection', () => {
  const good = (): JieduBackup => makeBackup({ articles: [article(1)], vocabulary: [word(1), word(2)], settings: { autoSave: true } });

  function rejection(text: string): BackupError {
    try {
      parseBackup(text);
    } catch (err) {
      if (err instanceof BackupError) return err;
      throw err;
    }
    throw new Error('parseBackup accepted it');
  }

  it('says a damaged file is not JSON', () => {
    const text = serializeBackup(good());
    const e = rejection(text.slice(0, text.length / 2));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toMatch(/not valid JSON/);
    expect(rejection('').kind).toBe('corrupt');
  });

  it('says a foreign file is not a Jiedu backup', () => {
    expect(rejection('[1,2,3]').message).toMatch(/not a Jiedu backup/);
    expect(rejection('{"format":"anki-collection","version":1}').message).toBe('this is not a Jiedu backup ("format": "anki-collection", expected "jiedu-backup")');
    expect(rejection('{"words":[]}').kind).toBe('foreign');
    expect(rejection('null').kind).toBe('foreign');
  });

  it('names the version it cannot read', () => {
    expect(rejection(JSON.stringify({ ...good(), version: BACKUP_VERSION + 1 })).message).toMatch(new RegExp(`version ${BACKUP_VERSION + 1}, made by a newer Jiedu`));
    expect(rejection(JSON.stringify({ ...good(), version: '1' })).kind).toBe('version');
  });

  it('says which record is bad and where', () => {
    const b = good();
    (b.vocabulary[1] as { contexts: unknown[] }).contexts = [{ sentence: 'x', articleUrl: 'u', articleTitle: 't', savedAt: 'yesterday' }];
    const e = rejection(JSON.stringify(b));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/^the backup has a bad record: vocabulary\[1\]\.contexts\[0\]\.savedAt \(词2\): /);

    const c = good();
    (c.articles[0] as { url: string }).url = 'file:///etc/passwd';
    expect(rejection(JSON.stringify(c)).message).toMatch(/articles\[0\]\.url \(file:\/\/\/etc\/passwd\): must be an http\(s\) URL/);

    const d = good() as unknown as { vocabulary: Record<string, unknown>[] };
    d.vocabulary[0]!.source = 'somewhere';
    d.vocabulary[0]!.extra = 1;
    expect(rejection(JSON.stringify(d)).message).toMatch(/vocabulary\[0\]\.source/);
  });

  it('rejects a backup that holds one word twice', () => {
    const b = good();
    b.vocabulary.push(word(1));
    expect(rejection(JSON.stringify(b)).message).toMatch(/vocabulary\[2\] repeats the simplified of vocabulary\[0\] \(词1\)/);
  });
});

describe('merging a backup into the library', () => {
  it('adds what is new, merges what exists, and leaves the rest out', () => {
    const current = { articles: [article(1), article(2)], vocabulary: [word(1), word(2)] };
    const incomingWord2: VocabularyRecord = {
      ...word(2),
      contexts: [...word(2).contexts, { sentence: '新的句子。', articleUrl: 'https://www.xinhuanet.com/world/2.htm', articleTitle: 't', articleId: 3, savedAt: '2025-02-01T00:00:00.000Z' }],
      tags: ['new'],
      updatedAt: '2025-02-01T00:00:00.000Z',
    };
    const incoming = { articles: [article(2), article(3, { lastSavedAt: '2025-06-01T00:00:00.000Z' })], vocabulary: [word(1), incomingWord2, word(3)] };
    const r = mergeBackup(current, incoming);
    expect(r.added).toEqual({ articles: 1, vocabulary: 1 });
    expect(r.updated).toEqual({ articles: 0, vocabulary: 1 });
    expect(r.toPut.articles.map((a) => a.url)).toEqual(['https://www.xinhuanet.com/world/3.htm']);
    const merged = r.toPut.vocabulary.find((w) => w.simplified === '词2')!;
    expect(merged.contexts.map((c) => c.sentence)).toEqual([...word(2).contexts.map((c) => c.sentence), '新的句子。']);
    expect(merged.tags).toEqual(['new']);
    expect(merged.updatedAt).toBe('2025-02-01T00:00:00.000Z');
    // Merging the same backup again changes nothing.
    const again = mergeBackup({ articles: [...current.articles, ...r.toPut.articles], vocabulary: [word(1), merged, word(3)] }, incoming);
    expect(again.toPut).toEqual({ articles: [], vocabulary: [] });
  });

  it('keeps the later text of an article and the earlier first save, under the current id', () => {
    const current = { articles: [article(5, { id: 42 })], vocabulary: [] };
    const newer = article(5, { id: 7, title: '改过的标题', lastSavedAt: '2025-09-01T00:00:00.000Z', firstSavedAt: '2024-12-01T00:00:00.000Z' });
    const r = mergeBackup(current, { articles: [newer], vocabulary: [] });
    expect(r.updated.articles).toBe(1);
    expect(r.toPut.articles[0]).toMatchObject({ id: 42, title: '改过的标题', firstSavedAt: '2024-12-01T00:00:00.000Z', lastSavedAt: '2025-09-01T00:00:00.000Z' });
  });

  it('re-links contexts when article ids clash between databases', () => {
    // Current library: id 1 is some other article. The backup's article id 1 must not take it.
    const current = { articles: [article(900, { id: 1 }), article(3, { id: 50 })], vocabulary: [] };
    const w: VocabularyRecord = {
      ...word(0),
      simplified: '会谈',
      contexts: [
        { sentence: 'a', articleUrl: article(0).url, articleTitle: 'x', articleId: 1, savedAt: '2025-01-01T00:00:00.000Z' },
        { sentence: 'b', articleUrl: article(3).url, articleTitle: 'y', articleId: 4, savedAt: '2025-01-01T00:00:00.000Z' },
      ],
    };
    const r = mergeBackup(current, { articles: [article(0, { id: 1 }), article(3, { id: 4 })], vocabulary: [w] });
    expect(r.toPut.articles).toHaveLength(1);
    expect(r.toPut.articles[0]!.id).toBeUndefined();
    const contexts = r.toPut.vocabulary[0]!.contexts;
    expect(contexts[0]).not.toHaveProperty('articleId');
    expect(contexts[0]!.articleUrl).toBe(article(0).url);
    expect(contexts[1]!.articleId).toBe(50);
  });

  it('restores into an empty library exactly', () => {
    const articles = Array.from({ length: 50 }, (_, i) => article(i));
    const vocabulary = Array.from({ length: 200 }, (_, i) => word(i));
    const r = mergeBackup({ articles: [], vocabulary: [] }, { articles, vocabulary });
    expect(r.toPut.articles).toEqual(articles);
    expect(r.toPut.vocabulary.slice(0, 200)).toEqual(
      vocabulary.map((w) => ({ ...w, contexts: w.contexts.map((c) => (c.articleId !== undefined && c.articleId <= 50 ? c : { ...c, articleId: undefined })) })),
    );
  });
});

describe('vocabulary record', () => {
  const now = '2025-04-01T00:00:00.000Z';
  const ctx = { sentence: '外交部发言人表示。', articleUrl: 'https://a.example/1', articleTitle: 'A', savedAt: now };

  it('saving a word twice keeps one record and adds the sentence', () => {
    const first = saveWord(undefined, { simplified: '外交', traditional: '外交', pinyin: 'wài jiāo', english: ['diplomacy'], source: 'dictionary' }, ctx, now);
    const second = saveWord(
      first,
      { simplified: '外交', traditional: '外交', pinyin: 'wài jiāo', english: ['diplomacy'], source: 'dictionary' },
      { ...ctx, sentence: '另一句。' },
      '2025-04-02T00:00:00.000Z',
    );
    expect(second.contexts.map((c) => c.sentence)).toEqual(['外交部发言人表示。', '另一句。']);
    expect(second.updatedAt).toBe('2025-04-02T00:00:00.000Z');
    expect(second.createdAt).toBe(now);
    expect(() => saveWord(first, { simplified: '外长', traditional: '外長', pinyin: '', english: [], source: 'manual' }, null, now)).toThrow();
  });

  it('never repeats a sentence, even spaced differently', () => {
    const w = saveWord(undefined, { simplified: '外交', traditional: '外交', pinyin: 'wài jiāo', english: [], source: 'manual' }, ctx, now);
    expect(addContext(w, { ...ctx, sentence: '  外交部发言人表示。 ', articleUrl: 'https://b.example/' })).toBe(w);
    expect(addContext(w, ctx)).toBe(w);
  });
});

describe('merging data that lists a key twice', () => {
  it('writes each word and article once', () => {
    const later = { ...word(1), tags: ['b'], updatedAt: '2025-03-01T00:00:00.000Z' };
    const r = mergeBackup({ articles: [], vocabulary: [] }, { articles: [article(1), article(1, { lastSavedAt: '2025-06-01T00:00:00.000Z' })], vocabulary: [word(1), later] });
    expect(r.toPut.vocabulary).toHaveLength(1);
    expect(r.toPut.articles).toHaveLength(1);
    expect(r.added).toEqual({ articles: 1, vocabulary: 1 });
    expect(r.updated).toEqual({ articles: 0, vocabulary: 0 });
    expect(r.toPut.vocabulary[0]!.tags).toEqual(['b']);
    expect(r.toPut.articles[0]!.lastSavedAt).toBe('2025-06-01T00:00:00.000Z');
  });
});
