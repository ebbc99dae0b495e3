import { describe, expect, it, vi } from "vitest";
import { beanieOffer } from "../../../shared/offer-block/__tests__/fake-api";
import { postPurchaseClient } from "../client";
import type { PostPurchaseOfferResponse } from "../contract";
import { shouldRender } from "../should-render";

const APP = "https://app.example";

function run(answer: () => Response) {
  const fetchImpl = vi.fn(async () => answer());
  const update = vi.fn(async () => undefined);
  const api = { inputData: { token: "input-token", locale: "en", initialPurchase: { referenceId: "ref-1" } }, storage: { update } };
  const result = shouldRender(api, postPurchaseClient(APP, "input-token", fetchImpl as unknown as typeof fetch));
  return { result, fetchImpl, update };
}

describe("ShouldRender", () => {
  it("GIVEN the app has an offer WHEN asked THEN it posts the reference id with the input token, stores the offer and renders", async () => {
    const { result, fetchImpl, update } = run(() => Response.json({ render: true, offer: beanieOffer } satisfies PostPurchaseOfferResponse));

    await expect(result).resolves.toEqual({ render: true });
    expect(fetchImpl).toHaveBeenCalledWith(`${APP}/api/post-purchase/offer`, {
      method: "POST",
      headers: { Authorization: "Bearer input-token", "Content-Type": "application/json" },
      body: JSON.stringify({ referenceId: "ref-1" }),
    });
    expect(update).toHaveBeenCalledWith({ offer: beanieOffer });
  });

  it.each([
    ["no eligible offer", () => Response.json({ render: false, offer: null })],
    ["already decided for this purchase", () => Response.json({ render: false, offer: beanieOffer })],
    ["render without an offer", () => Response.json({ render: true, offer: null })],
    ["401 (forged or expired token)", () => new Response(null, { status: 401 })],
    ["500 (outage)", () => new Response("boom", { status: 500 })],
    ["a body of the wrong shape", () => Response.json({ offer: beanieOffer })],
    ["an offer without an id", () => Response.json({ render: true, offer: { title: "half an offer" } })],
  ])("GIVEN the app answers %s WHEN asked THEN the page is skipped and nothing is stored", async (_, answer) => {
    const { result, update } = run(answer);

    await expect(result).resolves.toEqual({ render: false });
    expect(update).not.toHaveBeenCalled();
  });

  it("GIVEN the network fails WHEN asked THEN the page is skipped", async () => {
    const update = vi.fn();
    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    const api = { inputData: { token: "t", locale: "en", initialPurchase: { referenceId: "ref-1" } }, storage: { update } };

    await expect(shouldRender(api, postPurchaseClient(APP, "t", failing))).resolves.toEqual({ render: false });
  });
});
