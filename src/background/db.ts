/**
 * The library database (IndexedDB through Dexie). Opened only in the
 * background; every other context asks through messages.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
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
  }
}
