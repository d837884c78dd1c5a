/**
 * The library database (IndexedDB through Dexie). Opened only in the
 * background; every other context asks through messages.
 */
import Dexie, { type DBCore, type DbCoreTransactionOptions, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTransaction, type DexieOptions, type Table, type Transaction } from 'dexie';
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
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {};

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
        transaction: (stores, mode, opts) => this.watchQuota(down, stores, mode, opts),
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => this.noteCleanupRefusal(req, () => table.mutate(req)) };
        },
      }),
    });
  }

  /**
   * After a write refused for quota, Firefox makes the next read-write transaction of the
   * connection a cleanup one: its deletes go through even when the storage is full and its
   * commit gives back the space the refused write had taken, but a put or add in it throws
   * InvalidStateError ("A mutation operation was attempted on a database that did not allow
   * mutations") before anything is written, which a reader saving an article saw as it was.
   * So after a refused put or add an empty read-write transaction takes that turn and
   * commits, giving the space back, and the reader's next write is an ordinary one (saved if
   * there is room, else refused for quota and said so). It is started as soon as the refusal's
   * abort event has been dispatched (the turn is not Firefox's to give during it), and the
   * space comes back a moment after its commit; a write that comes sooner is preceded by the
   * empty transaction itself. After a refused delete the turn is left, and the background runs
   * the request once more: in that turn the delete goes through. A put or add that still meets
   * the turn is run once more too. Chromium has no such turn: the empty transaction just
   * commits there, and a refused delete is tried twice.
   */
  private turn: 'spend' | 'leave' | null = null;
  private readonly cleanupTransactions = new WeakSet<DBCoreTransaction>();
  private readonly puttingTransactions = new WeakSet<DBCoreTransaction>();
  private readonly refusedTransactions = new WeakSet<DBCoreTransaction>();
  private retryWanted = false;

  private watchQuota(down: DBCore, stores: string[], mode: 'readonly' | 'readwrite', opts: DbCoreTransactionOptions | undefined): DBCoreTransaction {
    if (mode !== 'readwrite') return down.transaction(stores, mode, opts);
    // Transactions over the same stores run in the order they were made: the empty one commits first.
    this.spendTurn(down, stores);
    const tx = down.transaction(stores, mode, opts);
    if (this.turn === 'leave') this.cleanupTransactions.add(tx);
    this.turn = null;
    // Dexie's IndexedDB core hands out the IDBTransaction itself.
    if (tx instanceof EventTarget) {
      const idbTx = tx as IDBTransaction;
      idbTx.addEventListener('abort', () => {
        if (!isQuotaError(idbTx.error) && !this.refusedTransactions.has(tx)) return;
        this.turn = this.puttingTransactions.has(tx) ? 'spend' : 'leave';
        if (this.turn === 'leave') this.retryWanted = true;
        else setTimeout(() => this.spendTurn(down, stores), 0);
      });
    }
    return tx;
  }

  private spendTurn(down: DBCore, stores: string[]): void {
    if (this.turn !== 'spend') return;
    this.turn = null;
    try {
      down.transaction(stores, 'readwrite');
    } catch {
      // The connection is closing: the next write opens a new one, which has no such turn.
    }
  }

  /** Notes what one request does to the turn: a put or add, a refusal for quota, a put or add the turn refused. */
  private noteCleanupRefusal(req: DBCoreMutateRequest, mutate: () => Promise<DBCoreMutateResponse>): Promise<DBCoreMutateResponse> {
    const putting = req.type === 'add' || req.type === 'put';
    if (putting) this.puttingTransactions.add(req.trans);
    const note = (err: unknown) => {
      if (isQuotaError(err)) this.refusedTransactions.add(req.trans);
      else if (putting && this.cleanupTransactions.has(req.trans) && (err as { name?: unknown } | null)?.name === 'InvalidStateError') this.retryWanted = true;
      return err;
    };
    try {
      return mutate().then(
        // Firefox refuses single requests of a bulk write too: they come back as failures.
        (res) => {
          if (Object.values(res.failures).some(isQuotaError)) this.refusedTransactions.add(req.trans);
          return res;
        },
        (err: unknown) => Promise.reject(note(err)),
      );
    } catch (err) {
      throw note(err);
    }
  }

  /** Whether a request failed in a way that running it once more may mend (see above); asking clears it. */
  takeRetry(): boolean {
    const wanted = this.retryWanted;
    this.retryWanted = false;
    return wanted;
  }
}

const isQuotaError = (e: unknown): boolean => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';
