import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed number; it only has to be the same in every Parta process. */
const migrationLock = 7_027_278;

/**
 * PostgreSQL when a URL is given, otherwise PGlite in a data directory.
 * Both run the same committed migrations, so the SQL is the same everywhere.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  databasePoolSize?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // Several processes may start together on one database: an advisory lock held on one
    // connection lets the first apply the migrations while the others wait, then find nothing to do.
    const lockClient = new pg.Client({ connectionString: options.databaseUrl });
    await lockClient.connect();
    try {
      await lockClient.query('SELECT pg_advisory_lock($1)', [migrationLock]);
      await migrate(drizzle(lockClient), { migrationsFolder });
    } finally {
      await lockClient.end();
    }
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.databasePoolSize ?? 20 });
    // An idle connection the database drops (restart, failover) is replaced on the next query;
    // without a listener its error would crash the process.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzle(pool, { schema });
    return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, kind: 'pglite', close: () => client.close() };
}

export { schema };
