import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  TemplateEditorPage,
  type TemplateActionResult,
} from "~/admin/notifications/TemplateEditorPage";
import { db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { configuredChannels } from "~/notifications/channels.server";
import { sendTestEmail } from "~/notifications/admin/send-test.server";
import { checkTemplateFields, templateKeySchema } from "~/notifications/templates/check";
import { previewDraft, templateEditorState } from "~/notifications/templates/editor.server";
import { resetTemplate, saveTemplate } from "~/notifications/templates/templates.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [
  { title: "Templates · Notifications · Aftercare" },
];

const keyQuerySchema = templateKeySchema.extend({
  trigger: templateKeySchema.shape.trigger.default("order_confirmed"),
  channel: templateKeySchema.shape.channel.default("email"),
  locale: templateKeySchema.shape.locale.default("en"),
});

const intentSchema = z.object({
  intent: z.enum(["save", "reset", "preview", "send-test"], { error: "unknown action" }),
  to: z.string().optional(),
});

/** The template of ?trigger=&channel=&locale= with the catalogue's copy, its placeholders and a preview. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const key = keyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!key.success) {
    const error = InvalidInputError.fromZod(key.error, "The template could not be chosen");
    return data({ ok: false as const, message: error.message, fieldErrors: error.fieldErrors }, { status: 422 });
  }
  return data({ ok: true as const, state: await templateEditorState(db(), session.shop, key.data) });
}

/** Saves, resets, previews or test-sends the template; a template with errors answers 422 naming line and column. */
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  try {
    const key = templateKeySchema.safeParse(form);
    if (!key.success) throw InvalidInputError.fromZod(key.error, "The template could not be chosen");
    const intent = intentSchema.safeParse(form);
    if (!intent.success) throw InvalidInputError.fromZod(intent.error, "The action could not be read");
    switch (intent.data.intent) {
      case "save":
        await saveTemplate(db(), session.shop, key.data, form);
        return data<TemplateActionResult>({ ok: true, intent: "save" });
      case "reset":
        await resetTemplate(db(), session.shop, key.data);
        return data<TemplateActionResult>({ ok: true, intent: "reset" });
      case "preview":
        return data<TemplateActionResult>({ ok: true, intent: "preview", preview: await previewDraft(db(), session.shop, key.data, form) });
      case "send-test": {
        const to = z.email("must be an email address such as you@example.com").safeParse(intent.data.to);
        if (!to.success) throw new InvalidInputError({ to: [to.error.issues[0]!.message] }, "The test email could not be sent");
        if (key.data.channel !== "email") throw new InvalidInputError({ channel: ["test sends are for email templates"] }, "The test email could not be sent");
        const draft = checkTemplateFields(key.data, form);
        await sendTestEmail(db(), session.shop, { trigger: key.data.trigger, locale: key.data.locale, to: to.data }, configuredChannels().email, draft);
        return data<TemplateActionResult>({ ok: true, intent: "send-test", to: to.data });
      }
    }
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return data<TemplateActionResult>({ ok: false, message: error.message, fieldErrors: error.fieldErrors }, { status: 422 });
  }
}

export default function TemplateEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <TemplateEditorPage loaded={loaded} result={result} />;
}
