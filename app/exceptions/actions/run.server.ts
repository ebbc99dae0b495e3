import type { Db } from "~/db.server";
import { ShopifyUserErrorsError } from "~/errors";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { DeliveryError } from "~/notifications/delivery-error";
import { ShopifyGraphqlError } from "~/shopify/admin-graphql.server";
import { claimAction, finishAction } from "./claim.server";
import { ACTION_STATUS } from "./kinds";
import { ActionNotPossibleError, performAction, type ActionServices } from "./perform.server";

export interface RunActionOptions {
  services: ActionServices;
  /** The job's attempt and limit: a transient failure on the last attempt is final. */
  attempt: number;
  maxAttempts: number;
  now?: Date;
}

/** How a run ended; `skipped` when the action was not pending (done already, or gone). */
export type ActionRunResult = "succeeded" | "failed" | "cancelled" | "skipped";

/**
 * Runs one exception action at most once: claims it, skips an automatic one whose flag closed meanwhile, performs
 * it and records the outcome. Throttling, Shopify's 5xx, network and SMTP 4xx failures put it back to pending and
 * throw so the job retries with backoff; userErrors, 4xx and impossible actions fail at once with the reason.
 */
export async function runExceptionAction(db: Db, shop: string, actionId: string, options: RunActionOptions): Promise<ActionRunResult> {
  const now = options.now ?? new Date();
  const claim = await claimAction(db, shop, actionId, now);
  if (!claim.claimed) return "skipped";
  const action = claim.action;
  const flag = await db.shipmentException.findFirst({ where: { shop, id: action.exceptionId }, select: { resolvedAt: true } });
  if (action.requestedBy === "auto" && flag?.resolvedAt) {
    await finishAction(db, action, { status: ACTION_STATUS.cancelled, error: "the exception was resolved before the action ran", completedAt: now });
    return "cancelled";
  }
  try {
    const { exceptions } = await getNotificationPreferences(db, shop);
    const result = await performAction(db, action, exceptions, options.services);
    await finishAction(db, action, { status: ACTION_STATUS.succeeded, result, error: null, completedAt: now });
    return "succeeded";
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.retryable && options.attempt < options.maxAttempts) {
      await finishAction(db, action, { status: ACTION_STATUS.pending, error: failure.message, claimedAt: null });
      throw error;
    }
    await finishAction(db, action, { status: ACTION_STATUS.failed, error: failure.message, completedAt: now });
    return "failed";
  }
}

/** What to record about a failure, and whether waiting can fix it. */
function describeFailure(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof ShopifyUserErrorsError) {
    const errors = error.userErrors.map((userError) => (userError.field?.length ? `${userError.field.join(".")}: ${userError.message}` : userError.message));
    return { message: `Shopify: ${errors.join("; ")}`.slice(0, 1000), retryable: false };
  }
  if (error instanceof ShopifyGraphqlError || error instanceof DeliveryError) return { message: error.message.slice(0, 1000), retryable: error.retryable };
  if (error instanceof ActionNotPossibleError) return { message: error.message, retryable: false };
  // Our own database or an unexpected failure before anything left the building: worth another try.
  return { message: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 1000), retryable: true };
}
