import { randomUUID } from "node:crypto";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/api.order-status";
import type { OrderStatusView } from "~/shipments/order-status";
import { ALPHA, at, BETA, seedEvent, seedFulfillment, seedOrder, seedShipment } from "~/shipments/__tests__/fixtures";
import { useTestDatabase } from "~/test/database";

const APP_URL = process.env.SHOPIFY_APP_URL!;
const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";
const CUSTOMER = "gid://shopify/Customer/501";
const OTHER_CUSTOMER = "gid://shopify/Customer/502";
const ORDER = "gid://shopify/Order/3001";

const database = useTestDatabase();

interface CustomerTokenOptions {
  shop?: string;
  /** A customer gid; null for a shopper who is not logged in. */
  customer?: string | null;
  secret?: string;
  expiresIn?: number;
  /** How `dest` names the shop: bare domain (customer accounts) or an https URL. */
  destForm?: "domain" | "url";
}

/** A customer-account extension session token as Shopify issues it: HS256 over the app secret. */
async function customerToken({ shop = ALPHA, customer = CUSTOMER, secret, expiresIn = 60, destForm = "domain" }: CustomerTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: destForm === "url" ? `https://${shop}` : shop })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setAudience(process.env.SHOPIFY_API_KEY!)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + expiresIn)
    .setJti(randomUUID());
  if (customer) jwt.setSubject(customer);
  return jwt.sign(new TextEncoder().encode(secret ?? process.env.SHOPIFY_API_SECRET!));
}

function extensionRequest(token: string | null, orderId: string | null = ORDER, method = "GET"): Request {
  const url = new URL("/api/order-status", APP_URL);
  if (orderId !== null) url.searchParams.set("orderId", orderId);
  const headers = new Headers({ Origin: EXTENSION_ORIGIN });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return new Request(url, { method, headers });
}

/** The loader's answer whether it returned or threw it (the library throws its auth responses). */
async function respond(request: Request): Promise<Response> {
  try {
    return (await loader({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  setAbstractFetchFunc(async (input) => {
    throw new Error(`unexpected outbound fetch to ${String(input instanceof Request ? input.url : input)}`);
  });
  const client = database.get().prisma;
  await seedOrder(client, ALPHA, 3001, { customerId: CUSTOMER });
  const first = await seedFulfillment(client, ALPHA, ORDER, 31, [{ lineItem: 1, title: "Rain jacket", quantity: 1 }]);
  const second = await seedFulfillment(client, ALPHA, ORDER, 32, [{ lineItem: 2, title: "Stove", quantity: 1 }]);
  await seedShipment(client, ALPHA, { orderId: ORDER, fulfillmentId: first, trackingNumber: "1Z999AA10123456784", carrier: "ups", status: "delivered", statusAt: at("2026-03-04T10:00:00Z") });
  await seedShipment(client, ALPHA, { orderId: ORDER, fulfillmentId: second, trackingNumber: "RR123456785GB", carrier: "royal_mail", status: "in_transit", estimatedDeliveryAt: at("2026-03-12T00:00:00Z") });
  await seedEvent(client, ALPHA, { fulfillmentId: first, status: "delivered", happenedAt: at("2026-03-04T10:00:00Z"), message: "Left at <front door>" });
  // Shop B has an order with the same gid, placed by a customer with the same gid.
  await seedOrder(client, BETA, 3001, { customerId: CUSTOMER });
  const betaFulfillment = await seedFulfillment(client, BETA, ORDER, 31);
  await seedShipment(client, BETA, { orderId: ORDER, fulfillmentId: betaFulfillment, trackingNumber: "BETA-PARCEL" });
});

describe("GET /api/order-status", () => {
  it.each(["domain", "url"] as const)("GIVEN the customer's own token (dest as %s) WHEN the block asks for their order THEN every parcel is returned with CORS for the extension", async (destForm) => {
    const response = await respond(extensionRequest(await customerToken({ destForm })));

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const view = (await response.json()) as OrderStatusView;
    expect(view.order).toEqual({ id: ORDER, name: "#3001", cancelled: false, promise: null });
    expect(view.parcels.map((parcel) => [parcel.trackingNumber, parcel.carrier, parcel.status])).toEqual([
      ["1Z999AA10123456784", "UPS", "delivered"],
      ["RR123456785GB", "Royal Mail", "in_transit"],
    ]);
    expect(view.parcels[0]!.events[0]).toMatchObject({ status: "delivered", message: "Left at <front door>" });
    expect(view.parcels[1]!.estimatedDeliveryAt).toBe("2026-03-12T00:00:00.000Z");
  });

  it("GIVEN shop B's token for the same order and customer gids WHEN the block asks THEN only shop B's parcel is returned", async () => {
    const response = await respond(extensionRequest(await customerToken({ shop: BETA })));

    const view = (await response.json()) as OrderStatusView;
    expect(view.parcels.map((parcel) => parcel.trackingNumber)).toEqual(["BETA-PARCEL"]);
  });

  it.each([
    ["another customer's token", { customer: OTHER_CUSTOMER }, ORDER],
    ["an order that does not exist", {}, "gid://shopify/Order/999999"],
  ])("GIVEN %s WHEN the block asks THEN it is 404 with nothing about the order", async (_, options, orderId) => {
    const response = await respond(extensionRequest(await customerToken(options), orderId));

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it.each([
    ["forged with another secret", { secret: "not-the-app-secret" }],
    ["expired", { expiresIn: -60 }],
  ])("GIVEN a token %s WHEN the block asks THEN it is 401", async (_, options) => {
    const response = await respond(extensionRequest(await customerToken(options)));

    expect(response.status).toBe(401);
  });

  it("GIVEN no token WHEN the block asks THEN it is 401", async () => {
    expect((await respond(extensionRequest(null))).status).toBe(401);
  });

  it("GIVEN a shopper who is not logged in (no sub) WHEN the block asks THEN it is 401 and no order is read", async () => {
    const response = await respond(extensionRequest(await customerToken({ customer: null })));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "not_logged_in" });
  });

  it.each([
    ["missing", null],
    ["not an order gid", "gid://shopify/Customer/501"],
    ["hostile", "<script>alert(1)</script>"],
  ])("GIVEN an orderId %s WHEN the block asks THEN it is 422 naming the parameter", async (_, orderId) => {
    const response = await respond(extensionRequest(await customerToken(), orderId));

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "invalid_input", fieldErrors: { orderId: [expect.any(String)] } });
  });

  it("GIVEN the browser's CORS preflight WHEN it arrives THEN it is answered 204 with the allowed headers", async () => {
    const response = await respond(extensionRequest(null, ORDER, "OPTIONS"));

    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});
