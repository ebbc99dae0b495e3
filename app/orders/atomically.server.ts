import { setTimeout as sleep } from "node:timers/promises";
import { clientProvider, type Db, type DbClient } from "~/db.server";

const MAX_ATTEMPTS = 4;
/** P2034: serialization failure / write conflict; P2002: a concurrent writer created the same row first. */
const CONFLICT_CODES = new Set(["P2034", "P2002"]);

// Prisma's transaction clients have $transaction too (it opens a savepoint), so the transactions opened here are
// remembered: work given one of them joins it instead of paying a SAVEPOINT and a RELEASE.
const openTransactions = new WeakSet<DbClient>();

function opened(tx: DbClient): DbClient {
  openTransactions.add(tx);
  return tx;
}

function canStartTransaction(client: DbClient): client is Db {
  return typeof (client as Partial<Db>).$transaction === "function" && !openTransactions.has(client);
}

/** A raw query (P2010) or the COMMIT itself reports a serialization failure only through the driver adapter's error kind. */
const CONFLICT_KIND = "TransactionWriteConflict";

type PrismaFailure = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } }; cause?: { kind?: unknown } } | null;

function isWriteConflict(error: unknown): boolean {
  const failure = error as PrismaFailure;
  if (typeof failure?.code === "string" && CONFLICT_CODES.has(failure.code)) return true;
  return failure?.meta?.driverAdapterError?.cause?.kind === CONFLICT_KIND || failure?.cause?.kind === CONFLICT_KIND;
}

export interface AtomicOptions {
  /**
   * The work guards its own writes: every update is compare-and-set on Shopify's updated_at (the row lock
   * orders writers of one record) and every insert has a unique key. PostgreSQL may then run it read
   * committed: serializable's predicate locks also abort concurrent workers writing unrelated records
   * (adjacent keys share index pages), which cut a queue of new orders to a few jobs a second.
   * SQLite has one writer and stays serializable.
   */
  guardedWrites?: boolean;
}

/**
 * Runs `work` in one serializable transaction, so a sync step is never half-written and two workers
 * applying events of the same order cannot interleave; a conflicting concurrent writer makes it run again.
 * Given a transaction client, runs inside the caller's transaction (the caller owns atomicity).
 */
export async function atomically<T>(client: DbClient, work: (tx: DbClient) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  if (!canStartTransaction(client)) return work(client);
  const readCommitted = options.guardedWrites === true && clientProvider(client) === "postgresql";
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction((tx) => work(opened(tx)), {
        // Db is typed as SQLite's client, whose only level is Serializable; PostgreSQL's client takes both.
        isolationLevel: (readCommitted ? "ReadCommitted" : "Serializable") as "Serializable",
        maxWait: 10_000,
        timeout: 30_000,
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isWriteConflict(error)) throw error;
      // Jitter, so the writers that collided do not collide again in lockstep.
      await sleep(attempt * 5 + Math.random() * 20);
    }
  }
}
