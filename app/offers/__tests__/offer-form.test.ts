import { describe, expect, it } from "vitest";
import { documentFromForm, formErrorsOf, formFieldOf, formFromOffer } from "../offer-form";
import { parseOffer } from "../offer-schema";
import { offerWith } from "./fixtures";

describe("the offer editor form", () => {
  it("GIVEN an offer WHEN turned into the form and back THEN the same offer parses", () => {
    const offer = offerWith({
      surfaces: ["thank_you", "tracking_page"],
      priority: 4,
      discount: { kind: "fixed_amount", amount: "5.00" },
      maxDiscount: "4.00",
      limits: { maxPerCustomer: 2, discountBudget: "100.00" },
      schedule: { startsAt: "2026-12-01T09:00", timeZone: "Europe/Paris" },
      targeting: { any: [{ type: "customer_tags", tags: ["VIP"] }] },
      arms: [{ id: "a", weight: 1 }],
      copy: { title: "Socks?", body: "Warm ones." },
    });

    const { document, fieldErrors } = documentFromForm(formFromOffer(offer));

    expect(fieldErrors).toEqual({});
    expect(parseOffer(document)).toEqual(offer);
  });

  it("GIVEN empty optional fields and a recommended product WHEN read THEN they are left out, not sent as empty strings", () => {
    const { document } = documentFromForm({ id: "rec", name: "Rec", surfaces: ["order_status"], productKind: "recommended", excludeProductIds: "gid://shopify/Product/1, gid://shopify/Product/2", maxDiscount: " ", discountKind: "none" });

    expect(parseOffer(document)).toMatchObject({ product: { kind: "recommended", excludeProductIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"] }, limits: {}, discount: { kind: "none" } });
    expect(document).not.toHaveProperty("maxDiscount");
  });

  it.each([
    ["product.variantId", "variantId"],
    ["product", "productKind"],
    ["discount.percent", "discountValue"],
    ["limits.maxPerCustomer", "maxPerCustomer"],
    ["schedule.endsAt", "endsAt"],
    ["copy.title", "copyTitle"],
    ["targeting.all.0.min", "targeting"],
    ["arms.1.weight", "arms"],
    ["priority", "priority"],
    ["", "_"],
  ])("GIVEN the schema path %s THEN the message belongs to the form field %s", (path, field) => {
    expect(formFieldOf(path)).toBe(field);
  });

  it("GIVEN nested targeting errors WHEN mapped to the form THEN the message keeps where in the JSON it is", () => {
    expect(formErrorsOf({ "targeting.all.0.min": ["must be a decimal amount like 12.50"] })).toEqual({ targeting: ["all.0.min: must be a decimal amount like 12.50"] });
  });
});
