/**
 * The library database (IndexedDB through Dexie). Opened only in the
 * background; every other context asks through messages.
 */
import Dexie, { type DBCoreMutateRequest, type DBCoreTransaction, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { StoredArticle } from '../core/article.ts';
import { DB_NAME, SCHEMA_VERSIONS } from '../core/db-schema.ts';
import type { ReviewCard, ReviewLogEntry } from '../core/review/card.ts';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Vocabulary rows are typed loosely here; their shape is validated where they are written. */
export interface VocabularyRow {
  simplified: string;
  [field: string]: unknown;
}

/** Upgrade steps keyed by the version they upgrade to. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {};

export class JieduDB extends Dexie {
  articles!: Table<StoredArticle, number>;
  vocabulary!: Table<VocabularyRow, string>;
  settings!: Table<SettingRow, string>;
  cards!: Table<ReviewCard, string>;
  reviewLog!: Table<ReviewLogEntry, number>;

  constructor(name: string = DB_NAME, options?: DexieOptions, upToVersion?: number) {
    super(name, options);
    for (const schema of SCHEMA_VERSIONS) {
      if (upToVersion !== undefined && schema.version > upToVersion) break;
      const declared = this.version(schema.version).stores(schema.stores);
      const upgrade = UPGRADES[schema.version];
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use({
      stack: 'dbcore',
      name: 'firefox-cleanup-turn',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, opts) => this.watchQuota(down.transaction(stores, mode, opts), mode),
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => this.noteCleanupRefusal(req, () => table.mutate(req)) };
        },
      }),
    });
  }

  /**
   * After a write refused for quota, Firefox makes the next read-write transaction of the
   * connection a cleanup one: its deletes go through even when the storage is full, and its
   * commit gives the freed space back at once, but a put or add in it throws InvalidStateError ("A mutation operation
   * was attempted on a database that did not allow mutations") before anything is written.
   * Deleting is what a reader does about a full library, so that turn is left to whatever
   * write comes next; a put or add refused by it is noted here, and the background runs the
   * request once more (takeCleanupRefusal), as an ordinary write: saved if there is room,
   * else refused for quota, which the reader is told in their language. Chromium has no such
   * turn: nothing is refused by it there.
   */
  private cleanupTurnPending = false;
  private readonly cleanupTransactions = new WeakSet<DBCoreTransaction>();
  private cleanupRefused = false;

  private watchQuota(tx: DBCoreTransaction, mode: 'readonly' | 'readwrite'): DBCoreTransaction {
    if (mode !== 'readwrite') return tx;
    if (this.cleanupTurnPending) {
      this.cleanupTurnPending = false;
      this.cleanupTransactions.add(tx);
    }
    // Dexie's IndexedDB core hands out the IDBTransaction itself.
    if (tx instanceof EventTarget) {
      tx.addEventListener('abort', () => {
        if ((tx as IDBTransaction).error?.name === 'QuotaExceededError') this.cleanupTurnPending = true;
      });
    }
    return tx;
  }

  private noteCleanupRefusal<T>(req: DBCoreMutateRequest, mutate: () => Promise<T>): Promise<T> {
    const note = (err: unknown) => {
      if ((req.type === 'add' || req.type === 'put') && this.cleanupTransactions.has(req.trans) && (err as { name?: unknown } | null)?.name === 'InvalidStateError') {
        this.cleanupRefused = true;
      }
      return err;
    };
    try {
      return mutate().catch((err: unknown) => Promise.reject(note(err)));
    } catch (err) {
      throw note(err);
    }
  }

  /** Whether a put or add was refused by Firefox's cleanup turn since the last call (see above). */
  takeCleanupRefusal(): boolean {
    const refused = this.cleanupRefused;
    this.cleanupRefused = false;
    return refused;
  }
}
