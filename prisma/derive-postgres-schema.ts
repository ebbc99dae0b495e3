const HEADER = "// GENERATED from prisma/schema.prisma by scripts/generate-prisma.ts — edit that file instead.\n";

/** The PostgreSQL twin of the SQLite schema: same models, other provider and client output. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const derived = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../app/generated/sqlite"', 'output       = "../../app/generated/postgres"');
  if (derived === sqliteSchema || !derived.includes("app/generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines the PostgreSQL schema is derived from");
  }
  return HEADER + derived;
}
