import { createHmac } from "node:crypto";
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi, WebhookValidationErrorReason } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { DomainError, httpStatusOf } from "~/errors";
import { isValidWebhookHmac } from "../signature.server";
import { verifyWebhookDelivery } from "../verify.server";

// The secret app/test/setup.ts configures, so our verifier and the library check the same thing.
const SECRET = process.env.SHOPIFY_API_SECRET!;
const library = shopifyApi({
  apiKey: "parity-key",
  apiSecretKey: SECRET,
  apiVersion: ApiVersion.July26,
  hostName: "127.0.0.1",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error, log: () => undefined },
});

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

const HEADERS = {
  "x-shopify-topic": "orders/create",
  "x-shopify-shop-domain": "parity.myshopify.com",
  "x-shopify-api-version": "2026-07",
  "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
};

async function libraryStatus(rawBody: string, headers: Record<string, string>): Promise<number> {
  const check = await library.webhooks.validate({ rawBody, rawRequest: new Request("https://app.example/webhooks/x", { method: "POST", headers }) });
  if (check.valid) return 200;
  return check.reason === WebhookValidationErrorReason.InvalidHmac ? 401 : 400;
}

function ourStatus(rawBody: string, headers: Record<string, string>): number {
  try {
    verifyWebhookDelivery(new Request("https://app.example/webhooks/x", { method: "POST", headers }), new TextEncoder().encode(rawBody));
    return 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    if (error instanceof DomainError) return httpStatusOf(error);
    throw error;
  }
}

const body = '{"id":9007199254740993,"name":"#1001 Zoë — 李雷"}';
const { ["x-shopify-topic"]: _topic, ...withoutTopic } = HEADERS;
const cases: Array<[string, string, Record<string, string>]> = [
  ["a correct signature", body, { ...HEADERS, "x-shopify-hmac-sha256": sign(body) }],
  ["another app's secret", body, { ...HEADERS, "x-shopify-hmac-sha256": sign(body, "other-secret") }],
  ["a body changed after signing", body.replace("1001", "1002"), { ...HEADERS, "x-shopify-hmac-sha256": sign(body) }],
  ["an empty body signed correctly", "", { ...HEADERS, "x-shopify-hmac-sha256": sign("") }],
  ["a truncated signature", body, { ...HEADERS, "x-shopify-hmac-sha256": sign(body).slice(0, 20) }],
  ["the hex form of the right digest", body, { ...HEADERS, "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("hex") }],
  ["garbage", body, { ...HEADERS, "x-shopify-hmac-sha256": "not-base64-!!" }],
  ["a signature without padding", body, { ...HEADERS, "x-shopify-hmac-sha256": sign(body).replace(/=+$/, "") }],
  ["no signature header", body, HEADERS],
  ["a correct signature but no topic header", body, { ...withoutTopic, "x-shopify-hmac-sha256": sign(body) }],
  ["a wrong signature and no topic header", body, { ...withoutTopic, "x-shopify-hmac-sha256": sign(body, "x") }],
];

describe("webhook verification parity with @shopify/shopify-api", () => {
  it.each(cases)("GIVEN %s WHEN verified THEN our status equals the library's", async (_label, rawBody, headers) => {
    expect(ourStatus(rawBody, headers)).toBe(await libraryStatus(rawBody, headers));
  });

  it("GIVEN the right secret THEN the signature is valid, and with another secret it is not", () => {
    const bytes = new TextEncoder().encode(body);
    expect(isValidWebhookHmac(bytes, sign(body), SECRET)).toBe(true);
    expect(isValidWebhookHmac(bytes, sign(body), "other")).toBe(false);
  });
});
