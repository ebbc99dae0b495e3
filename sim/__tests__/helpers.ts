import "@shopify/shopify-api/adapters/web-api";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { startStandIn, type StandIn, type StandInOptions } from "../index.ts";

export const API_KEY = "sim-test-key";
export const API_SECRET = "sim-test-secret";
export const SHOP = "test-outfitters.myshopify.com";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for the app: records every request and answers with `respond` (200 by default). */
export class FakeApp {
  readonly requests: ReceivedRequest[] = [];
  respond: (request: ReceivedRequest) => { status: number; body?: string; headers?: Record<string, string> } = () => ({ status: 200 });
  url = "";
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.requests.push(received);
        const { status, body, headers } = this.respond(received);
        res.writeHead(status, headers);
        res.end(body ?? "");
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  webhooks(topic?: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.headers["x-shopify-topic"] && (!topic || r.headers["x-shopify-topic"] === topic));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The stand-in, configured from the repository's shopify.app.toml, delivering to a FakeApp. */
export async function startTestStandIn(app: FakeApp, options: Partial<StandInOptions> = {}): Promise<StandIn> {
  return startStandIn({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    appUrl: app.url,
    shops: [SHOP],
    webhookRetry: { delaysMs: [20, 20, 20] },
    ...options,
  });
}

/** The Shopify library configured as the app configures it, to check the stand-in against its own checks. */
export function shopifyLibrary(appUrl = "http://127.0.0.1:3000") {
  return shopifyApi({
    apiKey: API_KEY,
    apiSecretKey: API_SECRET,
    apiVersion: ApiVersion.July26,
    hostName: new URL(appUrl).host,
    hostScheme: "http",
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error, log: async () => {} },
  });
}

/** A product variant id of the seeded or created catalogue. */
export function createSimpleCatalog(standIn: StandIn, shop = SHOP) {
  const product = standIn.store.createProduct(shop, {
    title: "Trail Mug",
    vendor: "Test",
    productType: "Gear",
    images: [{ url: `${standIn.url}/cdn/shop/files/trail-mug.svg` }],
    variants: [
      { title: "Blue", sku: "MUG-BLUE", priceCents: 1800, grams: 300 },
      { title: "Red", sku: "MUG-RED", priceCents: 1900, grams: 300 },
    ],
  });
  const customer = standIn.store.createCustomer(shop, {
    firstName: "Zoë",
    lastName: "Müller",
    email: "zoe@example.de",
    phone: "+4915550123456",
    locale: "de",
    emailMarketing: "subscribed",
    smsMarketing: "subscribed",
    address: {
      company: null,
      address1: "Marienplatz 8",
      address2: null,
      city: "München",
      province: "Bavaria",
      provinceCode: "BY",
      country: "Germany",
      countryCode: "DE",
      zip: "80331",
      phone: null,
      latitude: null,
      longitude: null,
    },
  });
  return { product, customer, variants: product.variants };
}

export async function graphql(standIn: StandIn, token: string, query: string, variables: Record<string, unknown> = {}, shop = SHOP) {
  const response = await fetch(`${standIn.url}/${shop}/admin/api/2026-07/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test's query has its own shape
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any; extensions?: any } };
}

export async function offlineToken(standIn: StandIn, shop = SHOP): Promise<string> {
  const response = await fetch(`${standIn.url}/_sim/shops/${shop}/access-tokens`, { method: "POST" });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Sends an Admin GraphQL document and expects no top-level errors (validation, throttling, resolvers). */
export async function adminData(standIn: StandIn, token: string, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await graphql(standIn, token, query, variables);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** How many webhooks the app has received once everything emitted so far is delivered. */
export async function webhookMark(standIn: StandIn, app: FakeApp): Promise<number> {
  await standIn.webhooks.idle();
  return app.webhooks().length;
}

/** The topics the app received after `mark` (see webhookMark), once delivery is idle. */
export async function topicsSince(standIn: StandIn, app: FakeApp, mark: number): Promise<string[]> {
  await standIn.webhooks.idle();
  return app.webhooks().slice(mark).map((r) => r.headers["x-shopify-topic"] as string);
}

/** Calls the `/_sim` control API as another process would. */
export async function controlApi(standIn: StandIn, method: string, path: string, body?: unknown) {
  const response = await fetch(`${standIn.url}/_sim${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses of many shapes
  return { status: response.status, body: (await response.json()) as any };
}
