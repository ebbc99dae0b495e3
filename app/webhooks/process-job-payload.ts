import { z } from "zod";

/** The job that applies a stored webhook event; enqueued by the intake in the event's own transaction. */
export const PROCESS_WEBHOOK_JOB = "webhooks.process";

export const processWebhookJobPayload = z.object({ webhookEventId: z.string().min(1) });

export type ProcessWebhookJobPayload = z.infer<typeof processWebhookJobPayload>;
