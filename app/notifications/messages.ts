import { IntlMessageFormat } from "intl-messageformat";
import { de } from "./catalogue/de";
import { en, type Catalogue, type MessageKey } from "./catalogue/en";
import { es } from "./catalogue/es";
import { fr } from "./catalogue/fr";

/** The languages notifications are written in; add one by adding a catalogue with en's keys. */
export const MESSAGE_LOCALES = ["en", "de", "fr", "es"] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

const CATALOGUES: Record<MessageLocale, Catalogue> = { en, de, fr, es };

export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** A translator for `locale`: ICU MessageFormat (plural, select) over the locale's catalogue. */
export function translator(locale: MessageLocale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}:${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(CATALOGUES[locale][key], locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

/** The notification language of a locale code ("fr-CA" → "fr"), or undefined when we do not write it. */
export function messageLocaleOf(code: string | null | undefined): MessageLocale | undefined {
  const language = code?.trim().toLowerCase().split(/[-_]/)[0];
  return MESSAGE_LOCALES.find((locale) => locale === language);
}

/** The language to write in: the order's (chosen at checkout), then the customer's, then the shop's default, then English. */
export function chooseMessageLocale(sources: { orderLocale?: string | null; customerLocale?: string | null; shopDefault?: string | null }): MessageLocale {
  return messageLocaleOf(sources.orderLocale) ?? messageLocaleOf(sources.customerLocale) ?? messageLocaleOf(sources.shopDefault) ?? "en";
}
