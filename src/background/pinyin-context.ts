/**
 * Readings decided by context, for the pages' and the library's annotators: the polyphone
 * model and the dictionary live here, loaded once on the first request and kept while the
 * worker lives, so no page carries half a megabyte of weights.
 */
import browser from 'webextension-polyfill';
import type { Dictionary } from '../core/dictionary/index.ts';
import { contextReadings, dictionaryWordReadings, type ContextSources } from '../core/pinyin/context.ts';
import { PolyphoneModel, type PolyphoneModelMeta } from '../core/pinyin/polyphone-model.ts';

export interface ContextReader {
  (texts: string[]): Promise<{ readings: [number, string][][] }>;
  /**
   * Which characters the model reads, from its description alone (52 KB, without the weights):
   * a look-up whose words hold none of them needs no model.
   */
  covers(): Promise<(char: string) => boolean>;
}

/** Kept only once it loaded: a failed load is tried again on the next request, not remembered. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | null = null;
  return () =>
    (kept ??= load().catch((err: unknown) => {
      kept = null;
      throw err;
    }));
}

export function createContextReader(dictionary: () => Promise<Dictionary>): ContextReader {
  const meta = once(() => fetch(browser.runtime.getURL('data/polyphone-model/model.json')).then((r) => r.json() as Promise<PolyphoneModelMeta>));
  const covers = once(async () => {
    const polyphones = new Set(Object.keys((await meta()).candidates));
    return (char: string) => polyphones.has(char);
  });
  const load = once(async (): Promise<ContextSources> => {
    const weights = fetch(browser.runtime.getURL('data/polyphone-model/model.bin')).then((r) => r.arrayBuffer());
    const [m, w, dict] = await Promise.all([meta(), weights, dictionary()]);
    return { model: new PolyphoneModel(m, w), wordReadings: dictionaryWordReadings(dict) };
  });
  const read = async (texts: string[]) => {
    const s = await load();
    return { readings: texts.map((text) => [...contextReadings(text, s)]) };
  };
  return Object.assign(read, { covers });
}
