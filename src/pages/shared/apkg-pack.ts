/**
 * Packs an Anki package in the page. Loaded with import() only when someone exports one, so
 * sql.js and its WebAssembly (shipped as lazy/sql-wasm.wasm) cost nothing otherwise.
 */
import initSqlJs from 'sql.js';
import browser from 'webextension-polyfill';
import { toApkg } from '../../core/export/apkg.ts';
import type { PackageSource } from '../../messaging/protocol.ts';

let sql: ReturnType<typeof initSqlJs> | null = null;

export async function packApkg(source: PackageSource): Promise<Uint8Array> {
  sql ??= initSqlJs({ locateFile: () => browser.runtime.getURL('lazy/sql-wasm.wasm') }).catch((err: unknown) => {
    sql = null;
    throw err;
  });
  const SQL = await sql;
  const pinyinBySentence = new Map<string, string>();
  source.words.forEach((w, i) => {
    const first = w.contexts[0];
    if (first) pinyinBySentence.set(first.sentence, source.sentencePinyin[i] ?? '');
  });
  return toApkg(SQL, source.words, {
    toneColors: source.toneColors,
    sentencePinyin: (s) => pinyinBySentence.get(s) ?? '',
    listening: source.listening,
    listeningChangedAt: source.listeningChangedAt,
  });
}
