import type { RequestHandler } from "express";
import { passThrough, rewriteResponseHeader } from "./rewrite-response-header";

/**
 * Adds `origin` to a Content-Security-Policy's frame-ancestors sources. Other directives, a policy without
 * frame-ancestors, and `'none'` (framing refused on purpose) are left exactly as they were.
 */
export function allowFrameAncestor(policy: string, origin: string): string {
  return policy
    .split(";")
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() !== "frame-ancestors" || sources.includes("'none'") || sources.includes(origin)) return directive;
      return `${directive.trimEnd()} ${origin}`;
    })
    .join(";");
}

/**
 * Lets the local stand-in's admin page frame the app. The library's frame-ancestors lists only Shopify's admin
 * origins (in entry.server and on its own bounce and exit-iframe pages), so the header is amended on every
 * response. Without a stand-in URL (a real store) the headers are untouched.
 */
export function allowFramingByStandIn(standInUrl: string | undefined): RequestHandler {
  if (!standInUrl) return passThrough;
  const origin = new URL(standInUrl).origin;
  return rewriteResponseHeader("content-security-policy", (policy) => allowFrameAncestor(policy, origin));
}
