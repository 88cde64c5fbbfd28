import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { Client } from 'pg';
import { PgStore } from '../../server/store/pg-store.ts';
import { SqliteStore } from '../../server/store/sqlite-store.ts';
import type { GameStore } from '../../server/store/store.ts';
import { tempDataDir } from './harness.ts';

/**
 * A place for one test's games, empty when it is made: a temporary directory for SQLite,
 * a schema of its own for PostgreSQL. `open` may be called again after closing a store,
 * which is how the tests prove that what was written survives.
 */
export type StorePlace = {
  open(): Promise<GameStore>;
  /** What the server process needs to use this place: `DATA_DIR`, and `DATABASE_URL` for PostgreSQL. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  remove(): Promise<void>;
};

export type StoreEngine = { name: 'SQLite' | 'PostgreSQL'; place(): Promise<StorePlace> };

const silent = pino({ level: 'silent' });

/** `DATABASE_URL` picks the PostgreSQL runs; blank counts as unset, as it does for the server. */
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

const sqlite: StoreEngine = {
  name: 'SQLite',
  async place() {
    const data = await tempDataDir();
    return { open: async () => new SqliteStore(data.dir), env: { DATA_DIR: data.dir }, remove: data.remove };
  },
};

function postgres(databaseUrl: string): StoreEngine {
  return {
    name: 'PostgreSQL',
    async place() {
      const data = await tempDataDir();
      const schema = `bb_test_${randomUUID().replaceAll('-', '')}`;
      await admin(databaseUrl, `CREATE SCHEMA ${schema}`);
      const url = withSearchPath(databaseUrl, schema);
      return {
        open: () => PgStore.open({ connectionString: url, log: silent }),
        env: { DATA_DIR: data.dir, DATABASE_URL: url },
        async remove() {
          await admin(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
          await data.remove();
        },
      };
    },
  };
}

/** The same database, with every table the store makes landing in `schema`: a per-test database, cheaply. */
function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function admin(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * SQLite always; PostgreSQL only when `DATABASE_URL` is set. Otherwise the one line saying
 * so is printed while the suite is collected, so a run without it is never mistaken for a pass.
 */
export function storeEngines(suite: string): StoreEngine[] {
  if (DATABASE_URL === undefined) {
    console.warn(`PostgreSQL ${suite} not run: DATABASE_URL is not set`);
    return [sqlite];
  }
  return [sqlite, postgres(DATABASE_URL)];
}
