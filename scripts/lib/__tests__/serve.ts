import type { AddressInfo } from "node:net";
import express, { type RequestHandler, type Response } from "express";

/** The headers a real HTTP response carries when `middleware` runs before a route that answers with `respond`. */
export async function headersServedWith(middleware: RequestHandler, respond: (response: Response) => void): Promise<Headers> {
  const app = express();
  app.use(middleware);
  app.get("/", (_request, response) => respond(response));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await response.arrayBuffer();
    return response.headers;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Answers the way @remix-run/express does: every header of a web Response appended, then the body. */
export function sendLikeRemix(headers: Headers): (response: Response) => void {
  return (response) => {
    for (const [name, value] of headers) response.append(name, value);
    response.status(200).send("<!doctype html>");
  };
}
