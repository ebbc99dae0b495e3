import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "~/db.server";
import { defineJob } from "../registry";

/** A shop domain no other test uses. */
export function freshShop(): string {
  return `shop-${randomUUID().slice(0, 8)}.myshopify.com`;
}

/** `base` moved by `ms`. */
export function later(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}

/** The stored job row, read the way app code must: by shop and id. */
export function jobRow(database: Database, shop: string, id: string) {
  return database.prisma.job.findFirstOrThrow({ where: { shop, id } });
}

// Claims look at every shop's jobs, so each test starts from an empty queue.
export async function emptyQueue(database: Database): Promise<void> {
  await database.prisma.job.deleteMany({});
}

/** A job that does nothing with a { n } payload. */
export const noopJob = defineJob({
  name: "test.noop",
  payload: z.object({ n: z.number().int() }),
  handle: async () => undefined,
});

/** A promise with its resolve function, to hold a handler open until the test lets it finish. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
