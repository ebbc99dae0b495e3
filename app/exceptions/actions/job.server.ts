import { z } from "zod";
import { defineJob } from "~/jobs/registry";
import { configuredChannels } from "~/notifications/channels.server";
import { unauthenticated } from "~/shopify.server";
import type { ActionServices } from "./perform.server";
import { EXCEPTION_ACTION_JOB } from "./record.server";
import { runExceptionAction } from "./run.server";

const actionPayloadSchema = z.object({ actionId: z.string().min(1) });

/** The `exceptions.action` job over the given services (tests pass a fake Admin API and their SMTP server). */
export function createExceptionActionJob(services: () => ActionServices) {
  return defineJob({
    name: EXCEPTION_ACTION_JOB,
    payload: actionPayloadSchema,
    async handle(ctx, { actionId }) {
      const result = await runExceptionAction(ctx.db, ctx.shop, actionId, { services: services(), attempt: ctx.job.attempt, maxAttempts: ctx.job.maxAttempts });
      ctx.logger.info({ actionId, result }, "exception action finished");
    },
  });
}

/** The registered job: the shop's offline Admin API session and the configured SMTP sender. */
export const exceptionActionJob = createExceptionActionJob(() => ({
  admin: async (shop) => (await unauthenticated.admin(shop)).admin,
  email: configuredChannels().email,
}));
