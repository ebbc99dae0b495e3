import mjml2html from "mjml";
import type { MessageFacts } from "../message-facts";
import { emailMjml, emailSubject } from "./template";
import { emailText } from "./text";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Thrown when our MJML does not validate: a bug in the template, never the shopper's data. */
export class EmailTemplateError extends Error {
  override readonly name = "EmailTemplateError";
}

/** Renders a message as a responsive HTML email (MJML) with its plain-text twin. */
export async function renderEmail(facts: MessageFacts): Promise<RenderedEmail> {
  // strict: an invalid template fails loudly instead of sending a half-rendered email; no includes, no files read.
  const result = await mjml2html(emailMjml(facts), { validationLevel: "strict", ignoreIncludes: true, keepComments: false });
  if (result.errors.length) {
    throw new EmailTemplateError(result.errors.map((error) => `line ${error.line}: ${error.message}`).join("; "));
  }
  return { subject: emailSubject(facts), html: result.html, text: emailText(facts) };
}
