import { z } from "zod";
import { defineJob } from "~/jobs/registry";
import { configuredChannels, type NotificationChannels } from "~/notifications/channels.server";
import { EXCEPTION_DIGEST_JOB } from "./record.server";
import { sendDigest } from "./send.server";

/** The `exceptions.digest` job over the given email channel (tests pass their own SMTP server). */
export function createDigestJob(email: () => NotificationChannels["email"]) {
  return defineJob({
    name: EXCEPTION_DIGEST_JOB,
    payload: z.object({ digestId: z.string().min(1) }),
    async handle(ctx, { digestId }) {
      const result = await sendDigest(ctx.db, ctx.shop, digestId, { email: email(), attempt: ctx.job.attempt, maxAttempts: ctx.job.maxAttempts });
      ctx.logger.info({ digestId, result }, "exceptions digest finished");
    },
  });
}

/** The registered job, over the configured SMTP sender. */
export const exceptionDigestJob = createDigestJob(() => configuredChannels().email);
