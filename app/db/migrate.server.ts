import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { postgresSchema, providerOf, sqlitePath } from "../db.server";
import { migrationsDir, pendingMigrations, readMigrations, type AppliedMigration } from "./migrations.server";

// Prisma's own bookkeeping table, column for column, so the Prisma CLI sees our migrations as applied.
const SQLITE_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;
const POSTGRES_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
// The advisory lock key Prisma Migrate takes, so we and the CLI never migrate at the same time.
const PRISMA_ADVISORY_LOCK = 72707369;

/** Applies every pending migration to the database at `url`; returns the names applied. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(migrationsDir(provider, root));
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

function migrateSqlite(url: string, migrations: ReturnType<typeof readMigrations>): string[] {
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const connection = new Sqlite(path, { timeout: 10_000 });
  try {
    connection.pragma("journal_mode = WAL");
    connection.exec(SQLITE_LEDGER);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front, so two processes starting together migrate once.
    connection.transaction(() => {
      const rows = connection.prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`).all() as AppliedMigration[];
      for (const migration of pendingMigrations(migrations, rows)) {
        connection.exec(migration.sql);
        connection
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`)
          .run(randomUUID(), migration.checksum, Date.now(), migration.name, Date.now());
        applied.push(migration.name);
      }
    }).immediate();
    return applied;
  } finally {
    connection.close();
  }
}

async function migratePostgres(url: string, migrations: ReturnType<typeof readMigrations>): Promise<string[]> {
  const schema = postgresSchema(url);
  const connectionUrl = new URL(url);
  connectionUrl.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: connectionUrl.toString() });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(POSTGRES_LEDGER);
    const { rows } = await client.query<AppliedMigration>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied: string[] = [];
    for (const migration of pendingMigrations(migrations, rows)) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}
