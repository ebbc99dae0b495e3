import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";
import { sqlitePath } from "../../app/db.server";

export type BenchDb = "sqlite" | "postgres";

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A fresh database URL for one bench run (a file, or a schema in the test database). */
export function benchDatabaseUrl(db: BenchDb, label: string): string {
  const suffix = `${label}_${randomBytes(4).toString("hex")}`;
  return db === "sqlite" ? `file:.data/bench-${suffix}.db` : `${POSTGRES_URL}?schema=bench_${suffix}`;
}

export async function dropDatabase(url: string): Promise<void> {
  if (url.startsWith("file:")) {
    const path = sqlitePath(url);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${new URL(url).searchParams.get("schema")}" CASCADE`);
  await client.end();
}
