import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { contextBatches, envelope, parseContentRequest, PINYIN_CONTEXT_LIMITS as L } from '../../../src/messaging/protocol.ts';
import { DEFAULT_SETTINGS, pinyinLook } from '../../../src/core/settings.ts';
import { parseMessage, PARAM_SCHEMAS } from '../../../src/messaging/schemas.ts';
import { sampleArticle } from '../../support/sample-article.ts';

describe('parseMessage', () => {
  it('accepts a well-formed article/save', () => {
    const parsed = parseMessage(envelope('article/save', { article: sampleArticle(), trigger: 'auto' }));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['not an object', 'hello', /not an object/],
    ['no marker', { name: 'library/stats', params: {} }, /not a Jiedu message/],
    ['unknown name', { jiedu: 1, name: 'db/drop', params: {} }, /unknown message/],
    ['a name from the prototype', { jiedu: 1, name: 'toString', params: {} }, /unknown message/],
    ['__proto__ as a name', { jiedu: 1, name: '__proto__', params: {} }, /unknown message/],
    ['extra key', { jiedu: 1, name: 'library/stats', params: { x: 1 } }, /invalid library\/stats/],
    ['trigger out of range', { jiedu: 1, name: 'article/save', params: { article: sampleArticle(), trigger: 'evil' } }, /trigger/],
  ])('rejects %s', (_label, raw, error) => {
    const parsed = parseMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('rejects an article whose URL is javascript:', () => {
    const parsed = parseMessage(envelope('article/save', { article: sampleArticle({ url: 'javascript:alert(1)' }), trigger: 'auto' }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/article\.url/);
  });

  it('rejects an article with an image URL of another scheme', () => {
    const parsed = parseMessage(envelope('article/save', { article: sampleArticle({ images: [{ src: 'data:image/png;base64,AAA', caption: '' }] }), trigger: 'auto' }));
    expect(parsed.ok).toBe(false);
  });

  it('rejects an article over the size limits', () => {
    const huge = Array.from({ length: 6000 }, () => '段落');
    const parsed = parseMessage(envelope('article/save', { article: sampleArticle({ paragraphs: huge }), trigger: 'auto' }));
    expect(parsed.ok).toBe(false);
  });

  it('keeps hostile text as text: markup in a title is data, not rejected', () => {
    const parsed = parseMessage(envelope('article/save', { article: sampleArticle({ title: '<img src=x onerror=alert(1)>' }), trigger: 'auto' }));
    expect(parsed.ok).toBe(true);
  });
});

describe('parseContentRequest: pinyin commands carry their drawing settings', () => {
  const look = pinyinLook(DEFAULT_SETTINGS);

  it('accepts a toggle with or without a look, and a set with one', () => {
    expect(parseContentRequest(envelope('pinyin/toggle', {}))).toEqual({ name: 'pinyin/toggle', params: {} });
    expect(parseContentRequest(envelope('pinyin/toggle', { look }))).toEqual({ name: 'pinyin/toggle', params: { look } });
    expect(parseContentRequest(envelope('pinyin/set', { on: true, look }))).toEqual({ name: 'pinyin/set', params: { on: true, look } });
    expect(parseContentRequest(envelope('pinyin/set', { on: false }))).toEqual({ name: 'pinyin/set', params: { on: false } });
  });

  it.each([
    ['a size out of range', { ...look, pinyinSize: 1000 }],
    ['a tone style it does not know', { ...look, pinyinTone: 'evil' }],
    ['a neutral-tone style it does not know', { ...look, pinyinNeutral: 'none' }],
    ['a fractional size', { ...look, pinyinSize: 55.5 }],
    ['an extra field', { ...look, autoSave: true }],
    ['a missing field', { pinyinTone: 'mark' }],
    ['not an object', 'mark'],
  ])('rejects a look with %s', (_label, bad) => {
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/set', params: { on: true, look: bad } })).toBeNull();
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/toggle', params: { look: bad } })).toBeNull();
  });

  it('takes a prepare with a valid look only', () => {
    expect(parseContentRequest(envelope('pinyin/prepare', { look }))).toEqual({ name: 'pinyin/prepare', params: { look } });
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/prepare', params: {} })).toBeNull();
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/prepare', params: { look: { ...look, pinyinScope: 'everything' } } })).toBeNull();
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/prepare', params: { look, on: true } })).toBeNull();
  });

  it('rejects extra params and a toggle that says on', () => {
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/set', params: { on: true, x: 1 } })).toBeNull();
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/toggle', params: { on: true } })).toBeNull();
    expect(parseContentRequest({ jiedu: 1, name: 'pinyin/toggle', params: { on: undefined } })).toBeNull();
  });

  it('the background schema agrees: a look passes, a bad one does not', () => {
    expect(parseMessage(envelope('pinyin/set', { on: true, look })).ok).toBe(true);
    expect(parseMessage({ jiedu: 1, name: 'pinyin/set', params: { on: true, look: { ...look, pinyinSize: 1000 } } }).ok).toBe(false);
  });
});

describe('contextBatches', () => {
  it('splits texts into pinyin/context requests the background accepts, leaving out a text too long for any', () => {
    const texts = [...Array.from({ length: 1200 }, (_, i) => `第${i}段。`), 'x'.repeat(L.textChars + 1), ...Array.from({ length: 9 }, () => '长'.repeat(L.textChars))];
    const batches = contextBatches(texts);
    expect(batches.flat()).toEqual(texts.filter((t) => t.length <= L.textChars));
    for (const texts of batches) expect(v.safeParse(PARAM_SCHEMAS['pinyin/context'], { texts }).success).toBe(true);
    expect(contextBatches([])).toEqual([]);
  });
});
