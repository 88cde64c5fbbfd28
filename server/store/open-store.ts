import type { Logger } from 'pino';
import { PgStore } from './pg-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { GameStore } from './store.ts';

export type StoreChoice = {
  /** Where the SQLite file lives when there is no database URL. */
  dataDir: string;
  /** `DATABASE_URL`: PostgreSQL, shared by every server process; blank or absent means SQLite. */
  databaseUrl?: string | undefined;
  log: Logger;
};

/** The one place that decides where games are kept: PostgreSQL when a database URL is given, else SQLite under `dataDir`. */
export async function openStore(choice: StoreChoice): Promise<GameStore> {
  const url = choice.databaseUrl?.trim() ?? '';
  if (url === '') {
    choice.log.info({ engine: 'sqlite', dataDir: choice.dataDir }, 'store opened');
    return new SqliteStore(choice.dataDir);
  }
  const store = await PgStore.open({ connectionString: url, log: choice.log });
  choice.log.info({ engine: 'postgresql', database: describeDatabase(url) }, 'store opened');
  return store;
}

/** Host and database name only: the URL's password never reaches a log. */
function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsed URL)';
  }
}
