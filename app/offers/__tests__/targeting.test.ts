import { describe, expect, it } from "vitest";
import { evaluateRule } from "../targeting";
import { type TargetingRule, targetingRuleSchema } from "../targeting-schema";
import { collection, customer, orderWith, product, variant } from "./fixtures";

// The order: one $50 shirt (product 1, collection 70, tag "Shirts"), customer 42 tagged VIP with 3 orders,
// shipping to the US, code "SUMMER10" used.
const order = orderWith({
  discountCodes: ["SUMMER10"],
  customer: { id: customer(42), tags: ["VIP"], ordersCount: 3 },
});

describe("evaluateRule: each condition", () => {
  it.each<[string, TargetingRule, boolean]>([
    ["product in the order", { type: "products_in_order", productIds: [product(1)] }, true],
    ["product not in the order", { type: "products_in_order", productIds: [product(2)] }, false],
    ["one of several products", { type: "products_in_order", productIds: [product(2), product(1)] }, true],
    ["collection in the order", { type: "collections_in_order", collectionIds: [collection(70)] }, true],
    ["collection not in the order", { type: "collections_in_order", collectionIds: [collection(71)] }, false],
    ["product tag, any case and spacing", { type: "product_tags_in_order", tags: [" shirts "] }, true],
    ["product tag absent", { type: "product_tags_in_order", tags: ["Hats"] }, false],
    ["order value at the minimum (inclusive)", { type: "order_value", min: "50.00" }, true],
    ["order value a cent under the minimum", { type: "order_value", min: "50.01" }, false],
    ["order value at the maximum (inclusive)", { type: "order_value", max: "50" }, true],
    ["order value above the maximum", { type: "order_value", max: "49.99" }, false],
    ["order value inside a range", { type: "order_value", min: "10", max: "100" }, true],
    ["customer tag, any case", { type: "customer_tags", tags: ["vip"] }, true],
    ["customer tag absent", { type: "customer_tags", tags: ["wholesale"] }, false],
    ["order count at the minimum", { type: "customer_order_count", min: 3 }, true],
    ["order count under the minimum", { type: "customer_order_count", min: 4 }, false],
    ["order count at the maximum", { type: "customer_order_count", max: 3 }, true],
    ["first-time buyers only", { type: "customer_order_count", max: 1 }, false],
    ["shipping country listed", { type: "shipping_country", countries: ["CA", "US"] }, true],
    ["shipping country not listed", { type: "shipping_country", countries: ["FR"] }, false],
    ["a listed discount code, any case", { type: "discount_code_used", codes: ["summer10"] }, true],
    ["another discount code", { type: "discount_code_used", codes: ["WINTER"] }, false],
    ["any discount code (empty list)", { type: "discount_code_used", codes: [] }, true],
  ])("GIVEN the rule %s (%j) WHEN evaluated THEN matched is %s", (_label, rule, expected) => {
    expect(evaluateRule(targetingRuleSchema.parse(rule), order).matched).toBe(expected);
  });

  it.each<[string, Partial<Parameters<typeof orderWith>[0]>, TargetingRule]>([
    ["no discount code used", { discountCodes: [] }, { type: "discount_code_used", codes: [] }],
    ["no shipping address (pickup)", { shippingCountry: null }, { type: "shipping_country", countries: ["US"] }],
    [
      "a custom line with no product",
      { lines: [{ productId: null, variantId: null, collectionIds: [], tags: [], quantity: 1, price: "5.00" }] },
      { type: "products_in_order", productIds: [product(1)] },
    ],
  ])("GIVEN %s WHEN a rule that needs it is evaluated THEN it does not match", (_label, orderOverrides, rule) => {
    expect(evaluateRule(rule, orderWith(orderOverrides)).matched).toBe(false);
  });

  it("GIVEN a JPY order WHEN order value is compared THEN yen are whole units", () => {
    const yenOrder = orderWith({ currency: "JPY", totalPrice: "12000" });
    expect(evaluateRule({ type: "order_value", min: "12000" }, yenOrder).matched).toBe(true);
    expect(evaluateRule({ type: "order_value", min: "12001" }, yenOrder).matched).toBe(false);
  });
});

describe("evaluateRule: combinators", () => {
  const inOrder: TargetingRule = { type: "products_in_order", productIds: [product(1)] };
  const notInOrder: TargetingRule = { type: "products_in_order", productIds: [product(2)] };
  const vip: TargetingRule = { type: "customer_tags", tags: ["VIP"] };
  const france: TargetingRule = { type: "shipping_country", countries: ["FR"] };

  it.each<[string, TargetingRule, boolean, string[]]>([
    ["all of nothing (every order)", { all: [] }, true, []],
    ["all, every child true", { all: [inOrder, vip] }, true, []],
    ["all, one child false", { all: [inOrder, france] }, false, ["shipping_country"]],
    ["all, two children false", { all: [notInOrder, france] }, false, ["products_in_order", "shipping_country"]],
    ["any, one child true", { any: [france, vip] }, true, []],
    ["any, no child true", { any: [france, notInOrder] }, false, ["shipping_country", "products_in_order"]],
    ["not of a false child", { not: france }, true, []],
    ["not of a true child", { not: vip }, false, ["not:customer_tags"]],
    ["nested: all(any(FR, VIP), not(product 2))", { all: [{ any: [france, vip] }, { not: notInOrder }] }, true, []],
    ["nested: any(all(FR, VIP), not(VIP))", { any: [{ all: [france, vip] }, { not: vip }] }, false, ["shipping_country", "not:customer_tags"]],
  ])("GIVEN %s (%j) WHEN evaluated THEN matched=%s with the failing conditions %j", (_label, rule, matched, failed) => {
    expect(evaluateRule(rule, order)).toEqual({ matched, failed });
  });
});

describe("targetingRuleSchema", () => {
  it.each<[string, unknown]>([
    ["an unknown condition type", { type: "weather", is: "sunny" }],
    ["a product id that is not a gid", { type: "products_in_order", productIds: ["123"] }],
    ["a variant gid where a product is expected", { type: "products_in_order", productIds: [variant(1)] }],
    ["an order value with no bounds", { type: "order_value" }],
    ["an order value that is a float", { type: "order_value", min: 10.5 }],
    ["a lower-case country code", { type: "shipping_country", countries: ["us"] }],
    ["an empty any", { any: [] }],
    ["a group mixing all and any", { all: [], any: [] }],
  ])("GIVEN %s (%j) WHEN parsed THEN it is rejected", (_label, rule) => {
    expect(targetingRuleSchema.safeParse(rule).success).toBe(false);
  });
});
