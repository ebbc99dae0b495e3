import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { serializeSqliteConnection } from "./db/serialized-sqlite.server";
import { env } from "./env.server";

/**
 * The Prisma client type the app codes against. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so they are interchangeable.
 */
export type Db = SqliteClient;
export type DbProvider = "sqlite" | "postgresql";
/** A Prisma client or the client of an interactive transaction. */
export type DbClient = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Database {
  readonly prisma: Db;
  readonly provider: DbProvider;
  readonly url: string;
  close(): Promise<void>;
}

/** The provider behind a client or a transaction client (Prisma keeps it on both). */
export function clientProvider(client: DbClient): DbProvider {
  return (client as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

export function providerOf(url: string): DbProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgres://, got "${url.split(":")[0]}:…"`);
}

/** The file path of a SQLite URL (file:./x.db, file:/abs/x.db). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0]!;
}

/** The PostgreSQL schema a URL selects with ?schema=, or "public". */
export function postgresSchema(url: string): string {
  return new URL(url).searchParams.get("schema") ?? "public";
}

function postgresConnectionString(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("schema");
  return parsed.toString();
}

/** Opens a database by URL: SQLite for file: URLs, PostgreSQL for postgres:// URLs. */
export function createDatabase(url: string, options: { poolSize?: number } = {}): Database {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    // WAL lets readers run while the single writer commits; busy_timeout makes writers wait for the lock.
    const adapter = serializeSqliteConnection(new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: 10_000 }));
    const prisma = new SqliteClient({ adapter });
    return { prisma, provider, url, close: () => prisma.$disconnect() };
  }
  const schema = postgresSchema(url);
  const adapter = new PrismaPg(
    {
      connectionString: postgresConnectionString(url),
      max: options.poolSize ?? 10,
      // Raw SQL (the job queue) is unqualified, so it must resolve in the same schema as Prisma's queries.
      options: `-c search_path="${schema}"`,
    },
    { schema },
  );
  const prisma = new PostgresClient({ adapter }) as unknown as Db;
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}

let current: Database | undefined;

/** The process-wide database chosen by DATABASE_URL. */
export function database(): Database {
  current ??= createDatabase(env().DATABASE_URL);
  return current;
}

/** The process-wide Prisma client. */
export function db(): Db {
  return database().prisma;
}

/** Makes `next` the process-wide database (tests give each file its own). */
export function setDatabase(next: Database | undefined): void {
  current = next;
}

/** Closes the process-wide database (tests and graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.close();
}
