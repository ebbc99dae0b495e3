import { randomBytes } from "node:crypto";
import escapeHtml from "escape-html";
import mjml2html from "mjml";
import type { MessageFacts } from "../message-facts";
import { emailCopy, emailMjml } from "./template";
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

// A slot is a word MJML passes through untouched, with a per-process random part so no branding value can
// imitate one; filling is one pass over the compiled layout, so a value is never scanned for slots again.
const SLOT_NONCE = randomBytes(6).toString("hex");
const SLOT_OPEN = `aftercareslot${SLOT_NONCE}n`;
const SLOT_CLOSE = "z";
const SLOT = new RegExp(`${SLOT_OPEN}(\\d+)${SLOT_CLOSE}`, "g");

/**
 * Renders a message as a responsive HTML email (MJML) with its plain-text twin. Compiling MJML costs milliseconds,
 * so a layout is compiled once: the MJML is built with a numbered slot for every value (text, names, links), the
 * slotted MJML is compiled and kept, and each message fills its escaped values into the compiled HTML. Messages in
 * the same language, branding and shape (parcels, items, which optional lines) share one compiled layout.
 */
export async function renderEmail(facts: MessageFacts): Promise<RenderedEmail> {
  const copy = emailCopy(facts);
  const values: string[] = [];
  const slotted = emailMjml(facts, copy, (text) => `${SLOT_OPEN}${values.push(escapeHtml(text)) - 1}${SLOT_CLOSE}`);
  const layout = await compiledLayout(slotted);
  return { subject: copy.subject, html: layout.replace(SLOT, (_slot, index: string) => values[Number(index)]!), text: emailText(facts, copy) };
}

/** Compiled layouts by their slotted MJML; the shapes in use are few, the bound only stops a leak. */
const layouts = new Map<string, Promise<string>>();
const MAX_LAYOUTS = 500;

function compiledLayout(slotted: string): Promise<string> {
  let layout = layouts.get(slotted);
  if (layout) {
    // Most recently used last, so the oldest is evicted first.
    layouts.delete(slotted);
    layouts.set(slotted, layout);
    return layout;
  }
  layout = compile(slotted);
  // A layout that does not compile is not kept: the error is thrown for every message, as before.
  layout.catch(() => layouts.delete(slotted));
  layouts.set(slotted, layout);
  if (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
  return layout;
}

async function compile(mjml: string): Promise<string> {
  // strict: an invalid template fails loudly instead of sending a half-rendered email; no includes, no files read.
  const result = await mjml2html(mjml, { validationLevel: "strict", ignoreIncludes: true, keepComments: false });
  if (result.errors.length) {
    throw new EmailTemplateError(result.errors.map((error) => `line ${error.line}: ${error.message}`).join("; "));
  }
  return result.html;
}
