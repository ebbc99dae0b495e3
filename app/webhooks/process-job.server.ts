import { defineJob } from "~/jobs/registry";
import { PROCESS_WEBHOOK_JOB, processWebhookJobPayload } from "./process-job-payload";
import { processWebhookEvent } from "./process.server";
import { WEBHOOK_HANDLERS } from "./topics.server";

/** "webhooks.process": applies one stored webhook event (see processWebhookEvent). */
export const processWebhookJob = defineJob({
  name: PROCESS_WEBHOOK_JOB,
  payload: processWebhookJobPayload,
  handle: async ({ db, shop, job, logger }, { webhookEventId }) => {
    const status = await processWebhookEvent(db, shop, webhookEventId, WEBHOOK_HANDLERS, job);
    logger.debug({ webhookEventId, status }, "webhook event handled");
  },
});
