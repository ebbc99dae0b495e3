import type { z } from "zod";
import type { Db } from "../db.server";
import type { Logger } from "../logger.server";

export { PermanentJobError } from "./errors";

/** What a job handler gets besides its payload. */
export interface JobContext {
  db: Db;
  shop: string;
  job: { id: string; name: string; attempt: number; maxAttempts: number };
  /** Already bound to the job's id, name and shop. Log ids and counts, never payloads. */
  logger: Logger;
  /** Aborted when this worker lost the job's lease (it will run again elsewhere): stop early if you can. */
  signal: AbortSignal;
}

/** A named, retryable, idempotent unit of work whose payload is checked by `payload` before `handle` runs. */
export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: Schema;
  handle(ctx: JobContext, payload: z.output<Schema>): Promise<void>;
}

/** Declares a job; register it in app/jobs/handlers.server.ts. */
export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

export type JobHandlers = ReadonlyMap<string, JobDefinition>;

/** Indexes job definitions by name; two definitions with one name are a programming error. */
export function jobHandlers(definitions: readonly JobDefinition[]): JobHandlers {
  const byName = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`Two job definitions are named "${definition.name}"`);
    byName.set(definition.name, definition);
  }
  return byName;
}
