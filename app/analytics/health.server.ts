import type { DbClient } from "~/db.server";
import { logger } from "~/logger.server";

/** What the health probe reports; no auth, so nothing about any shop. */
export interface Health {
  status: "ok" | "degraded";
  database: "reachable" | "unreachable";
}

const PROBE_TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query within two seconds. */
export async function checkHealth(client: DbClient): Promise<Health> {
  try {
    await withTimeout(client.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS);
    return { status: "ok", database: "reachable" };
  } catch (error) {
    logger.warn({ error: (error as Error).name }, "health check: database unreachable");
    return { status: "degraded", database: "unreachable" };
  }
}

// A hung connection must fail the probe, not hang the orchestrator's request.
function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}
