import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  EmailPreviewPage,
  type SendTestResult,
} from "~/admin/notifications/EmailPreviewPage";
import { db } from "~/db.server";
import { DomainError, httpStatusOf, InvalidInputError } from "~/errors";
import {
  previewQuerySchema,
  sendTestInputSchema,
} from "~/notifications/admin/preview-input";
import { previewEmail } from "~/notifications/admin/preview.server";
import { sendTestEmail } from "~/notifications/admin/send-test.server";
import { configuredChannels } from "~/notifications/channels.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [
  { title: "Email preview · Notifications · Aftercare" },
];

/** A trigger's email (?trigger=&locale=) rendered for the shop's latest order, as the sender renders it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = previewQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams)
  );
  if (!parsed.success) {
    const error = InvalidInputError.fromZod(
      parsed.error,
      "The preview could not be chosen"
    );
    return data(
      {
        ok: false as const,
        message: error.message,
        fieldErrors: error.fieldErrors,
      },
      { status: 422 }
    );
  }
  return data({
    ok: true as const,
    query: parsed.data,
    preview: await previewEmail(db(), session.shop, parsed.data),
  });
}

/** Sends the previewed email to the address the merchant entered. */
export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = sendTestInputSchema.safeParse(
    Object.fromEntries(await request.formData())
  );
  if (!parsed.success) {
    const error = InvalidInputError.fromZod(
      parsed.error,
      "The test email could not be sent"
    );
    return data<SendTestResult>(
      { ok: false, message: error.message, fieldErrors: error.fieldErrors },
      { status: 422 }
    );
  }
  try {
    await sendTestEmail(
      db(),
      session.shop,
      parsed.data,
      configuredChannels().email
    );
    return data<SendTestResult>({ ok: true, to: parsed.data.to });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data<SendTestResult>({ ok: false, message: error.message, fieldErrors: {} }, { status: httpStatusOf(error) });
  }
}

export default function EmailPreview() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <EmailPreviewPage loaded={loaded} result={result} />;
}
