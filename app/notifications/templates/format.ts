import { IntlMessageFormat } from "intl-messageformat";
import type { MessageLocale } from "../messages";

const compiled = new Map<string, IntlMessageFormat>();
const MAX_CACHED = 500;

/**
 * Formats a merchant's template text (validated at save) with the message's values. Tags are plain text here as
 * in validation; the email template escapes the result like any other copy.
 */
export function formatTemplate(text: string, locale: MessageLocale, values: Record<string, string | number>): string {
  const key = `${locale}\u0000${text}`;
  let format = compiled.get(key);
  if (!format) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return String(format.format(values));
}
