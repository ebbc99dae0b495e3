import escapeHtml from "escape-html";

/** A minimal, self-contained page for the public notification endpoints (no app shell, no scripts). */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#1a1a1a;color:#fff;cursor:pointer}</style></head><body><main>${body}</main></body></html>`;
}

/** Asks the shopper to confirm; a GET must not unsubscribe (mail scanners follow links). */
export function unsubscribeConfirmPage(actionPath: string): string {
  return page(
    "Unsubscribe",
    `<h1>Unsubscribe from delivery updates?</h1><p>You will no longer receive emails about your orders from this shop.</p><form method="post" action="${escapeHtml(actionPath)}"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function unsubscribedPage(): string {
  return page("Unsubscribed", "<h1>You're unsubscribed</h1><p>You won't receive delivery update emails from this shop any more.</p>");
}

/** One answer for every bad link: forged, expired or malformed look the same. */
export function invalidLinkPage(): string {
  return page("Link not valid", "<h1>This link is not valid</h1><p>It may have expired. The latest email from the shop has a working link.</p>");
}

/** The 1×1 transparent GIF of the open pixel. */
export const TRANSPARENT_GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** A TwiML reply: one <Message> or an empty <Response/>. */
export function twiml(reply: string | null): string {
  return reply ? `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeHtml(reply)}</Message></Response>` : `<?xml version="1.0" encoding="UTF-8"?><Response/>`;
}
