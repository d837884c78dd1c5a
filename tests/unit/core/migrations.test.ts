/**
 * Data written with every schema version must open with the current one and
 * lose nothing. Each version has a fixture in tests/fixtures/db/vN.json.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JieduDB } from '../../../src/background/db.ts';
import { SCHEMA_VERSIONS } from '../../../src/core/db-schema.ts';

const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixturePath = (v: number) => new URL(`../../fixtures/db/v${v}.json`, import.meta.url);

/** What a row of version `from` should look like after upgrading; identity until an upgrade changes data. */
const EXPECTED_AFTER_UPGRADE: Record<number, (table: string, row: Record<string, unknown>) => Record<string, unknown>> = {};

describe('schema migrations', () => {
  it('versions only grow', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens data written with schema v${version} using v${CURRENT_SCHEMA_VERSION}, losing nothing`, async () => {
      expect(existsSync(fixturePath(version)), `missing tests/fixtures/db/v${version}.json`).toBe(true);
      const fixture = JSON.parse(readFileSync(fixturePath(version), 'utf8')) as Fixture;
      const indexedDB = new IDBFactory();
      const name = `migrate-${version}`;

      const old = new JieduDB(name, { indexedDB, IDBKeyRange }, version);
      await old.open();
      expect(old.verno).toBe(version);
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
      old.close();

      const current = new JieduDB(name, { indexedDB, IDBKeyRange });
      await current.open();
      expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
      const expectRow = EXPECTED_AFTER_UPGRADE[version] ?? ((_t: string, r: Record<string, unknown>) => r);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await current.table(table).toArray();
        expect(stored).toHaveLength(rows.length);
        expect(stored).toEqual(rows.map((r) => expectRow(table, r)));
      }
      // The indexes of the current schema answer on migrated data.
      const first = fixture.tables.articles?.[0] as { url: string } | undefined;
      if (first) expect(await current.articles.where('url').equals(first.url).count()).toBe(1);
      const cards = (fixture.tables.cards ?? []) as { queue: string }[];
      for (const queue of new Set(cards.map((c) => c.queue))) {
        expect(await current.cards.where('[queue+due]').between([queue, ''], [queue, '\uffff']).count()).toBe(cards.filter((c) => c.queue === queue).length);
      }
      current.close();
    });
  }
});
