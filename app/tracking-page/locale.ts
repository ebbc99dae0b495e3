import Negotiator from "negotiator";
import { PAGE_LOCALES, type PageLocale } from "./messages";

export interface LocaleSources {
  /** `?locale=` on the page URL: an explicit choice (a language switch, a notification link). */
  query?: string | null;
  /** The locale the order was placed in. */
  orderLocale?: string | null;
  acceptLanguage?: string | null;
  /** The shop's default language from its settings. */
  shopDefault?: string | null;
}

/** The page language of a locale code ("de-AT" → "de"), or undefined when the page does not speak it. */
export function pageLocaleOf(code: string | null | undefined): PageLocale | undefined {
  const language = code?.trim().toLowerCase().split(/[-_]/)[0];
  return PAGE_LOCALES.find((locale) => locale === language);
}

/**
 * The language to render in: an explicit `?locale=` first, then the order's own locale (the shopper chose
 * it at checkout), then the browser's Accept-Language, then the shop's default, then English.
 */
export function choosePageLocale(sources: LocaleSources): PageLocale {
  const fromHeader = sources.acceptLanguage
    ? new Negotiator({ headers: { "accept-language": sources.acceptLanguage } }).language([...PAGE_LOCALES])
    : undefined;
  return (
    pageLocaleOf(sources.query) ??
    pageLocaleOf(sources.orderLocale) ??
    pageLocaleOf(fromHeader) ??
    pageLocaleOf(sources.shopDefault) ??
    "en"
  );
}
