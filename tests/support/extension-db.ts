/**
 * The extension's database reached as the extension reaches it: Dexie (the library the extension
 * uses) opens it by its own name and schema (src/core/db-schema.ts, DB_NAME and SCHEMA_VERSIONS)
 * in a context of the extension's origin, its background or one of its pages. A write made so is
 * announced to the extension's other contexts as Dexie announces its own (the background's caches
 * of the library follow it), and the extension needs no hook for the browser tests or the bench.
 *
 * `inDatabase(fn, arg)` makes an expression to evaluate in such a context: `fn` gets the database
 * and `arg` (as JSON) and is sent as source, so it may use only its arguments and the context's
 * globals. The tables are typed as the extension's own (src/background/db.ts) type them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Dexie, Table } from 'dexie';
import type { JieduDB, VocabularyRow } from '../../src/background/db.ts';
import { DB_NAME, SCHEMA_VERSIONS } from '../../src/core/db-schema.ts';
import type { VocabularyRecord } from '../../src/core/vocabulary.ts';

/** The extension's tables by name, with the type of their rows (vocabulary rows as the extension validates them) and keys. */
type Tables = {
  [K in keyof JieduDB as JieduDB[K] extends Table<infer _R, infer _K> ? K : never]: JieduDB[K] extends Table<infer R, infer Key> ? Table<R extends VocabularyRow ? VocabularyRecord : R, Key> : never;
};
export type ExtensionDb = Dexie & Tables;

/** Dexie's own build for a page or a worker (UMD), run where the extension's origin is. */
const DEXIE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js'), 'utf8');
/** Where that context keeps it once loaded, so later calls need not send it again. */
const LOADED = `globalThis[Symbol.for('jiedu tests: Dexie')]`;

/**
 * Loads Dexie into the context (the expression's value is ignored). Its UMD wrapper hands it to
 * the local `module` rather than setting a global of the extension's context.
 */
const LOAD_DEXIE = `(() => {
  const module = { exports: {} };
  const exports = module.exports;
  ${DEXIE_SOURCE};
  ${LOADED} = module.exports;
  return true;
})()`;

/** What an expression made by inDatabase evaluates to where Dexie is not loaded yet: LOAD_DEXIE, then the same expression again. */
const DEXIE_MISSING = 'jiedu tests: Dexie not loaded';

/** `fn` as a function, or as its source text (the bench's generated data, written as plain JavaScript). */
type DatabaseWork<R, A> = ((db: ExtensionDb, arg: A) => R | Promise<R>) | string;

/**
 * An expression that evaluates to `fn(db, arg)` in a context of the extension's origin (or to
 * DEXIE_MISSING there). tsx (the bench's loader) keeps function names by wrapping functions in
 * `__name()`, which the browser does not have: the expression carries a stand-in.
 */
function inDatabase<R, A>(fn: DatabaseWork<R, A>, arg?: A): string {
  return `(async () => {
    const __name = (f) => f;
    const Dexie = ${LOADED};
    if (!Dexie) return ${JSON.stringify(DEXIE_MISSING)};
    const db = new Dexie(${JSON.stringify(DB_NAME)});
    for (const v of ${JSON.stringify(SCHEMA_VERSIONS)}) db.version(v.version).stores(v.stores);
    try {
      return await (${fn.toString()})(db, ${JSON.stringify(arg ?? null)});
    } finally {
      // Closed at once: the extension's own connection never waits on this one.
      db.close();
    }
  })()`;
}

/** Evaluates `inDatabase(fn, arg)` with `evaluate` (the driver's, in a context of the extension), loading Dexie there first when it is missing. */
export async function runInDatabase<R, A = null>(evaluate: (expression: string) => Promise<unknown>, fn: DatabaseWork<R, A>, arg?: A): Promise<R> {
  const expression = inDatabase(fn, arg);
  let result = await evaluate(expression);
  if (result === DEXIE_MISSING) {
    await evaluate(LOAD_DEXIE);
    result = await evaluate(expression);
  }
  return result as R;
}
