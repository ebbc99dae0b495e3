import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "~/webhooks/payload";
import { mentionsAny, scrubPersonalData } from "../scrub";

const order = parseShopifyJson(`{
  "id": 12345678901234567890,
  "name": "#1001",
  "email": "Ada@Example.com",
  "note": "Leave with the neighbour at number 4",
  "customer": { "id": 191167, "email": "Ada@Example.com", "first_name": "Ada", "last_name": "Lovelace", "default_address": { "name": "Ada L", "zip": "75001" } },
  "shipping_address": { "name": "Ada Lovelace", "address1": "1 Rue de Rivoli", "city": "Paris", "zip": "75001", "country_code": "FR" },
  "client_details": { "browser_ip": "203.0.113.9", "user_agent": "Mozilla" },
  "line_items": [{ "id": 1, "name": "Earl Grey", "price": "5.00" }],
  "total_price": "10.00"
}`);

describe("scrubPersonalData", () => {
  it("GIVEN an order payload WHEN scrubbed THEN personal fields are null and everything else is kept", () => {
    const scrubbed = scrubPersonalData(order);

    expect(scrubbed).toMatchObject({
      id: "12345678901234567890",
      email: null,
      note: null,
      name: "#1001",
      total_price: "10.00",
      line_items: [{ id: 1, name: "Earl Grey", price: "5.00" }],
      customer: { id: 191167, email: null, first_name: null, last_name: null, default_address: { name: null, zip: null } },
      shipping_address: { name: null, address1: null, zip: null, city: "Paris", country_code: "FR" },
      client_details: { browser_ip: null, user_agent: null },
    });
  });
});

describe("mentionsAny", () => {
  it.each([
    ["the customer id", "191167", true],
    ["the email, written in another case", "ada@example.com", true],
    ["an id beyond 2^53", "12345678901234567890", true],
    ["digits that only appear inside a longer id", "1234567890", false],
    ["someone else's email", "bo@example.com", false],
  ])("GIVEN %s WHEN searched THEN %s", (_label, needle, expected) => {
    expect(mentionsAny(order, new Set([needle]))).toBe(expected);
  });
});
