import { randomUUID } from "node:crypto";
import type { DbClient } from "~/db.server";
import { ConflictError, NotFoundError } from "~/errors";
import { enqueueJob } from "~/jobs/queue.server";
import type { ExceptionKind } from "../kinds";
import { ACTION_STATUS, type ExceptionActionName } from "./kinds";
import { automaticActions, offeredActions } from "./offered";
import type { ActionsByKind } from "./settings";

/** The job that runs one exception action (job.server.ts). */
export const EXCEPTION_ACTION_JOB = "exceptions.action";

/**
 * Records the flag's automatic actions inside the scan's transaction and enqueues a job for each: one row per
 * (flag, action), so a repeated scan or a replay adds nothing. Returns how many were recorded.
 */
export async function recordAutomaticActions(
  tx: DbClient,
  shop: string,
  flag: { id: string; kind: ExceptionKind; shipmentId: string | null },
  actions: ActionsByKind,
  now: Date,
): Promise<number> {
  let recorded = 0;
  for (const action of automaticActions(actions, flag.kind, flag.shipmentId !== null)) {
    if (await recordAction(tx, shop, flag.id, action, "auto", now)) recorded++;
  }
  return recorded;
}

/**
 * "Run now": records and enqueues one action the merchant started for an open flag. A failed action is put back
 * to pending and run again (the merchant fixed what Shopify objected to); one that succeeded or is under way is
 * refused with ConflictError, so a double click never creates two draft orders.
 */
export async function requestAction(tx: DbClient, shop: string, exceptionId: string, action: ExceptionActionName, actions: ActionsByKind, now = new Date()): Promise<void> {
  const flag = await tx.shipmentException.findFirst({ where: { shop, id: exceptionId }, select: { kind: true, shipmentId: true, resolvedAt: true } });
  if (!flag) throw new NotFoundError("Exception", exceptionId);
  const kind = flag.kind as ExceptionKind;
  if (!actions[kind] || !offeredActions(actions, kind, flag.shipmentId !== null).includes(action)) {
    throw new ConflictError(`"${action}" is not switched on for ${flag.kind} exceptions`);
  }
  if (await recordAction(tx, shop, exceptionId, action, "manual", now)) return;
  const { count } = await tx.exceptionAction.updateMany({
    where: { shop, exceptionId, action, status: ACTION_STATUS.failed },
    data: { status: ACTION_STATUS.pending, requestedBy: "manual", claimedAt: null, completedAt: null },
  });
  if (count === 0) throw new ConflictError(`"${action}" already ran or is running for this exception`);
  const row = await tx.exceptionAction.findFirstOrThrow({ where: { shop, exceptionId, action }, select: { id: true } });
  await enqueueActionJob(tx, shop, row.id, now);
}

// ON CONFLICT rather than catching a unique violation: on PostgreSQL a failed INSERT aborts the caller's transaction.
async function recordAction(tx: DbClient, shop: string, exceptionId: string, action: ExceptionActionName, requestedBy: "auto" | "manual", now: Date): Promise<boolean> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ExceptionAction" ("shop", "id", "exceptionId", "action", "requestedBy", "status", "attempts", "createdAt", "updatedAt")
    VALUES (${shop}, ${randomUUID()}, ${exceptionId}, ${action}, ${requestedBy}, ${ACTION_STATUS.pending}, 0, ${now}, ${now})
    ON CONFLICT ("shop", "exceptionId", "action") DO NOTHING
    RETURNING "id"`;
  const id = inserted[0]?.id;
  if (!id) return false;
  await enqueueActionJob(tx, shop, id, now);
  return true;
}

function enqueueActionJob(tx: DbClient, shop: string, actionId: string, now: Date) {
  return enqueueJob(tx, shop, EXCEPTION_ACTION_JOB, { actionId }, { runAt: now, uniqueKey: `exception-action:${actionId}` });
}
