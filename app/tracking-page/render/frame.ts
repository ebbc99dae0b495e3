import type { PageLocale, Translate } from "../messages";
import type { PageHref } from "../storefront-links";
import type { Branding } from "./styles";

/** What every tracking page shows around its content: the shop, its branding and language, its links. */
export interface PageFrame {
  shopName: string;
  locale: PageLocale;
  t: Translate;
  branding: Branding;
  /** The merchant's own heading, replacing "Track your order". */
  headline: string | null;
  /** Relative links to the other tracking pages ("" the look-up form, "lookup", "o/<token>"). */
  href: PageHref;
  contactEmail: string | null;
  /** Where "Start a return" goes; null when the shop has returns switched off. */
  returnsUrl: string | null;
}
