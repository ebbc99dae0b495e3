import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/sqlite/client";
import { SHOP_DATA_MODELS, delegateName, modelFields } from "../shop-data-models";

describe("SHOP_DATA_MODELS", () => {
  it.each(Object.values(Prisma.ModelName))("GIVEN the model %s WHEN shop/redact plans its deletes THEN the model is covered by its shop field", (model) => {
    // A model without `shop` cannot be erased per shop: give it one, or decide here why it holds no shop data.
    expect(modelFields(model)).toContain("shop");
    expect(SHOP_DATA_MODELS).toContain(model);
  });

  it.each([
    ["TrackingEvent", "trackingEvent"],
    ["Shop", "shop"],
  ] as const)("GIVEN the model %s WHEN its client delegate is named THEN it is %s", (model, delegate) => {
    expect(delegateName(model)).toBe(delegate);
  });
});
