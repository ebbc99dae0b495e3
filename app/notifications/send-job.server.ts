import { z } from "zod";
import { defineJob } from "~/jobs/registry";
import { configuredChannels, type NotificationChannels } from "./channels.server";
import { deliverMessage } from "./deliver.server";
import { SEND_JOB_NAME } from "./outbox.server";

const sendPayloadSchema = z.object({ messageId: z.string().min(1) });

/** The `notifications.send` job over the given channels (tests pass their own SMTP server and SMS fake). */
export function createSendJob(channels: () => NotificationChannels) {
  return defineJob({
    name: SEND_JOB_NAME,
    payload: sendPayloadSchema,
    async handle(ctx, { messageId }) {
      const result = await deliverMessage(ctx.db, ctx.shop, messageId, { channels: channels(), attempt: ctx.job.attempt, maxAttempts: ctx.job.maxAttempts });
      ctx.logger.info({ messageId, result }, "notification delivery attempt finished");
    },
  });
}

/** The registered send job, over the channels the environment configures. */
export const sendNotificationJob = createSendJob(configuredChannels);
