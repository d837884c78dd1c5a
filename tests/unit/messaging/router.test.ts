import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { JieduDB } from '../../../src/background/db.ts';
import * as library from '../../../src/background/library.ts';
import { createRouter, fromContent, fromPages, type Handlers, type SenderInfo } from '../../../src/messaging/router.ts';
import { envelope } from '../../../src/messaging/protocol.ts';
import { parseBackup } from '../../../src/core/export/backup.ts';
import { sampleArticle } from '../../support/sample-article.ts';

const contentScript: SenderInfo = { tabId: 7, url: 'https://www.guancha.cn/x', fromExtensionPage: false };
const popup: SenderInfo = { tabId: null, url: 'chrome-extension://abc/popup.html', fromExtensionPage: true };

function routerWithDb() {
  const db = new JieduDB(`router-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  // The handlers these tests exercise; the router itself does not care how many there are.
  const handlers = {
    'article/save': fromContent(({ article }: Parameters<Handlers['article/save']['handle']>[0]) => library.saveArticle(db, article)),
    'article/delete': fromPages(async ({ url }: { url: string }) => ({ deleted: await library.deleteArticle(db, url) })),
    'library/stats': fromContent(() => library.libraryStats(db)),
  } as unknown as Handlers;
  return { db, route: createRouter(handlers) };
}

describe('router', () => {
  it('rejects a wrongly shaped message with an error and keeps working', async () => {
    const { route } = routerWithDb();
    const bad = await route({ jiedu: 1, name: 'article/save', params: { article: { title: 42 } } }, contentScript);
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) expect(bad.error).toMatch(/invalid article\/save/);
    const good = await route(envelope('article/save', { article: sampleArticle(), trigger: 'auto' }), contentScript);
    expect(good).toMatchObject({ ok: true, result: { status: 'added', libraryCount: 1 } });
  });

  it('refuses content scripts what only extension pages may do', async () => {
    const { route } = routerWithDb();
    const reply = await route(envelope('article/delete', { url: 'https://www.guancha.cn/x' }), contentScript);
    expect(reply).toEqual({ ok: false, error: 'article/delete may not be sent from a web page' });
    const fromPopup = await route(envelope('article/delete', { url: 'https://www.guancha.cn/x' }), popup);
    expect(fromPopup).toEqual({ ok: true, result: { deleted: false } });
  });

  it('refuses a content script before reading the params of what it may not ask', async () => {
    const { route } = routerWithDb();
    const reply = await route({ jiedu: 1, name: 'article/delete', params: { url: 42 } }, contentScript);
    expect(reply).toEqual({ ok: false, error: 'article/delete may not be sent from a web page' });
    expect(await route({ jiedu: 1, name: 'article/delete', params: { url: 42 } }, popup)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid article\/delete: url/) });
  });

  it('turns a throwing handler into an error reply', async () => {
    const { route } = routerWithDb();
    const handlers = {
      'library/stats': fromContent(async () => {
        throw new Error('disk on fire');
      }),
    } as unknown as Handlers;
    const reply = await createRouter(handlers)(envelope('library/stats', {}), popup);
    expect(reply).toEqual({ ok: false, error: 'disk on fire', kind: 'internal' });
    expect(await route(envelope('library/stats', {}), popup)).toEqual({ ok: true, result: { articles: 0, vocabulary: 0 } });
  });

  it("says the kind of a failure the UI can put in the reader's language", async () => {
    const throwing = (err: unknown) =>
      createRouter({
        'library/stats': fromContent(async () => {
          throw err;
        }),
      } as unknown as Handlers)(envelope('library/stats', {}), popup);
    expect(await throwing(new DOMException('quota', 'QuotaExceededError'))).toMatchObject({ ok: false, kind: 'quota', error: 'quota' });
    // Dexie wraps the browser's error.
    expect(await throwing(Object.assign(new Error('wrapped'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toMatchObject({ kind: 'quota' });
    // A bulk write some of whose requests Firefox refused.
    const bulk = Object.assign(new Error('vocabulary.bulkPut(): 2 of 1920 operations failed.'), {
      name: 'BulkError',
      failures: [new DOMException('full', 'QuotaExceededError'), new DOMException('full', 'QuotaExceededError')],
    });
    expect(await throwing(bulk)).toMatchObject({ kind: 'quota' });
    expect(await throwing(Object.assign(new Error('bulk'), { name: 'BulkError', failures: [new Error('constraint')] }))).toMatchObject({ kind: 'internal' });
    for (const text of ['{"format":', '{"format":"other"}', JSON.stringify({ format: 'jiedu-backup', version: 99 })]) {
      const reply = await throwing(
        (() => {
          try {
            parseBackup(text);
          } catch (err) {
            return err;
          }
          throw new Error('parsed');
        })(),
      );
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.kind).toMatch(/^backup-(corrupt|foreign|version)$/);
    }
    expect(await throwing('a string')).toEqual({ ok: false, error: 'a string', kind: 'internal' });
  });

  it('does not hand content-script messages meant for tabs to the background', async () => {
    const { route } = routerWithDb();
    const reply = await route(envelope('page/state', {}), popup);
    expect(reply).toEqual({ ok: false, error: 'page/state is not handled by the background' });
  });
});
