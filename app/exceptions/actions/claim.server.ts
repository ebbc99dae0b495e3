import type { Db } from "~/db.server";
import type { ExceptionAction } from "~/generated/sqlite/client";
import { ACTION_STATUS, REPEATABLE_ACTIONS, type ExceptionActionName } from "./kinds";

/** An attempt that claimed an action longer ago than this died mid-call (Admin API and SMTP time out well before). */
export const STALE_ACTION_CLAIM_MS = 3 * 60_000;

/** Thrown when another attempt is running the action right now: the job tries again later to see how it ended. */
export class ActionBusyError extends Error {
  override readonly name = "ActionBusyError";
}

export type ActionClaim = { claimed: true; action: ExceptionAction } | { claimed: false; status: string };

/**
 * Claims a pending action for this attempt (pending → running). An action found running under a stale claim was
 * cut short by a dying worker: a repeatable one (adding a tag) is claimed again; for the others whether Shopify or
 * the mail server acted is unknown, so it is marked failed rather than run twice (two draft orders are worse
 * than one the merchant is told to check).
 */
export async function claimAction(db: Db, shop: string, actionId: string, now: Date): Promise<ActionClaim> {
  const { count } = await db.exceptionAction.updateMany({
    where: { shop, id: actionId, status: ACTION_STATUS.pending },
    data: { status: ACTION_STATUS.running, claimedAt: now, attempts: { increment: 1 } },
  });
  const action = await db.exceptionAction.findFirst({ where: { shop, id: actionId } });
  if (!action) return { claimed: false, status: "missing" };
  if (count === 1) return { claimed: true, action };
  if (action.status !== ACTION_STATUS.running) return { claimed: false, status: action.status };
  if (action.claimedAt && now.getTime() - action.claimedAt.getTime() < STALE_ACTION_CLAIM_MS) {
    throw new ActionBusyError(`exception action ${actionId} is being run by another attempt`);
  }
  if (REPEATABLE_ACTIONS.has(action.action as ExceptionActionName)) {
    const { count: reclaimed } = await db.exceptionAction.updateMany({
      where: { shop, id: actionId, status: ACTION_STATUS.running, claimedAt: action.claimedAt },
      data: { claimedAt: now, attempts: { increment: 1 } },
    });
    return reclaimed === 1 ? { claimed: true, action: { ...action, claimedAt: now, attempts: action.attempts + 1 } } : { claimed: false, status: ACTION_STATUS.running };
  }
  await db.exceptionAction.updateMany({
    where: { shop, id: actionId, status: ACTION_STATUS.running, claimedAt: action.claimedAt },
    data: { status: ACTION_STATUS.failed, error: "outcome_unknown: the worker stopped mid-call; not repeated to avoid a duplicate — check Shopify", completedAt: now },
  });
  return { claimed: false, status: ACTION_STATUS.failed };
}

/** Finishes the claimed action; only the attempt holding the claim may. */
export async function finishAction(db: Db, action: ExceptionAction, data: Partial<Pick<ExceptionAction, "status" | "error" | "result" | "claimedAt" | "completedAt">>): Promise<boolean> {
  const { count } = await db.exceptionAction.updateMany({
    where: { shop: action.shop, id: action.id, status: ACTION_STATUS.running, claimedAt: action.claimedAt },
    data,
  });
  return count === 1;
}
