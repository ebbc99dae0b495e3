import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { fetchHandler } from "../fetch-handler";

async function serve(handle: (request: Request) => Promise<Response>, send: (url: string) => Promise<Response>): Promise<Response> {
  const app = express();
  app.post("/webhooks/*", fetchHandler(handle));
  app.use((error: Error, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    response.status(500).send(error.message);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const response = await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await response.clone().arrayBuffer();
    return response;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("fetchHandler", () => {
  it("GIVEN a POST with headers and a body WHEN served THEN the handler sees them exactly and its status, headers and body come back", async () => {
    let seen: { url: string; method: string; topic: string | null; hmac: string | null; body: string } | undefined;
    const body = '{"id":9007199254740993,"name":"Zoë — 李雷"}';

    const response = await serve(
      async (request) => {
        seen = { url: new URL(request.url).pathname + new URL(request.url).search, method: request.method, topic: request.headers.get("x-shopify-topic"), hmac: request.headers.get("X-Shopify-Hmac-Sha256"), body: await request.text() };
        return new Response("stored", { status: 202, headers: { "x-outcome": "stored" } });
      },
      (url) => fetch(`${url}/webhooks/orders/create?x=1`, { method: "POST", headers: { "X-Shopify-Topic": "orders/create", "X-Shopify-Hmac-Sha256": "abc=" }, body }),
    );

    expect(seen).toEqual({ url: "/webhooks/orders/create?x=1", method: "POST", topic: "orders/create", hmac: "abc=", body });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-outcome")).toBe("stored");
    expect(await response.text()).toBe("stored");
  });

  it("GIVEN a handler that throws WHEN served THEN Express's error handler answers, the server survives", async () => {
    const response = await serve(
      async () => {
        throw new Error("boom");
      },
      (url) => fetch(`${url}/webhooks/x`, { method: "POST", body: "{}" }),
    );

    expect(response.status).toBe(500);
  });
});
