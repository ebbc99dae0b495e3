import { z } from "zod";
import type { Db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { sendTestEmail } from "../admin/send-test.server";
import type { NotificationChannels } from "../channels.server";
import { checkTemplateFields, templateKeySchema } from "./check";
import { previewDraft } from "./editor.server";
import { resetTemplate, saveTemplate } from "./templates.server";

type TemplatePreview = Awaited<ReturnType<typeof previewDraft>>;

export type TemplateCommandResult =
  | { ok: true; intent: "save" | "reset" }
  | { ok: true; intent: "preview"; preview: TemplatePreview }
  | { ok: true; intent: "send-test"; to: string };

const intentSchema = z.object({
  intent: z.enum(["save", "reset", "preview", "send-test"], { error: "unknown action" }),
  to: z.string().optional(),
});

/**
 * One command of the template editor's form: save, reset, preview or send a test of the template it names.
 * Throws InvalidInputError (a template with errors names line and column), EmailNotConfiguredError (409) or
 * TestEmailRefusedError (502) — domain errors the route maps with httpStatusOf.
 */
export async function runTemplateCommand(
  db: Db,
  shop: string,
  form: Record<string, unknown>,
  email: NotificationChannels["email"],
): Promise<TemplateCommandResult> {
  const key = templateKeySchema.safeParse(form);
  if (!key.success) throw InvalidInputError.fromZod(key.error, "The template could not be chosen");
  const intent = intentSchema.safeParse(form);
  if (!intent.success) throw InvalidInputError.fromZod(intent.error, "The action could not be read");
  switch (intent.data.intent) {
    case "save":
      await saveTemplate(db, shop, key.data, form);
      return { ok: true, intent: "save" };
    case "reset":
      await resetTemplate(db, shop, key.data);
      return { ok: true, intent: "reset" };
    case "preview":
      return { ok: true, intent: "preview", preview: await previewDraft(db, shop, key.data, form) };
    case "send-test": {
      const to = z.email("must be an email address such as you@example.com").safeParse(intent.data.to);
      if (!to.success) throw new InvalidInputError({ to: [to.error.issues[0]!.message] }, "The test email could not be sent");
      if (key.data.channel !== "email") throw new InvalidInputError({ channel: ["test sends are for email templates"] }, "The test email could not be sent");
      const draft = checkTemplateFields(key.data, form);
      await sendTestEmail(db, shop, { trigger: key.data.trigger, locale: key.data.locale, to: to.data }, email, draft);
      return { ok: true, intent: "send-test", to: to.data };
    }
  }
}
