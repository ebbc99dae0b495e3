import type { Stack } from "./stack";

/**
 * A desktop Chrome user agent. The library answers 410 to crawlers (isbot), which includes Node's fetch and
 * headless Chromium; a merchant's admin runs in an ordinary browser.
 */
export const MERCHANT_BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const BROWSER_HEADERS = { "User-Agent": MERCHANT_BROWSER_USER_AGENT };

/** The app's iframe URL in the stand-in's admin page: the app path plus Shopify's signed launch query. */
export function embeddedAppUrl(adminPageHtml: string): string {
  const src = /<iframe\b[^>]*\bid="app-iframe"[^>]*\bsrc="([^"]+)"/.exec(adminPageHtml)?.[1];
  if (!src) throw new Error("the admin page has no app iframe");
  // The admin page escapes the attribute; a URL's query only ever needs &amp; undone.
  return src.replaceAll("&amp;", "&");
}

/**
 * Opens the app once the way Shopify admin does: the admin page installs it (Shopify-managed install) and
 * frames it with an id_token, and the app's first load exchanges that token for an offline access token and
 * runs afterAuth (shop details, 30-day backfill). Resolves when the app has answered that load.
 */
export async function installApp(stack: Pick<Stack, "adminUrl">): Promise<void> {
  const admin = await fetch(stack.adminUrl, { headers: BROWSER_HEADERS });
  if (!admin.ok) throw new Error(`the stand-in's admin page answered ${admin.status}`);
  const launch = await fetch(embeddedAppUrl(await admin.text()), { headers: BROWSER_HEADERS });
  if (!launch.ok) throw new Error(`the app's first embedded load answered ${launch.status}: ${(await launch.text()).slice(0, 500)}`);
}
