import { createHash, randomBytes } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { migrationsDir } from "~/db/migrations.server";
import { dropTestDatabase, TEST_POSTGRES_URL, testProvider } from "~/test/database";

// Databases and migration folders made by a test, removed after it.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty, never-migrated database of this run's provider. */
function emptyDatabaseUrl(): string {
  const suffix = `mig_${randomBytes(5).toString("hex")}`;
  const url = testProvider() === "postgres" ? `${TEST_POSTGRES_URL}?schema=${suffix}` : `file:${join(tmpdir(), `aftercare-${suffix}.db`)}`;
  cleanups.push(() => dropTestDatabase(url));
  return url;
}

/** A copy of the repository's migrations that a test may edit. */
function copyOfMigrations(): string {
  const root = mkdtempSync(join(tmpdir(), "aftercare-migrations-"));
  cpSync(join(process.cwd(), "prisma"), join(root, "prisma"), { recursive: true, filter: (source) => !source.endsWith(".prisma") });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

async function ledger(url: string): Promise<{ migration_name: string; checksum: string; finished_at: unknown }[]> {
  const database = createDatabase(url);
  try {
    return await database.prisma.$queryRaw`SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" ORDER BY "migration_name"`;
  } finally {
    await database.close();
  }
}

const provider = testProvider() === "postgres" ? "postgresql" : "sqlite";

/** The repository's migrations for this run's provider, read independently of the runner. */
const repositoryMigrations = () => {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, bytes: readFileSync(join(dir, entry.name, "migration.sql")) }))
    .sort((a, b) => a.name.localeCompare(b.name));
};

describe("npm run db:migrate (app/db/migrate.server.ts)", () => {
  it("GIVEN an empty database WHEN migrated twice THEN the second run applies nothing", async () => {
    const url = emptyDatabaseUrl();

    const first = await migrate(url);
    const second = await migrate(url);

    expect(first).toEqual(repositoryMigrations().map((migration) => migration.name));
    expect(second).toEqual([]);
  });

  it("GIVEN a migrated database WHEN its ledger is read THEN each migration is recorded, finished, with the sha256 of its file", async () => {
    const url = emptyDatabaseUrl();
    await migrate(url);

    const rows = await ledger(url);

    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(
      repositoryMigrations().map((migration) => ({ name: migration.name, checksum: createHash("sha256").update(migration.bytes).digest("hex") })),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("GIVEN an applied migration WHEN its file is edited THEN migrating refuses and names it", async () => {
    const url = emptyDatabaseUrl();
    const root = copyOfMigrations();
    await migrate(url, root);
    const [init] = repositoryMigrations();
    appendFileSync(join(migrationsDir(provider, root), init!.name, "migration.sql"), "\n-- edited after release\n");

    await expect(migrate(url, root)).rejects.toThrow(`Migration ${init!.name} was modified after it was applied (checksum differs)`);
  });

  it("GIVEN an applied database WHEN a new migration folder is added THEN only that one is applied", async () => {
    const url = emptyDatabaseUrl();
    const root = copyOfMigrations();
    await migrate(url, root);
    const added = join(migrationsDir(provider, root), "29991231000000_add_note");
    mkdirSync(added);
    writeFileSync(join(added, "migration.sql"), 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n');

    expect(await migrate(url, root)).toEqual(["29991231000000_add_note"]);
    expect((await ledger(url)).map((row) => row.migration_name)).toContain("29991231000000_add_note");
  });

  it("GIVEN two processes starting together WHEN both migrate an empty database THEN it is migrated once", async () => {
    const url = emptyDatabaseUrl();

    const results = await Promise.all([migrate(url), migrate(url)]);

    expect(results.flat()).toEqual(repositoryMigrations().map((migration) => migration.name));
    expect(await ledger(url)).toHaveLength(repositoryMigrations().length);
  });
});
