/** @jsxImportSource preact */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDom } from "../../__tests__/dom";
import type { OfferEventRequest, SurfaceOfferResponse } from "../contract";
import { OfferBlock } from "../OfferBlock";
import { beanieOffer, codeAnswer, fakeApi, offerAnswer } from "./fake-api";

const APP = "https://app.example";

/** A fake backend: answers GET /api/offers with `answer` and records every event posted. */
function fakeBackend(answer: () => Response) {
  const events: OfferEventRequest[] = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    if (href.startsWith(`${APP}/api/offers/events`)) {
      events.push(JSON.parse(String(init?.body)) as OfferEventRequest);
      return new Response(null, { status: 204 });
    }
    if (href.startsWith(`${APP}/api/offers?`)) return answer();
    throw new Error(`unexpected fetch ${href}`);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls: fetchImpl.mock.calls, events };
}

const json = (body: SurfaceOfferResponse) => () => Response.json(body);

let dom: ReturnType<typeof createDom>;
afterEach(async () => {
  await dom?.unmount();
});

async function show(surface: "thank_you" | "order_status", backend: ReturnType<typeof fakeBackend>, api = fakeApi()) {
  dom = createDom();
  await dom.render(<OfferBlock api={api} appUrl={APP} surface={surface} fetchImpl={backend.fetchImpl} />);
  await dom.settle();
  return dom;
}

describe("OfferBlock", () => {
  it.each(["thank_you", "order_status"] as const)(
    "GIVEN an offer for the order on %s WHEN shown THEN the shopper sees the product, both prices, the discount and the link, asked for with the session token",
    async (surface) => {
      const backend = fakeBackend(json(offerAnswer));
      const shown = await show(surface, backend);

      expect(shown.text()).toContain("Complete your look");
      expect(shown.text()).toContain("Pairs with the jacket you just bought.");
      expect(shown.text()).toContain("Wool beanie Charcoal $40.00 $34.00 15% off");
      expect(shown.text()).toContain("Add to my next order");
      expect(shown.query('s-text[type="redundant"]')?.textContent).toBe("$40.00");
      expect(shown.query("s-product-thumbnail")?.getAttribute("src")).toBe("https://cdn.example/beanie.jpg");
      expect(shown.query("s-link")?.getAttribute("href")).toBe("https://shop.example/products/wool-beanie");
      expect(backend.calls[0]).toEqual([
        `${APP}/api/offers?surface=${surface}&orderId=gid%3A%2F%2Fshopify%2FOrder%2F5001`,
        { headers: { Authorization: "Bearer session-token" } },
      ]);
    },
  );

  it("GIVEN an offer WHEN it is shown and the block re-renders THEN exactly one impression is posted for it", async () => {
    const backend = fakeBackend(json(offerAnswer));
    const shown = await show("thank_you", backend);
    await shown.render(<OfferBlock api={fakeApi()} appUrl={APP} surface="thank_you" fetchImpl={backend.fetchImpl} />);
    await shown.settle();

    expect(backend.events).toEqual([{ surface: "thank_you", orderId: "gid://shopify/Order/5001", offerId: "offer_1", armId: "arm_b", kind: "impression" }]);
    const eventCall = backend.calls.find(([url]) => String(url).endsWith("/api/offers/events"));
    expect(eventCall?.[1]).toMatchObject({ method: "POST", keepalive: true, headers: { Authorization: "Bearer session-token", "Content-Type": "application/json" } });
  });

  it("GIVEN a shown offer WHEN the shopper follows the product link THEN a click is posted", async () => {
    const backend = fakeBackend(json(offerAnswer));
    const shown = await show("order_status", backend);

    await shown.fire("s-link", "click");
    await shown.settle();

    expect(backend.events.map((event) => event.kind)).toEqual(["impression", "click"]);
    expect(backend.events[1]).toMatchObject({ surface: "order_status", offerId: "offer_1", armId: "arm_b" });
  });

  it("GIVEN an offer without a discount, a storefront URL or an image WHEN shown THEN one price, no link and no image appear", async () => {
    const plain = { ...beanieOffer, quantity: 2, originalPrice: beanieOffer.discountedPrice, discountLabel: null, product: { ...beanieOffer.product, url: null, imageUrl: null, variantTitle: null } };
    const shown = await show("thank_you", fakeBackend(json({ offer: plain, discountCode: null })));

    expect(shown.text()).toContain("2 × Wool beanie $34.00");
    expect(shown.query('s-text[type="redundant"]')).toBeNull();
    expect(shown.query("s-link")).toBeNull();
    expect(shown.query("s-product-thumbnail")).toBeNull();
  });

  it("GIVEN a next-order code WHEN shown THEN the shopper sees the code, what it gives, its end date and a copy button wired to it; one code impression is posted", async () => {
    const backend = fakeBackend(json(codeAnswer));
    const shown = await show("thank_you", backend);

    expect(shown.text()).toContain("A thank-you for your next order");
    expect(shown.text()).toContain("15% off your next order");
    expect(shown.text()).toContain("THANKS-7Q2K");
    expect(shown.text()).toContain("Valid until 31 Dec 2026");
    const clipboard = shown.query("s-clipboard-item");
    expect(clipboard?.getAttribute("text")).toBe("THANKS-7Q2K");
    const button = shown.query("s-button");
    expect(button?.getAttribute("commandFor")).toBe(clipboard?.getAttribute("id"));
    expect(button?.getAttribute("command")).toBe("--copy");
    expect(button?.textContent).toBe("Copy code");
    expect(backend.events).toEqual([{ surface: "thank_you", orderId: "gid://shopify/Order/5001", offerId: "offer_2", armId: "", kind: "code_impression" }]);
  });

  it("GIVEN a shown code WHEN the block re-renders and the shopper copies the code twice THEN one code impression and each copy are posted", async () => {
    const backend = fakeBackend(json(codeAnswer));
    const shown = await show("order_status", backend);
    await shown.render(<OfferBlock api={fakeApi()} appUrl={APP} surface="order_status" fetchImpl={backend.fetchImpl} />);

    await shown.fire("s-clipboard-item", "copy");
    await shown.fire("s-clipboard-item", "copy");
    await shown.settle();

    expect(backend.events.map((event) => [event.offerId, event.kind])).toEqual([
      ["offer_2", "code_impression"],
      ["offer_2", "code_copy"],
      ["offer_2", "code_copy"],
    ]);
  });

  it("GIVEN a code whose copy fails WHEN reported THEN no copy is counted", async () => {
    const backend = fakeBackend(json(codeAnswer));
    const shown = await show("thank_you", backend);

    await shown.fire("s-clipboard-item", "copyerror");
    await shown.settle();

    expect(backend.events.map((event) => event.kind)).toEqual(["code_impression"]);
  });

  it.each([
    ["copy", "Copied", false],
    ["copyerror", "Copy code", true],
  ])("GIVEN a shown code WHEN the clipboard reports %s THEN the shopper is told", async (event, label, failed) => {
    const shown = await show("order_status", fakeBackend(json(codeAnswer)));

    await shown.fire("s-clipboard-item", event);

    expect(shown.query("s-button")?.textContent).toBe(label);
    expect(shown.text().includes("Could not copy")).toBe(failed);
  });

  it("GIVEN both an offer and a code WHEN shown THEN both appear, the offer first, and each counts its impression", async () => {
    const backend = fakeBackend(json({ offer: beanieOffer, discountCode: codeAnswer.discountCode }));
    const shown = await show("thank_you", backend);

    expect(shown.text().indexOf("Wool beanie")).toBeLessThan(shown.text().indexOf("THANKS-7Q2K"));
    await shown.settle();
    expect(backend.events.map((event) => [event.offerId, event.kind])).toEqual([
      ["offer_1", "impression"],
      ["offer_2", "code_impression"],
    ]);
  });

  it.each([
    ["no offer and no code", json({ offer: null, discountCode: null })],
    ["401 (session expired)", () => new Response(null, { status: 401 })],
    ["500 (outage)", () => Response.json({ error: "internal" }, { status: 500 })],
    ["a body of the wrong shape", () => Response.json({ offer: { title: "half an offer" }, discountCode: null })],
  ])("GIVEN the app answers %s WHEN the block loads THEN the shopper sees nothing and nothing is counted", async (_, answer) => {
    const backend = fakeBackend(answer);
    const shown = await show("thank_you", backend);

    expect(shown.html()).toBe("");
    expect(backend.events).toEqual([]);
  });

  it("GIVEN no order id (yet) WHEN rendered THEN nothing is fetched or shown", async () => {
    const backend = fakeBackend(json(offerAnswer));
    const shown = await show("order_status", backend, fakeApi({ orderId: undefined }));

    expect(shown.html()).toBe("");
    expect(backend.calls).toEqual([]);
  });

  it("GIVEN the event endpoint fails WHEN an offer is shown THEN the offer stays on screen", async () => {
    const backend = fakeBackend(json(offerAnswer));
    const failing = vi.fn(async (url: string | URL | Request, init?: RequestInit) =>
      String(url).endsWith("/events") ? new Response(null, { status: 503 }) : backend.fetchImpl(url, init),
    ) as unknown as typeof fetch;
    dom = createDom();
    await dom.render(<OfferBlock api={fakeApi()} appUrl={APP} surface="thank_you" fetchImpl={failing} />);
    await dom.settle();

    expect(dom.text()).toContain("Wool beanie");
  });
});
