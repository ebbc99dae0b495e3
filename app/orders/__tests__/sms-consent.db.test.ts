import { describe, expect, it } from "vitest";
import { orderDetailsSchema, readingFromOrderNode } from "~/reconciliation/order-node";
import { useTestDatabase } from "~/test/database";
import { WEBHOOK_HANDLERS } from "~/webhooks/topics.server";
import { upsertOrderSnapshot } from "../sync.server";
import { samplePayload } from "./shopify-samples";

const database = useTestDatabase();

/** Runs a topic's handler as the webhook worker does. */
function apply(topic: keyof typeof WEBHOOK_HANDLERS, shop: string, payload: object) {
  const event = { id: "event-1", topic, triggeredAt: null, receivedAt: new Date() };
  return WEBHOOK_HANDLERS[topic](database.get().prisma, shop, payload as never, event);
}
const CUSTOMER_ID = "gid://shopify/Customer/115310627314723954";
const CUSTOMER_NUMBER = "115310627314723954";

let shopCounter = 0;
const newShop = () => `consent-${++shopCounter}-${Math.random().toString(36).slice(2, 8)}.myshopify.com`;

/** Shopify's sample order, its customer carrying an SMS consent state (or not, when `consent` is undefined). */
function orderPayload(updatedAt: string, consent?: { state: string | null } | null) {
  const payload = samplePayload("orders/updated");
  const customer: Record<string, unknown> = { ...(payload.customer as Record<string, unknown>), phone: "+4915123456789", updated_at: updatedAt };
  if (consent !== undefined) customer.sms_marketing_consent = consent === null ? null : { ...consent, opt_in_level: "single_opt_in", consent_updated_at: updatedAt, consent_collected_from: "SHOPIFY" };
  return { ...payload, updated_at: updatedAt, customer } as typeof payload;
}

function customerPayload(updatedAt: string, consent: { state: string } | null, id = CUSTOMER_ID) {
  return { ...samplePayload("customers/update"), admin_graphql_api_id: id, phone: "+4915123456789", updated_at: updatedAt, sms_marketing_consent: consent };
}

const consentPayload = (state: string | null, consentUpdatedAt: string | null, id = CUSTOMER_NUMBER) => ({
  id,
  phone: "+4915123456789",
  sms_marketing_consent: { state, opt_in_level: "single_opt_in", consent_updated_at: consentUpdatedAt, consent_collected_from: "other" },
});

async function storedConsent(shop: string) {
  return (await database.get().prisma.customer.findUnique({ where: { shop_id: { shop, id: CUSTOMER_ID } } }))?.smsConsent;
}

describe("SMS consent from Shopify", () => {
  it.each([
    { case: "subscribed", consent: { state: "subscribed" }, stored: "subscribed" },
    { case: "not subscribed", consent: { state: "not_subscribed" }, stored: "not_subscribed" },
    { case: "a state we do not know", consent: { state: "maybe" }, stored: null },
    { case: "null (no phone on the customer)", consent: null, stored: null },
  ])("GIVEN an order whose customer's SMS consent is $case WHEN the order webhook applies THEN Customer.smsConsent is $stored", async ({ consent, stored }) => {
    const shop = newShop();
    await apply("orders/updated", shop, orderPayload("2026-11-20T12:00:00Z", consent));
    expect(await storedConsent(shop)).toBe(stored);
  });

  it("GIVEN a held consent WHEN a newer order payload without the field arrives THEN the held consent is kept", async () => {
    const shop = newShop();
    await apply("orders/updated", shop, orderPayload("2026-11-20T12:00:00Z", { state: "subscribed" }));
    await apply("orders/updated", shop, orderPayload("2026-11-20T13:00:00Z"));
    expect(await storedConsent(shop)).toBe("subscribed");
  });

  it("GIVEN a held customer WHEN customers/update withdraws consent THEN it is stored, and an older update arriving late changes nothing", async () => {
    const shop = newShop();
    await apply("orders/updated", shop, orderPayload("2026-11-20T12:00:00Z", { state: "subscribed" }));

    await apply("customers/update", shop, customerPayload("2026-11-20T14:00:00Z", { state: "unsubscribed" }));
    expect(await storedConsent(shop)).toBe("unsubscribed");

    await apply("customers/update", shop, customerPayload("2026-11-20T13:00:00Z", { state: "subscribed" }));
    expect(await storedConsent(shop)).toBe("unsubscribed");
  });

  it("GIVEN a customer who never ordered WHEN customers/create arrives THEN no customer row is created", async () => {
    const shop = newShop();
    await apply("customers/create", shop, customerPayload("2026-11-20T14:00:00Z", { state: "subscribed" }));
    expect(await database.get().prisma.customer.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN a redacted customer WHEN customers/update arrives THEN nothing of it comes back", async () => {
    const shop = newShop();
    await apply("orders/updated", shop, orderPayload("2026-11-20T12:00:00Z", null));
    await database.get().prisma.customer.updateMany({ where: { shop }, data: { redactedAt: new Date(), phone: null, email: null } });
    await apply("customers/update", shop, customerPayload("2026-11-20T14:00:00Z", { state: "subscribed" }));
    expect(await database.get().prisma.customer.findFirst({ where: { shop } })).toMatchObject({ phone: null, smsConsent: null });
  });

  it("GIVEN a held customer WHEN customers_marketing_consent/update arrives THEN the consent applies unless the held snapshot is newer", async () => {
    const shop = newShop();
    await apply("orders/updated", shop, orderPayload("2026-11-20T12:00:00Z", null));

    await apply("customers_marketing_consent/update", shop, consentPayload("subscribed", "2026-11-20T13:00:00Z"));
    expect(await storedConsent(shop)).toBe("subscribed");

    await apply("customers_marketing_consent/update", shop, consentPayload("unsubscribed", "2026-11-20T11:00:00Z"));
    await apply("customers_marketing_consent/update", shop, consentPayload("pending", "2026-11-20T12:30:00Z"));
    expect(await storedConsent(shop)).toBe("subscribed");
  });

  it("GIVEN Shopify's sample customers_marketing_consent/update WHEN applied to a shop without that customer THEN nothing is written and nothing throws", async () => {
    const shop = newShop();
    await apply("customers_marketing_consent/update", shop, samplePayload("customers_marketing_consent/update"));
    expect(await database.get().prisma.customer.count({ where: { shop } })).toBe(0);
  });

  it.each([
    ["SUBSCRIBED", "subscribed"],
    ["UNSUBSCRIBED", "unsubscribed"],
    ["PENDING", "pending"],
  ])("GIVEN reconciliation reads defaultPhoneNumber.marketingState %s WHEN the snapshot is written THEN Customer.smsConsent is %s", async (state, stored) => {
    const shop = newShop();
    const now = "2026-11-20T12:00:00Z";
    const node = {
      id: "gid://shopify/Order/1",
      name: "#1001",
      tags: [],
      createdAt: now,
      updatedAt: now,
      customer: { id: CUSTOMER_ID, firstName: "Zoë", updatedAt: now, defaultPhoneNumber: { phoneNumber: "+4915123456789", marketingState: state } },
      lineItems: { nodes: [] },
      fulfillments: [],
    };
    const reading = readingFromOrderNode(orderDetailsSchema.parse({ nodes: [node] }).nodes[0]!);
    await upsertOrderSnapshot(database.get().prisma, shop, reading.order);
    expect(await storedConsent(shop)).toBe(stored);
  });
});
