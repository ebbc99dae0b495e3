import { describe, expect, it } from "vitest";
import { applied, beanieOffer, calculated, openUpsellPage } from "./harness";

describe("post-purchase upsell page", () => {
  it("GIVEN a stored offer WHEN the page opens THEN the shopper sees the product, struck-through and discounted prices, the discount and the real totals", async () => {
    const page = await openUpsellPage();

    const text = page.text();
    expect(text).toContain("It’s not too late to add this to your order Add it now with one click and get 15% off.");
    expect(text).toContain("Complete your look Pairs with the jacket you just bought. Wool beanie Charcoal $40.00 $34.00 15% off");
    expect(text).toContain("Subtotal $34.00 Shipping $4.99 Taxes $2.72 Total $41.71");
    expect(page.find("Text").find((t) => t.props.role === "deletion")?.text).toBe("$40.00");
    expect(page.find("Image")[0]?.props).toMatchObject({ source: "https://cdn.example/beanie.jpg", description: "Wool beanie" });
    expect(page.button("Pay now")).toBeDefined();
    expect(page.find("Button").map((b) => b.text)).toEqual(["Pay now · $41.71", "Decline this offer"]);
  });

  it("GIVEN the page opens WHEN it previews THEN it asks the app to sign the offer with the input token and calculates that changeset", async () => {
    const page = await openUpsellPage();

    expect(page.calls).toEqual(["sign", "calculate:changeset-1"]);
    expect(page.bodies[0]).toEqual({ referenceId: "ref-1", offerId: "offer_1", armId: "arm_b" });
    expect(page.fetchImpl.mock.calls[0]?.[1]).toMatchObject({ method: "POST", headers: { Authorization: "Bearer input-token" } });
  });

  it("GIVEN the offer WHEN the shopper pays THEN sign → applyChangeset(token) → decision accepted → done, in that order", async () => {
    const page = await openUpsellPage();

    await page.press("Pay now");

    expect(page.calls.slice(2)).toEqual(["sign", "apply:changeset-2", "decision:accepted", "done"]);
    expect(page.bodies.at(-1)).toEqual({ referenceId: "ref-1", offerId: "offer_1", armId: "arm_b", decision: "accepted" });
  });

  it("GIVEN the shopper pays WHEN they tap again while it is applied THEN the changeset is applied once", async () => {
    const page = await openUpsellPage({ apply: () => new Promise((resolve) => setTimeout(() => resolve(applied), 5)) });

    const first = page.press("Pay now");
    expect(page.button("Pay now")?.loading).toBe(true);
    expect(page.button("Decline")?.disabled).toBe(true);
    await page.press("Pay now");
    await page.press("Decline");
    await first;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(page.calls.filter((call) => call.startsWith("apply"))).toHaveLength(1);
    expect(page.calls.filter((call) => call === "done")).toHaveLength(1);
  });

  it("GIVEN the offer WHEN the shopper declines THEN decision declined → done, and nothing is signed or applied", async () => {
    const page = await openUpsellPage();

    await page.press("Decline this offer");

    expect(page.calls.slice(2)).toEqual(["decision:declined", "done"]);
  });

  it.each([
    ["answers 500", () => Response.json({ error: "internal" }, { status: 500 })],
    ["answers 401 (token expired)", () => new Response(null, { status: 401 })],
  ])("GIVEN the app %s to the decision WHEN the shopper declines THEN they still go on to the thank-you page", async (_, answer) => {
    const page = await openUpsellPage({ answer: { decision: answer } });

    await page.press("Decline");

    expect(page.calls.at(-1)).toBe("done");
  });

  it.each([
    ["insufficient_inventory", "Sorry, this item just sold out. You have not been charged."],
    ["payment_required", "Your payment could not be processed. You have not been charged."],
    ["server_error", "Something went wrong and you have not been charged."],
  ])("GIVEN Shopify refuses the changeset with %s WHEN the shopper pays THEN they read why, stay on the page and can decline", async (code, message) => {
    const page = await openUpsellPage({ apply: async () => ({ status: "unprocessed", errors: [{ code, message: code } as never], changesetApplicationsRemaining: 1 }) });

    await page.press("Pay now");

    expect(page.text()).toContain(message);
    expect(page.calls).not.toContain("done");
    expect(page.calls).not.toContain("decision:accepted");
    expect(page.button("Pay now")?.disabled).toBe(false);
    await page.press("Decline");
    expect(page.calls.slice(-2)).toEqual(["decision:declined", "done"]);
  });

  it.each([
    ["the app cannot sign", { answer: { sign: () => new Response(null, { status: 409 }) } }],
    ["applyChangeset throws", { apply: () => Promise.reject(new Error("network")) }],
  ])("GIVEN %s WHEN the shopper pays THEN a generic error is shown and paying again is possible", async (_, options) => {
    const page = await openUpsellPage(options);

    await page.press("Pay now");

    expect(page.text()).toContain("Something went wrong and you have not been charged.");
    expect(page.calls).not.toContain("done");
    expect(page.button("Pay now")?.disabled).toBe(false);
  });

  it("GIVEN Shopify says the changeset was already applied WHEN the shopper pays THEN it counts as accepted and moves on", async () => {
    const page = await openUpsellPage({
      apply: async () => ({ status: "unprocessed", errors: [{ code: "changeset_already_applied", message: "" } as never], changesetApplicationsRemaining: 0 }),
    });

    await page.press("Pay now");

    expect(page.calls.slice(-2)).toEqual(["decision:accepted", "done"]);
  });

  it("GIVEN the preview reports the item sold out WHEN the page opens THEN paying is disabled, the reason shown and declining works", async () => {
    const page = await openUpsellPage({ calculate: async () => ({ status: "unprocessed", errors: [{ code: "insufficient_inventory", message: "" } as never] }) });

    expect(page.text()).toContain("Sorry, this item just sold out.");
    expect(page.button("Pay now")?.disabled).toBe(true);
    await page.press("Pay now");
    expect(page.calls).not.toContain("apply:changeset-2");
    await page.press("Decline");
    expect(page.calls.slice(-2)).toEqual(["decision:declined", "done"]);
  });

  it("GIVEN the preview cannot be calculated WHEN the page opens THEN the offer's own price is on the button and paying still works", async () => {
    const page = await openUpsellPage({ calculate: () => Promise.reject(new Error("offline")) });

    expect(page.text()).not.toContain("Subtotal");
    expect(page.button("Pay now · $34.00")).toBeDefined();
    await page.press("Pay now");
    expect(page.calls.slice(-3)).toEqual(["apply:changeset-2", "decision:accepted", "done"]);
  });

  it("GIVEN an offer without discount or image, quantity 2 and free shipping WHEN shown THEN one price, no image, free shipping", async () => {
    const plain = { ...beanieOffer, quantity: 2, discountLabel: null, originalPrice: beanieOffer.discountedPrice, product: { ...beanieOffer.product, imageUrl: null, variantTitle: null } };
    const freeShipping = { status: "processed" as const, errors: [], calculatedPurchase: { ...calculated.calculatedPurchase!, addedShippingLines: [] } };
    const page = await openUpsellPage({ offer: plain, calculate: async () => freeShipping });

    expect(page.text()).toContain("Add it now with one click, no need to enter your payment details again.");
    expect(page.text()).toContain("2 × Wool beanie $34.00 Subtotal");
    expect(page.text()).toContain("Shipping Free");
    expect(page.find("Image")).toEqual([]);
    expect(page.find("Text").some((t) => t.props.role === "deletion")).toBe(false);
  });

  it.each([
    ["de-DE", "Jetzt bezahlen · 41,71 $", "Angebot ablehnen"],
    ["fr", "Payer maintenant · 41,71 $US", "Refuser cette offre"],
    ["es-MX", "Pagar ahora · USD 41.71", "Rechazar esta oferta"],
    ["ja", "Pay now · $41.71", "Decline this offer"],
  ])("GIVEN the buyer's locale %s WHEN the page opens THEN it speaks their language (English when not offered)", async (locale, pay, decline) => {
    const page = await openUpsellPage({ locale });

    expect(page.find("Button").map((b) => b.text.replace(/\u00a0|\u202f/g, " "))).toEqual([pay, decline]);
  });

  it("GIVEN no stored offer WHEN Render runs THEN the shopper goes straight on", async () => {
    const page = await openUpsellPage({ offer: null });

    expect(page.calls).toEqual(["done"]);
    expect(page.text()).toBe("");
  });
});
