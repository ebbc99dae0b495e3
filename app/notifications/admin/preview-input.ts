import { z } from "zod";
import { MESSAGE_LOCALES } from "../messages";
import { TRIGGERS } from "../milestones";

/** Which email to preview: a trigger in a language (defaults: the first trigger, English). */
export const previewQuerySchema = z.object({
  trigger: z
    .enum(TRIGGERS, { error: "choose one of the notification triggers" })
    .default("order_confirmed"),
  locale: z
    .enum(MESSAGE_LOCALES, {
      error: "choose one of the notification languages",
    })
    .default("en"),
});

export type PreviewQuery = z.infer<typeof previewQuerySchema>;

/** The "send test" form: the previewed email and the address to send it to. */
export const sendTestInputSchema = previewQuerySchema.extend({
  to: z.email("must be an email address such as you@example.com"),
});

export type SendTestInput = z.infer<typeof sendTestInputSchema>;
