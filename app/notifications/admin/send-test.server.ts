import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { env } from "~/env.server";
import { ConflictError, UpstreamServiceError } from "~/errors";
import { DeliveryError } from "../delivery-error";
import type { NotificationChannels } from "../channels.server";
import type { SendTestInput } from "./preview-input";
import type { TemplateOverrides } from "../templates/fields";
import { previewEmail } from "./preview.server";

/** SMTP_URL and MAIL_FROM are not set, so there is nothing to send a test through. */
export class EmailNotConfiguredError extends ConflictError {
  constructor() {
    super(
      "Email is not configured: set SMTP_URL and MAIL_FROM to send emails."
    );
  }
}

/** The mail server refused the test email or could not be reached (→ 502, with its reason). */
export class TestEmailRefusedError extends UpstreamServiceError {
  constructor(readonly reason: string) {
    super(`The mail server did not accept the test email (${reason}).`);
  }
}

/** Sends the previewed email (the saved template, or the editor's `draft`), subject marked as a test, to `input.to` through the configured SMTP sender. */
export async function sendTestEmail(
  db: Db,
  shop: string,
  input: SendTestInput,
  email: NotificationChannels["email"],
  draft?: TemplateOverrides
): Promise<{ providerMessageId: string }> {
  if (!email) throw new EmailNotConfiguredError();
  const preview = await previewEmail(db, shop, input, new Date(), draft);
  const host = new URL(env().SHOPIFY_APP_URL).hostname;
  const sent = email.sender.send({
    from: { name: preview.shopName, address: email.fromAddress },
    to: input.to,
    subject: `[Test] ${preview.email.subject}`,
    html: preview.email.html,
    text: preview.email.text,
    // A fresh id per test: these are not outbox messages and must not be threaded or deduplicated with them.
    messageId: `<test-${randomUUID()}@${host}>`,
    unsubscribeUrl: new URL("/", env().SHOPIFY_APP_URL).href,
  });
  return sent.catch((error: unknown) => {
    throw error instanceof DeliveryError ? new TestEmailRefusedError(error.reason) : error;
  });
}
