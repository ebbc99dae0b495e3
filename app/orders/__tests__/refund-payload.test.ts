import { describe, expect, it } from "vitest";
import { canonicalDecimal, InvalidShopifyPayloadError } from "../payload-fields";
import { refundFromWebhook, sumDecimals } from "../refund-payload";
import { samplePayload, samplePayloadWith, samplePayloadWithout } from "./shopify-samples";

const transaction = (amount: string, kind = "refund", status = "success") => ({ kind, status, amount, currency: "EUR" });

describe("refundFromWebhook", () => {
  it("GIVEN Shopify's sample refunds/create payload WHEN mapped THEN the amount is the exact sum of its transactions", () => {
    expect(refundFromWebhook(samplePayload("refunds/create"))).toEqual({
      id: "gid://shopify/Refund/890088186047892319",
      orderId: "gid://shopify/Order/820982911946154500",
      note: "Things were damaged",
      amount: "85.00",
      currencyCode: null,
      restock: false,
      shopifyCreatedAt: new Date("2022-01-01T00:00:00Z"),
    });
  });

  it.each([
    ["successful refunds only", [transaction("10.10"), transaction("0.20"), transaction("5.00", "refund", "failure")], "10.30"],
    ["no refund transaction", [transaction("3.00", "sale")], null],
    ["amounts a float would round", [transaction("0.1"), transaction("0.2")], "0.30"],
  ])("GIVEN %s WHEN mapped THEN the amount is %s", (_case, transactions, amount) => {
    expect(refundFromWebhook(samplePayloadWith("refunds/create", { transactions })).amount).toBe(amount);
  });

  it("GIVEN restock is absent but a line was returned to stock WHEN mapped THEN the refund restocked", () => {
    const payload = samplePayloadWith("refunds/create", { restock: null, refund_line_items: [{ restock_type: "return" }] });

    expect(refundFromWebhook(payload).restock).toBe(true);
  });

  it.each(["admin_graphql_api_id", "order_id", "created_at", "transactions"])(
    "GIVEN a refund payload without %s WHEN mapped THEN a payload error names it",
    (field) => {
      const attempt = () => refundFromWebhook(samplePayloadWithout("refunds/create", field));
      expect(attempt).toThrow(InvalidShopifyPayloadError);
      expect(attempt).toThrow(new RegExp(`${field}: `));
    },
  );
});

describe("canonicalDecimal", () => {
  it.each([
    ["19.5", "19.50"],
    ["19.50", "19.50"],
    ["1000", "1000.00"],
    ["0.125", "0.125"],
    ["-3", "-3.00"],
    ["123456789012345678901234.5", "123456789012345678901234.50"],
  ])("GIVEN %s THEN it is stored as %s", (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
  });
});

describe("sumDecimals", () => {
  it.each([
    [["75.00", "10.00"], "85.00"],
    [["0.1", "0.2"], "0.30"],
    [["1000", "0.5"], "1000.50"],
    [["0.125", "1"], "1.125"],
    [["-5.00", "5.00"], "0.00"],
    [["99999999999999999.99", "0.01"], "100000000000000000.00"],
  ])("GIVEN %j THEN the sum is %s", (amounts, sum) => {
    expect(sumDecimals(amounts)).toBe(sum);
  });
});
