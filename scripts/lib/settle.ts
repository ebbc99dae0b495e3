import type { DeliveryState } from "../../sim/webhooks/deliverer.ts";
import type { DbClient } from "../../app/db.server";
import { countPendingWork, type PendingWork } from "./pending-work";

// Shopify-side states that are over: the app answered, or the stand-in stopped trying.
const FINISHED_DELIVERY_STATES = new Set<DeliveryState>(["delivered", "failed", "dropped"]);

/** What settling reads from the stand-in (a StandIn is one): its record of webhook deliveries. */
export interface DeliveryRecord {
  webhooks: { deliveries(filter: { shop: string }): ReadonlyArray<{ state: DeliveryState }> };
}

export interface SettleProgress extends PendingWork {
  webhooksSent: number;
  webhooksTotal: number;
  elapsedMs: number;
}

/** The stack did not settle in time; `progress` says where it stood. */
export class StackNotSettledError extends Error {
  constructor(readonly progress: SettleProgress) {
    super(
      `not settled after ${Math.round(progress.elapsedMs / 1000)} s: ${progress.webhooksTotal - progress.webhooksSent} webhook(s) not delivered, ` +
        `${progress.unprocessedWebhooks} stored but unprocessed, ${progress.pendingJobs} job(s) pending`,
    );
    this.name = "StackNotSettledError";
  }
}

/** Whether nothing is left to deliver, process or run. */
export function isSettled(progress: SettleProgress): boolean {
  return progress.webhooksSent === progress.webhooksTotal && progress.unprocessedWebhooks === 0 && progress.pendingJobs === 0;
}

/**
 * Polls until the stand-in has finished delivering `shop`'s webhooks and the app has processed them and run
 * every due job (the backfill included); throws StackNotSettledError after `timeoutMs`.
 */
export async function waitUntilSettled(input: {
  standIn: DeliveryRecord;
  client: DbClient;
  shop: string;
  timeoutMs: number;
  intervalMs?: number;
  onProgress?: (progress: SettleProgress) => void;
}): Promise<SettleProgress> {
  const started = Date.now();
  for (;;) {
    const deliveries = input.standIn.webhooks.deliveries({ shop: input.shop });
    const progress: SettleProgress = {
      webhooksSent: deliveries.filter((delivery) => FINISHED_DELIVERY_STATES.has(delivery.state)).length,
      webhooksTotal: deliveries.length,
      ...(await countPendingWork(input.client, input.shop)),
      elapsedMs: Date.now() - started,
    };
    input.onProgress?.(progress);
    if (isSettled(progress)) return progress;
    if (progress.elapsedMs >= input.timeoutMs) throw new StackNotSettledError(progress);
    await new Promise((resolve) => setTimeout(resolve, input.intervalMs ?? 250));
  }
}
