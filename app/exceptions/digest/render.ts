import mjml2html from "mjml";
import { EmailTemplateError } from "~/notifications/email/render";
import { digestMjml, digestSubject, digestText, type DigestFacts } from "./content";

/** Renders the digest as a responsive HTML email with its plain-text twin. */
export async function renderDigest(facts: DigestFacts): Promise<{ subject: string; html: string; text: string }> {
  const result = await mjml2html(digestMjml(facts), { validationLevel: "strict", ignoreIncludes: true, keepComments: false });
  if (result.errors.length) throw new EmailTemplateError(result.errors.map((error) => `line ${error.line}: ${error.message}`).join("; "));
  return { subject: digestSubject(facts), html: result.html, text: digestText(facts) };
}
