import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./logger.server";
import { ensureInProcessWorker, stopInProcessWorker } from "./jobs/in-process.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// The server build loads this module once at start: a single-machine install runs its jobs here too.
ensureInProcessWorker();

/** The webhook intake, mounted by server.ts ahead of Remix's router (see docs/decisions/0005-webhook-inbox.md). */
export { receiveWebhook as webhookIntake } from "./webhooks/intake.server";

/** Called by server.ts on shutdown, after the HTTP server stopped accepting requests. */
export const stopBackgroundWork = stopInProcessWorker;

/** How long a streamed render may wait for deferred data before it is aborted. */
export const streamTimeout = 5_000;

/** Renders a document: crawlers get the complete HTML, browsers get the shell as soon as it is ready. */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  // Shopify admin frames the app only with its CSP frame-ancestors and link headers.
  addDocumentResponseHeaders(request, responseHeaders);
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [readyEvent]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
        pipe(body);
      },
      onShellError: reject,
      onError: (error: unknown) => {
        status = 500;
        logger.error({ error: errorSummary(error) }, "render failed");
      },
    });
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Logs errors thrown by loaders and actions; aborted requests (the client went away) are not errors. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger.error({ error: errorSummary(error), path: new URL(request.url).pathname }, "request failed");
};

function errorSummary(error: unknown): { name: string; message: string; stack?: string } {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: "NonError", message: String(error) };
}
