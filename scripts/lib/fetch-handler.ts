import { Readable } from "node:stream";
import type { RequestHandler } from "express";

/** Serves a Fetch-API handler (Request → Response) from Express, streaming the request body through. */
export function fetchHandler(handle: (request: Request) => Promise<Response>): RequestHandler {
  return (req, res, next) => {
    const headers = new Headers();
    for (let index = 0; index < req.rawHeaders.length; index += 2) headers.append(req.rawHeaders[index]!, req.rawHeaders[index + 1]!);
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.originalUrl}`, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>),
      duplex: "half",
    } as RequestInit);
    handle(request)
      .then(async (response) => {
        res.status(response.status);
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(next);
  };
}
