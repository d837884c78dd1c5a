import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary } from '../../../scripts/build-glossary.ts';
import { JieduDB } from '../../../src/background/db.ts';
import { lookupAt } from '../../../src/background/dictionary.ts';
import { createGlossaryService, type GlossaryService } from '../../../src/background/glossary.ts';
import { saveArticle } from '../../../src/background/library.ts';
import { saveVocabulary } from '../../../src/background/vocabulary.ts';
import { loadCliDictionary } from '../../../src/cli/commands/lookup.ts';
import type { Dictionary } from '../../../src/core/dictionary/index.ts';
import { sampleArticle } from '../../support/sample-article.ts';

describe('look-up at a point', () => {
  let dict: Dictionary;
  let glossary: GlossaryService;
  beforeAll(async () => {
    [dict, glossary] = await Promise.all([loadCliDictionary(), buildGlossary().then(createGlossaryService)]);
  }, 60_000);

  it('gives the words starting there, longest first, with the glossary entry on the diplomatic term', () => {
    const matches = lookupAt(dict, glossary, '上海合作组织成员国外长理事会');
    expect(matches.map((m) => m.word)).toEqual(expect.arrayContaining(['上海合作组织', '上海', '上']));
    expect(matches[0]!.word).toBe('上海合作组织成员国外长理事会');
    expect(matches[0]!.glossary?.simplified).toBe('上海合作组织成员国外长理事会');
    expect(matches.find((m) => m.word === '上海合作组织')?.glossary?.english).toMatch(/Shanghai Cooperation Organi[sz]ation/);
    expect(matches.find((m) => m.word === '上海')?.entries[0]?.english.join(' ')).toMatch(/Shanghai/);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.length).toBeLessThan(matches[i - 1]!.length);
  });

  it('adds glossary terms the dictionary lacks', () => {
    const matches = lookupAt(dict, glossary, '亲诚惠容理念');
    expect(matches[0]).toMatchObject({ word: '亲诚惠容', glossary: { simplified: '亲诚惠容' } });
  });

  it('finds a traditional-character word', () => {
    const matches = lookupAt(dict, glossary, '外長會議');
    const m = matches.find((x) => x.word === '外長');
    expect(m?.entries[0]?.simplified).toBe('外长');
    expect(m?.entries[0]?.pinyin).toBe('wài zhǎng');
  });
});

describe('saving words', () => {
  it('keeps one record per word and adds each new sentence with its article', async () => {
    const db = new JieduDB(`v-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const article = sampleArticle();
    const { id } = await saveArticle(db, article);
    const word = { simplified: '会谈', traditional: '會談', pinyin: 'huì tán', english: ['talks'], source: 'dictionary' as const };
    const first = await saveVocabulary(db, word, { sentence: '王毅在杜尚别同塔外长穆赫里丁举行会谈。', articleUrl: article.url, articleTitle: article.title });
    expect(first.created).toBe(true);
    expect(first.record.contexts[0]).toMatchObject({ articleId: id, articleUrl: article.url });
    const again = await saveVocabulary(db, word, { sentence: '双方举行会谈。', articleUrl: 'https://www.news.cn/x/c.html', articleTitle: '另一篇' });
    expect(again.created).toBe(false);
    expect(again.record.contexts.map((c) => c.sentence)).toEqual(['王毅在杜尚别同塔外长穆赫里丁举行会谈。', '双方举行会谈。']);
    const same = await saveVocabulary(db, word, { sentence: '双方举行会谈。', articleUrl: 'https://www.news.cn/x/c.html', articleTitle: '另一篇' });
    expect(same.record.contexts).toHaveLength(2);
    expect(await db.vocabulary.count()).toBe(1);
    expect(((await db.vocabulary.get('会谈')) as { contexts: unknown[] } | undefined)?.contexts).toHaveLength(2);
  });
});
