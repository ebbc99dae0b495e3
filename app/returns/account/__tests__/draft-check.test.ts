import { describe, expect, it } from "vitest";
import type { Draft } from "../../portal/draft";
import { portalTranslator } from "../../portal/messages";
import { ADA, EXCHANGE_OPTIONS, fakeBackend, NOW, ORDER, SCARF, SHIRT } from "../../portal/__tests__/portal-fixture";
import type { ReturnStep } from "../contract";
import { checkDraft } from "../draft-check";

const view = { t: portalTranslator("en"), locale: "en" as const, timeZone: "Europe/Berlin", now: NOW };
const context = () => fakeBackend().loadReturnContext({ shop: "draft-check.myshopify.com", customerId: ADA.gid, orderId: ORDER.gid });
const shirt = (extra: Partial<Draft["items"][number]> = {}): Draft["items"][number] => ({ lineItemId: SHIRT, quantity: 1, reason: "size_too_large", note: "", photos: [], ...extra });

describe("checkDraft", () => {
  it.each<[string, ReturnStep, Draft, Record<string, string[]>]>([
    ["more shirts than were bought", "items", { items: [shirt({ quantity: 3 })] }, { items: ["Linen shirt: choose a whole number from 0 to 2."] }],
    ["a line of another order", "items", { items: [shirt({ lineItemId: "gid://shopify/LineItem/99" })] }, { items: ["Your return form was changed or has expired. Please start again."] }],
    ["no reason", "reasons", { items: [shirt({ reason: undefined })] }, { reasons: ["Linen shirt: choose a reason."] }],
    ["a final-sale scarf", "items", { items: [{ ...shirt(), lineItemId: SCARF }] }, { items: ["Silk scarf: choose a whole number from 0 to 0."] }],
    ["a damaged shirt without the photo and note its reason needs", "reasons", { items: [shirt({ reason: "defective" })] }, { reasons: [expect.stringMatching(/^Please add a photo of Linen shirt/) as unknown as string] }],
    ["no outcome", "outcome", { items: [shirt()] }, { outcome: ["Choose what you'd like instead."] }],
    ["two shirts for the one L in stock", "outcome", { items: [shirt({ quantity: 2 })], outcome: "exchange", exchange: [{ lineItemId: SHIRT, variantId: "gid://shopify/ProductVariant/33" }] }, { exchange: ["Linen shirt — L: only 1 in stock."] }],
    ["no method", "method", { items: [shirt()], outcome: "refund" }, { method: ["Choose how you'll send the items back."] }],
  ])("GIVEN a draft with %s WHEN checked through %s THEN the portal's message names the step", async (_, step, draft, fieldErrors) => {
    expect(checkDraft(await context(), draft, step, EXCHANGE_OPTIONS, view)).toEqual({ ok: false, fieldErrors });
  });

  it("GIVEN an exchange while variants cannot be loaded WHEN checked THEN exchange is refused as unavailable", async () => {
    const draft: Draft = { items: [shirt()], outcome: "exchange", exchange: [{ lineItemId: SHIRT, variantId: "gid://shopify/ProductVariant/31" }] };

    expect(checkDraft(await context(), draft, "outcome", null, view)).toEqual({ ok: false, fieldErrors: { outcome: ["Exchanges can't be chosen online right now."] } });
  });

  it("GIVEN a complete draft WHEN checked through the method THEN it passes with the note trimmed and the engine's decision on its items", async () => {
    const draft: Draft = { items: [shirt({ note: "  too roomy  " })], outcome: "store_credit", method: "mail_label" };

    const checked = checkDraft(await context(), draft, "method", EXCHANGE_OPTIONS, view);

    expect(checked).toMatchObject({ ok: true, draft: { items: [{ note: "too roomy" }], outcome: "store_credit", method: "mail_label" } });
    if (checked.ok) expect(checked.decision.items.map((item) => item.status)).toEqual(["eligible"]);
  });
});
