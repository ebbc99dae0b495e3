import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, createDatabase, type Database, setDatabase, sqlitePath } from "~/db.server";
import { migrate } from "~/db/migrate.server";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** Which database this test run uses: the vitest project sets TEST_DB. */
export function testProvider(): "sqlite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
}

/** A fresh, migrated, empty database URL of this run's provider. */
export async function createTestDatabaseUrl(label = "t"): Promise<string> {
  const suffix = `${label}_${randomBytes(5).toString("hex")}`;
  const url =
    testProvider() === "postgres"
      ? `${TEST_POSTGRES_URL}?schema=${suffix}`
      : `file:${join(tmpdir(), `aftercare-${suffix}.db`)}`;
  await migrate(url);
  return url;
}

/** Removes a database created by createTestDatabaseUrl. */
export async function dropTestDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    const path = sqlitePath(url);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    return;
  }
  const schema = new URL(url).searchParams.get("schema");
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Gives the test file its own migrated database and makes it the process-wide one (DATABASE_URL), so code
 * under test that calls db() uses it. Dropped after the file.
 */
export function useTestDatabase(): { get: () => Database } {
  let database: Database | undefined;
  let url = "";
  beforeAll(async () => {
    url = await createTestDatabaseUrl();
    process.env.DATABASE_URL = url;
    await closeDatabase();
    database = createDatabase(url);
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database?.close();
    await dropTestDatabase(url);
  });
  return {
    get: () => {
      if (!database) throw new Error("useTestDatabase(): the database is created in beforeAll");
      return database;
    },
  };
}
