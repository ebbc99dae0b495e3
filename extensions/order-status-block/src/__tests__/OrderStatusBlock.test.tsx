/** @jsxImportSource preact */
import { render as renderToString } from "preact-render-to-string";
import { describe, expect, it, vi } from "vitest";
import type { OrderStatusView as ServerView } from "~/shipments/order-status";
import type { OrderStatusResponse } from "../contract";
import { loadOrderStatus, OrderStatusUnavailable } from "../load-order-status";
import { OrderStatusBlock } from "../OrderStatusBlock";
import { OrderStatusView } from "../OrderStatusView";
import { fakeApi } from "./fake-api";

// The server's view and the extension's contract must stay the same shape.
const splitOrder: OrderStatusResponse = {
  order: { id: "gid://shopify/Order/3001", name: "#3001", cancelled: false, promise: null },
  parcels: [
    {
      id: "p1",
      trackingNumber: "1Z999AA10123456784",
      carrier: "UPS",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      status: "delivered",
      statusAt: "2026-03-04T10:00:00.000Z",
      estimatedDeliveryAt: null,
      promise: null,
      deliveredAt: "2026-03-04T10:00:00.000Z",
      items: [{ title: "Rain jacket", variantTitle: "M / Blue", quantity: 1 }],
      events: [{ status: "delivered", happenedAt: "2026-03-04T10:00:00.000Z", message: "Left at <front door>", location: "Berlin, DE" }],
    },
    {
      id: "p2",
      trackingNumber: "RR123456785GB",
      carrier: "Royal Mail",
      trackingUrl: null,
      status: "exception",
      statusAt: "2026-03-05T08:00:00.000Z",
      estimatedDeliveryAt: "2026-03-12T00:00:00.000Z",
      promise: null,
      deliveredAt: null,
      items: [{ title: "Stove", variantTitle: null, quantity: 2 }],
      events: [],
    },
  ],
} satisfies ServerView;

const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("OrderStatusView", () => {
  it("GIVEN a split order WHEN rendered THEN the shopper sees each parcel's status, progress, ETA or delivery, items, carrier link and updates", () => {
    const html = renderToString(<OrderStatusView view={splitOrder} text={fakeApi()} />);
    const text = textOf(html);

    expect(text).toContain("Parcel 1 of 2");
    expect(text).toContain("Delivered Delivered on 4 Mar 2026");
    expect(text).toContain("1 × Rain jacket – M / Blue");
    expect(text).toContain("Track with UPS");
    expect(html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    expect(text).toContain("Delivered 4 Mar 2026, 11:00 — Left at &lt;front door>, Berlin, DE");
    expect(text).toContain("Parcel 2 of 2");
    expect(text).toContain("Problem with delivery Estimated delivery: 12 Mar 2026");
    expect(text).toContain("2 × Stove");
    expect(text).toContain("No updates from the carrier yet.");
    expect(html).toMatch(/<s-progress[^>]*value="4"[^>]*max="4"/);
    expect(html).toMatch(/<s-progress[^>]*value="2"[^>]*tone="critical"/);
    expect(html).not.toContain("<front door>");
  });

  it.each([
    ["an order not shipped yet", { ...splitOrder, parcels: [] }, "Your order has not shipped yet."],
    ["a cancelled order without parcels", { order: { ...splitOrder.order, cancelled: true }, parcels: [] }, "This order was cancelled."],
  ])("GIVEN %s WHEN rendered THEN it says so", (_, view, expected) => {
    expect(textOf(renderToString(<OrderStatusView view={view} text={fakeApi()} />))).toContain(expected);
  });

  it("GIVEN our delivery promise for a parcel WHEN rendered THEN the promised range replaces the carrier's date", () => {
    const parcel = { ...splitOrder.parcels[1]!, status: "in_transit", promise: { earliestDate: "2026-03-10", promisedDate: "2026-03-11" } };
    const text = textOf(renderToString(<OrderStatusView view={{ ...splitOrder, parcels: [parcel] }} text={fakeApi()} />));

    expect(text).toContain("Estimated delivery: 10 Mar 2026 – 11 Mar 2026");
    expect(text).not.toContain("12 Mar 2026");
  });

  it("GIVEN an order not shipped yet with a purchase promise WHEN rendered THEN the promise is shown under the empty state", () => {
    const view = { order: { ...splitOrder.order, promise: { earliestDate: "2026-03-09", promisedDate: "2026-03-09" } }, parcels: [] };
    expect(textOf(renderToString(<OrderStatusView view={view} text={fakeApi()} />))).toContain("as soon as it does. Estimated delivery: 9 Mar 2026");
  });

  it("GIVEN a single parcel WHEN rendered THEN it is not numbered", () => {
    const text = textOf(renderToString(<OrderStatusView view={{ ...splitOrder, parcels: [splitOrder.parcels[0]!] }} text={fakeApi()} />));

    expect(text).not.toContain("Parcel 1 of 1");
  });
});

describe("OrderStatusBlock", () => {
  it("GIVEN the block before its data arrives WHEN rendered THEN it shows an accessible loading state under its heading", () => {
    const html = renderToString(<OrderStatusBlock api={fakeApi()} appUrl="https://app.example" />);

    expect(html).toContain('heading="Track your parcels"');
    expect(html).toContain('<s-spinner accessibilityLabel="Loading tracking…"');
  });

  it("GIVEN no order id yet WHEN rendered THEN it shows the empty state", () => {
    expect(textOf(renderToString(<OrderStatusBlock api={fakeApi({ orderId: undefined })} appUrl="https://app.example" />))).toContain("has not shipped yet");
  });
});

describe("loadOrderStatus", () => {
  it("GIVEN the app answers WHEN loading THEN it asks for the order with the session token as a bearer", async () => {
    const fetchImpl = vi.fn(async () => Response.json(splitOrder));

    const view = await loadOrderStatus("https://app.example", "gid://shopify/Order/3001", async () => "tok", fetchImpl);

    expect(view).toEqual(splitOrder);
    expect(fetchImpl).toHaveBeenCalledWith("https://app.example/api/order-status?orderId=gid%3A%2F%2Fshopify%2FOrder%2F3001", {
      headers: { Authorization: "Bearer tok" },
    });
  });

  it.each([
    ["404 (not this customer's order)", () => Response.json({ error: "not_found" }, { status: 404 })],
    ["401 (session expired)", () => new Response(null, { status: 401 })],
    ["a body of the wrong shape", () => Response.json({ nope: true })],
  ])("GIVEN the app answers %s WHEN loading THEN it fails as unavailable", async (_, answer) => {
    const loading = loadOrderStatus("https://app.example", "gid://shopify/Order/1", async () => "tok", async () => answer());

    await expect(loading).rejects.toBeInstanceOf(OrderStatusUnavailable);
  });
});
