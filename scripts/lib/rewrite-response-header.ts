import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import onHeaders from "on-headers";

/** Middleware that changes nothing (a setting is off). */
export const passThrough: RequestHandler = (_request, _response, next) => next();

/**
 * Express middleware that rewrites every value of the response header `name` just before the headers are
 * sent, whoever set them: Remix's document headers, a loader's, or a page the Shopify library answers itself.
 */
export function rewriteResponseHeader(name: string, rewrite: (value: string) => string): RequestHandler {
  return (_request, response, next) => {
    onHeaders(response, function (this: ServerResponse) {
      const value = this.getHeader(name);
      if (typeof value === "string") this.setHeader(name, rewrite(value));
      else if (Array.isArray(value)) this.setHeader(name, value.map(rewrite));
    });
    next();
  };
}
