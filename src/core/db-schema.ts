/**
 * The database schema as a list of versions that only grows. Never edit a
 * published version: add a new one (with an upgrade function in
 * src/background/db.ts when data must change), and add a fixture for the old
 * version to tests/fixtures/db so the migration test opens it.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store definitions: primary key first, then indexes. */
  stores: Record<string, string | null>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: '++id, &url, site, publishedAt, firstSavedAt, lastSavedAt',
      vocabulary: '&simplified, traditional, createdAt, updatedAt, source, *tags',
      settings: '&key',
    },
  },
  {
    version: 2,
    stores: {
      // Review: a card per studied word and kind, found by [queue+due]; the log of every grade.
      cards: '&id, key, [queue+due]',
      reviewLog: '++id, cardId, review',
    },
  },
];

export const DB_NAME = 'jiedu';
