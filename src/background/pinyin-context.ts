/**
 * Readings decided by context, for the pages' and the library's annotators: the polyphone
 * model and the dictionary live here, loaded once on the first request and kept while the
 * worker lives, so no page carries half a megabyte of weights.
 */
import browser from 'webextension-polyfill';
import type { Dictionary } from '../core/dictionary/index.ts';
import { contextReadings, dictionaryWordReadings, type ContextSources } from '../core/pinyin/context.ts';
import { PolyphoneModel, type PolyphoneModelMeta } from '../core/pinyin/polyphone-model.ts';

async function loadModel(): Promise<PolyphoneModel> {
  const [meta, weights] = await Promise.all([
    fetch(browser.runtime.getURL('data/polyphone-model/model.json')).then((r) => r.json() as Promise<PolyphoneModelMeta>),
    fetch(browser.runtime.getURL('data/polyphone-model/model.bin')).then((r) => r.arrayBuffer()),
  ]);
  return new PolyphoneModel(meta, weights);
}

export function createContextReader(dictionary: () => Promise<Dictionary>): (texts: string[]) => Promise<{ readings: [number, string][][] }> {
  let sources: Promise<ContextSources> | null = null;
  const load = (): Promise<ContextSources> => {
    sources ??= Promise.all([loadModel(), dictionary()]).then(
      ([model, dict]) => ({ model, wordReadings: dictionaryWordReadings(dict) }),
      (err: unknown) => {
        // A failed load is tried again on the next request, not remembered.
        sources = null;
        throw err;
      },
    );
    return sources;
  };
  return async (texts) => {
    const s = await load();
    return { readings: texts.map((text) => [...contextReadings(text, s)]) };
  };
}
