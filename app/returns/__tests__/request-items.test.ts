import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { evaluateReturnRequest } from "../evaluate";
import { amounts, codes, evaluate, input, item, line, lineId, merchantText, order, shopperText } from "./builders";

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected InvalidInputError");
}

describe("evaluateReturnRequest: malformed and tampered requests are refused before any decision", () => {
  it.each([
    ["zero items of a line", { items: [item(1, { quantity: 0 })] }, "request.items.0.quantity"],
    ["a negative quantity", { items: [item(1, { quantity: -1 })] }, "request.items.0.quantity"],
    ["a fractional quantity", { items: [item(1, { quantity: 1.5 })] }, "request.items.0.quantity"],
    ["a quantity as text", { items: [item(1, { quantity: "1" as unknown as number })] }, "request.items.0.quantity"],
    ["the same line twice (to slip past the quantity check)", { items: [item(1), item(1)] }, "request.items"],
    ["no items", { items: [] }, "request.items"],
    ["an unknown reason", { items: [item(1, { reason: "too_expensive" as "other" })] }, "request.items.0.reason"],
    ["a negative photo count", { items: [item(1, { photoCount: -1 })] }, "request.items.0.photoCount"],
    ["a line id that is not a gid", { items: [item(1, { lineItemId: "1" })] }, "request.items.0.lineItemId"],
    ["an exchange without new items", { outcome: "exchange" as const }, "request.exchange"],
    [
      "new items with a refund",
      { outcome: "refund" as const, exchange: { items: [{ productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "M", unitPrice: "20", quantity: 1 }] } },
      "request.exchange",
    ],
    ["an unknown method", { method: "pigeon" as "mail_label" }, "request.method"],
  ])("GIVEN %s WHEN evaluated THEN InvalidInputError names %s", (_case, scenario, field) => {
    expect(Object.keys(fieldErrorsOf(() => evaluate(scenario)))).toContain(field);
  });

  it("GIVEN `now` that is not a date WHEN evaluated THEN it is refused", () => {
    const bad = { ...input(), now: "2026-12-01" as unknown as Date };
    expect(Object.keys(fieldErrorsOf(() => evaluateReturnRequest(bad)))).toContain("now");
  });
});

describe("evaluateReturnRequest: quantity checks against the order", () => {
  it.each([
    ["more than purchased", { quantity: 2, fulfilledQuantity: 2 }, 3, 2],
    ["more than fulfilled", { quantity: 3, fulfilledQuantity: 1 }, 2, 1],
    ["more than is left after earlier returns", { quantity: 3, fulfilledQuantity: 3, alreadyReturnedQuantity: 2 }, 2, 1],
  ])("GIVEN a request for %s WHEN evaluated THEN the item is quantity_exceeds and the request is not submittable", (_case, quantities, requested, returnable) => {
    const decision = evaluate({ order: order([line(1, quantities)]), items: [item(1, { quantity: requested })] });
    expect(decision.submittable).toBe(false);
    expect(decision.items[0]).toMatchObject({ status: "quantity_exceeds", value: { amount: "0.00" } });
    expect(decision.items[0]?.explanations[0]?.params).toMatchObject({ requested, returnable });
    expect(shopperText(decision.items[0]?.explanations[0])).toBe(`You can return up to ${returnable} of Item 1`);
    expect(amounts(decision)).toMatchObject({ itemsValue: "0.00", refund: "0.00" });
  });

  it("GIVEN exactly the returnable quantity WHEN evaluated THEN the item is eligible", () => {
    const decision = evaluate({ order: order([line(1, { quantity: 3, fulfilledQuantity: 3, alreadyReturnedQuantity: 1 })]), items: [item(1, { quantity: 2 })] });
    expect(decision.items[0]?.status).toBe("eligible");
    expect(decision.totals.refund.amount).toBe("40.00");
  });

  it("GIVEN a line item of another order WHEN evaluated THEN it is unknown_item, named for the merchant, and nothing is refunded", () => {
    const decision = evaluate({ items: [item(99)] });
    expect(decision.submittable).toBe(false);
    expect(decision.items[0]).toMatchObject({ lineItemId: lineId(99), title: null, status: "unknown_item", outcomes: [] });
    expect(shopperText(decision.items[0]?.explanations[0])).toBe("This item isn't part of your order");
    expect(merchantText(decision.items[0]?.explanations[0])).toBe("Line item gid://shopify/LineItem/99 is not in this order");
    expect(decision.totals.refund.amount).toBe("0.00");
  });

  it.each([
    ["final sale", { finalSaleFlag: true }, "final_sale", "Final sale — this item can't be returned"],
    ["not fulfilled", { fulfilledQuantity: 0 }, "not_fulfilled", "This item hasn't shipped yet — contact us if you'd like to cancel it"],
    ["already returned", { alreadyReturnedQuantity: 2 }, "already_returned", "Already returned"],
  ])("GIVEN an item that is %s WHEN requested THEN no request can be created and the shopper is told why", (_case, overrides, status, message) => {
    const decision = evaluate({ order: order([line(1, overrides)]) });
    expect(decision.submittable).toBe(false);
    expect(decision.items[0]?.status).toBe(status);
    expect(shopperText(decision.items[0]?.explanations[0])).toBe(message);
    expect(decision.approval).toBeNull();
  });

  it("GIVEN an item outside the window WHEN requested THEN it is outside_window with the day the window ended", () => {
    const decision = evaluate({ now: new Date("2027-01-05T12:00:00Z") });
    expect(decision.items[0]?.status).toBe("outside_window");
    expect(shopperText(decision.items[0]?.explanations[0], new Date("2027-01-05T12:00:00Z"))).toBe(
      "The return window ended on 24 December 2026 (30 days after delivery on 24 November 2026)",
    );
  });
});

describe("evaluateReturnRequest: reason requirements", () => {
  it.each([
    ["defective without a photo", { reason: "defective" as const, note: "The seam tore open", photoCount: 0 }, "needs_photo"],
    ["defective with a photo but no note", { reason: "defective" as const, photoCount: 1 }, "needs_note"],
    ["defective with a note too short", { reason: "defective" as const, note: "  broken  ", photoCount: 1 }, "needs_note"],
    ["defective with photo and note", { reason: "defective" as const, note: "The seam tore open", photoCount: 1 }, "eligible"],
    ["wrong item without a photo", { reason: "wrong_item" as const }, "needs_photo"],
    ["wrong item with a photo", { reason: "wrong_item" as const, photoCount: 2 }, "eligible"],
    ["other without a note", { reason: "other" as const }, "needs_note"],
    ["other with a five-character note", { reason: "other" as const, note: "gift!" }, "eligible"],
    ["too small with nothing else", { reason: "size_too_small" as const }, "eligible"],
  ])("GIVEN the default reasons and %s WHEN evaluated THEN the item is %s", (_case, overrides, status) => {
    expect(evaluate({ items: [item(1, overrides)] }).items[0]?.status).toBe(status);
  });

  it.each([
    ["two photos required, one given", { photoRequired: true, minPhotos: 2 }, { photoCount: 1 }, "needs_photo"],
    ["two photos required, two given", { photoRequired: true, minPhotos: 2 }, { photoCount: 2 }, "eligible"],
    ["a note of 3 counted in emoji", { noteRequired: true, minNoteLength: 3 }, { note: "👎👎👎" }, "eligible"],
    ["a note of 4, 3 emoji given", { noteRequired: true, minNoteLength: 4 }, { note: "👎👎👎" }, "needs_note"],
    ["the reason turned off", { offered: false }, {}, "reason_not_offered"],
  ])("GIVEN %s for 'unwanted' WHEN evaluated THEN the item is %s", (_case, rule, given, status) => {
    const decision = evaluate({ policy: { reasons: { unwanted: rule } }, items: [item(1, { reason: "unwanted", ...given })] });
    expect(decision.items[0]?.status).toBe(status);
    expect(decision.submittable).toBe(status === "eligible");
  });

  it("GIVEN a missing photo WHEN explained THEN the shopper is asked for it and the merchant sees the count", () => {
    const decision = evaluate({ items: [item(1, { reason: "wrong_item" })] });
    expect(shopperText(decision.items[0]?.explanations[0])).toBe("Please add a photo of Item 1 — needed when the reason is “Received the wrong item”");
    expect(merchantText(decision.items[0]?.explanations[0])).toBe("Reason “Received the wrong item” needs 1 photo(s); 0 given");
  });

  it("GIVEN a final-sale item with a missing photo WHEN evaluated THEN final sale is what the shopper hears (it cannot be fixed)", () => {
    const decision = evaluate({ order: order([line(1, { finalSaleFlag: true })]), items: [item(1, { reason: "defective" })] });
    expect(decision.items[0]?.status).toBe("final_sale");
  });
});

describe("evaluateReturnRequest: eligible and ineligible items in one request", () => {
  const lines = [line(1), line(2, { finalSaleFlag: true }), line(3, { fulfilledQuantity: 0 }), line(4, { discountedUnitPrice: "7.50" })];

  it("GIVEN two eligible and two ineligible items WHEN evaluated THEN only eligible items count, each item explains itself, and no request can be created", () => {
    const decision = evaluate({ order: order(lines), items: [item(1), item(2), item(3), item(4, { quantity: 2 })] });
    expect(decision.items.map((entry) => entry.status)).toEqual(["eligible", "final_sale", "not_fulfilled", "eligible"]);
    expect(decision.items.map((entry) => entry.value.amount)).toEqual(["20.00", "0.00", "0.00", "15.00"]);
    expect(codes(decision.items.map((entry) => entry.explanations[0] ?? null))).toEqual(["returnable_until", "final_sale", "not_fulfilled", "returnable_until"]);
    expect(amounts(decision)).toMatchObject({ itemsValue: "35.00", refund: "35.00" });
    expect(decision.submittable).toBe(false);
    expect(decision.problems).toEqual([]);
  });

  it("GIVEN the same request without the ineligible items WHEN evaluated THEN it is submittable with the same totals", () => {
    const decision = evaluate({ order: order(lines), items: [item(1), item(4, { quantity: 2 })] });
    expect(decision.submittable).toBe(true);
    expect(amounts(decision)).toMatchObject({ itemsValue: "35.00", refund: "35.00" });
  });
});
