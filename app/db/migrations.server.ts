import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { DbProvider } from "../db.server";

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of the file, as Prisma records it, so `prisma migrate deploy` agrees with us later. */
  checksum: string;
}

/** Where each provider's migrations live, in Prisma's layout. */
export function migrationsDir(provider: DbProvider, root = process.cwd()): string {
  return provider === "sqlite" ? join(root, "prisma/migrations") : join(root, "prisma/postgres/migrations");
}

/** The migrations of a directory, in the order Prisma applies them (by folder name). */
export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
}

/** Which migrations still need to run; refuses when an applied one was edited or failed half-way. */
export function pendingMigrations(all: Migration[], applied: AppliedMigration[]): Migration[] {
  const byName = new Map(applied.map((row) => [row.migration_name, row]));
  for (const row of applied) {
    if (!row.finished_at) {
      throw new Error(`Migration ${row.migration_name} started but did not finish; repair the database before migrating`);
    }
  }
  return all.filter((migration) => {
    const row = byName.get(migration.name);
    if (!row) return true;
    if (row.checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was modified after it was applied (checksum differs)`);
    }
    return false;
  });
}
