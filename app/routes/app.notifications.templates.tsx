import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  TemplateEditorPage,
  type TemplateActionResult,
} from "~/admin/notifications/TemplateEditorPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import { configuredChannels } from "~/notifications/channels.server";
import { templateKeySchema } from "~/notifications/templates/check";
import { runTemplateCommand } from "~/notifications/templates/commands.server";
import { templateEditorState } from "~/notifications/templates/editor.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [
  { title: "Templates · Notifications · Aftercare" },
];

const keyQuerySchema = templateKeySchema.extend({
  trigger: templateKeySchema.shape.trigger.default("order_confirmed"),
  channel: templateKeySchema.shape.channel.default("email"),
  locale: templateKeySchema.shape.locale.default("en"),
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
    return data<TemplateActionResult>(await runTemplateCommand(db(), session.shop, form, configuredChannels().email));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : {};
    return data<TemplateActionResult>({ ok: false, message: error.message, fieldErrors }, { status: httpStatusOf(error) });
  }
}

export default function TemplateEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <TemplateEditorPage loaded={loaded} result={result} />;
}
