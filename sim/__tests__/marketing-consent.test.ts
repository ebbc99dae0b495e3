import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { toGid } from "../store/ids.ts";
import { adminData, createSimpleCatalog, FakeApp, offlineToken, SHOP, startTestStandIn, webhookMark } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;
let token: string;
const now = new Date("2026-11-20T12:00:00Z");

const ADDRESS = { company: null, address1: "1 Main St", address2: null, city: "Austin", province: "Texas", provinceCode: "TX", country: "United States", countryCode: "US", zip: "73301", phone: null, latitude: null, longitude: null };

const CONSENT_QUERY = `query ($id: ID!) { customer(id: $id) {
  smsMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt consentCollectedFrom }
  defaultEmailAddress { emailAddress marketingState marketingOptInLevel marketingUpdatedAt }
  defaultPhoneNumber { phoneNumber } } }`;
const SMS_UPDATE = `mutation ($input: CustomerSmsMarketingConsentUpdateInput!) { customerSmsMarketingConsentUpdate(input: $input) {
  customer { id smsMarketingConsent { marketingState consentUpdatedAt consentCollectedFrom } } userErrors { field message code } } }`;

beforeAll(async () => {
  app = await new FakeApp().start();
  // Subscribed to every customer topic, not only those the app's toml lists today.
  const topics = ["customers/create", "customers/update", "customers_marketing_consent/update", "customers_email_marketing_consent/update"];
  standIn = await startTestStandIn(app, {
    clock: () => now,
    scopes: ["read_orders", "read_customers", "write_customers"],
    appTomlPath: "/nonexistent/shopify.app.toml",
    webhookSubscriptions: topics.map((topic) => ({ topics: [topic], url: `${app.url}/webhooks/${topic}` })),
  });
  token = await offlineToken(standIn);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const send = (query: string, variables: Record<string, unknown> = {}) => adminData(standIn, token, query, variables);

async function webhooksSince(count: number) {
  await standIn.webhooks.idle();
  return app.webhooks().slice(count).map((r) => ({ topic: r.headers["x-shopify-topic"], body: JSON.parse(r.body) as Record<string, unknown> }));
}

const mark = () => webhookMark(standIn, app);

describe("marketing consent", () => {
  it("GIVEN a checkout where the customer ticks SMS and email marketing WHEN the customer is created THEN customers/create is followed by both consent topics with Shopify's shapes", async () => {
    const seen = await mark();
    const customer = standIn.store.createCustomer(SHOP, { firstName: "Ana", lastName: "Ruiz", email: "ana@example.com", phone: "+15125550142", emailMarketing: "subscribed", smsMarketing: "subscribed", address: ADDRESS });
    const received = await webhooksSince(seen);
    expect(received.map((r) => r.topic)).toEqual(["customers/create", "customers_marketing_consent/update", "customers_email_marketing_consent/update"]);
    expect(received[1]!.body).toEqual({
      id: Number(customer.id),
      phone: "+15125550142",
      sms_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: "2026-11-20T07:00:00-05:00", consent_collected_from: "shopify" },
    });
    expect(received[2]!.body).toEqual({
      customer_id: Number(customer.id),
      email_address: "ana@example.com",
      email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: "2026-11-20T07:00:00-05:00" },
    });
    expect(received[0]!.body).not.toHaveProperty("sms_marketing_consent");
  });

  it("GIVEN a customer who gave no consent WHEN created THEN only customers/create is sent and GraphQL reports NOT_SUBSCRIBED without a date", async () => {
    const seen = await mark();
    const customer = standIn.store.createCustomer(SHOP, { firstName: "Bo", lastName: "Li", email: "bo@example.com", phone: "+15125550143", address: ADDRESS });
    expect((await webhooksSince(seen)).map((r) => r.topic)).toEqual(["customers/create"]);
    const data = await send(CONSENT_QUERY, { id: toGid("Customer", customer.id) });
    expect(data.customer).toEqual({
      smsMarketingConsent: { marketingState: "NOT_SUBSCRIBED", marketingOptInLevel: "SINGLE_OPT_IN", consentUpdatedAt: null, consentCollectedFrom: "SHOPIFY" },
      defaultEmailAddress: { emailAddress: "bo@example.com", marketingState: "NOT_SUBSCRIBED", marketingOptInLevel: null, marketingUpdatedAt: null },
      defaultPhoneNumber: { phoneNumber: "+15125550143" },
    });
  });

  it("GIVEN a subscribed customer WHEN an app records an SMS STOP with customerSmsMarketingConsentUpdate THEN the state reads back and customers/update plus customers_marketing_consent/update are sent", async () => {
    const customer = standIn.store.createCustomer(SHOP, { firstName: "Cy", lastName: "Ng", email: null, phone: "+15125550144", smsMarketing: "subscribed", address: ADDRESS });
    const seen = await mark();
    const data = await send(SMS_UPDATE, { input: { customerId: toGid("Customer", customer.id), smsMarketingConsent: { marketingState: "UNSUBSCRIBED", consentUpdatedAt: "2026-11-20T11:59:00Z" } } });
    expect(data.customerSmsMarketingConsentUpdate).toEqual({
      customer: { id: toGid("Customer", customer.id), smsMarketingConsent: { marketingState: "UNSUBSCRIBED", consentUpdatedAt: "2026-11-20T11:59:00Z", consentCollectedFrom: "OTHER" } },
      userErrors: [],
    });
    const received = await webhooksSince(seen);
    expect(received.map((r) => r.topic)).toEqual(["customers/update", "customers_marketing_consent/update"]);
    expect(received[1]!.body.sms_marketing_consent).toEqual({ state: "unsubscribed", opt_in_level: "single_opt_in", consent_updated_at: "2026-11-20T06:59:00-05:00", consent_collected_from: "other" });

    const again = await mark();
    await send(SMS_UPDATE, { input: { customerId: toGid("Customer", customer.id), smsMarketingConsent: { marketingState: "UNSUBSCRIBED" } } });
    expect(await webhooksSince(again)).toEqual([]);
  });

  it.each([
    ["a customer without a phone", "NOPHONE", "SUBSCRIBED", ["input", "smsMarketingConsent"], "A phone number is required to set SMS consent"],
    ["an unknown customer", "gid://shopify/Customer/1", "SUBSCRIBED", ["input", "customerId"], "Customer not found"],
    ["a state only Shopify sets", "PHONE", "REDACTED", ["input", "smsMarketingConsent", "marketingState"], "Marketing state REDACTED cannot be set"],
  ])("GIVEN %s WHEN SMS consent is updated THEN a userError comes back and nothing changes", async (_case, who, state, field, message) => {
    const noPhone = standIn.store.createCustomer(SHOP, { firstName: "Di", lastName: "Oz", email: "di@example.com", address: ADDRESS });
    const withPhone = standIn.store.createCustomer(SHOP, { firstName: "Ed", lastName: "Po", email: null, phone: "+15125550145", address: ADDRESS });
    const id = who === "NOPHONE" ? toGid("Customer", noPhone.id) : who === "PHONE" ? toGid("Customer", withPhone.id) : who;
    const data = await send(SMS_UPDATE, { input: { customerId: id, smsMarketingConsent: { marketingState: state } } });
    expect(data.customerSmsMarketingConsentUpdate.customer).toBeNull();
    expect(data.customerSmsMarketingConsentUpdate.userErrors).toEqual([{ field, message, code: expect.any(String) }]);
    expect(withPhone.smsMarketing).toBe("not_subscribed");
  });

  it("GIVEN the control API WHEN a customer unsubscribes from email THEN customers/update and customers_email_marketing_consent/update arrive", async () => {
    const { customer } = createSimpleCatalog(standIn);
    const seen = await mark();
    const response = await fetch(`${standIn.url}/_sim/shops/${SHOP}/customers/${customer.id}/consent`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: { state: "unsubscribed" } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { customer: { emailMarketing: string } }).customer.emailMarketing).toBe("unsubscribed");
    expect((await webhooksSince(seen)).map((r) => r.topic)).toEqual(["customers/update", "customers_email_marketing_consent/update"]);
    const bad = await fetch(`${standIn.url}/_sim/shops/${SHOP}/customers/${customer.id}/consent`, { method: "POST", body: JSON.stringify({ sms: { state: "maybe" } }) });
    expect(bad.status).toBe(400);
  });
});
