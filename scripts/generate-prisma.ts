/**
 * Generates both Prisma clients. prisma/schema.prisma (SQLite) is the source of truth; the PostgreSQL
 * schema is derived from it so the two can never drift, then `prisma generate` runs for each.
 * The Prisma CLI wants its schema-engine binary even for `generate`, which it cannot download here;
 * generation never uses it, so any existing file satisfies the check.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "../prisma/derive-postgres-schema.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const sqliteSchemaPath = `${root}prisma/schema.prisma`;
const postgresSchemaPath = `${root}prisma/postgres/schema.prisma`;

writeFileSync(postgresSchemaPath, derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8")));

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false" };
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
}
