/** @jsxImportSource preact */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDom } from "../../__tests__/dom";
import type { ReturnProblemResponse, ReturnReviewView } from "../contract";
import { returnsClient } from "../returns-client";
import { ReturnFlow } from "../ReturnFlow";
import { fakeHost, orderAnswer, SHIRT, statusAnswer } from "./fake-host";

const APP = "https://app.example";
let dom: ReturnType<typeof createDom> | undefined;
afterEach(async () => {
  await dom?.unmount();
  dom = undefined;
});

/** A backend that answers each endpoint (by its last path segment) from `answers`, in order for repeated calls. */
function backend(answers: Record<string, Array<() => Response>>) {
  const fetchImpl = vi.fn(async (url: string, _init?: RequestInit) => {
    const name = new URL(url).pathname.split("/").at(-1)!;
    const next = answers[name]?.shift();
    if (!next) throw new Error(`unexpected call to ${url}`);
    return next();
  });
  return { fetchImpl, client: returnsClient(APP, fakeHost(), fetchImpl as unknown as typeof fetch) };
}

async function open(client: ReturnType<typeof returnsClient>) {
  dom = createDom();
  await dom.render(<ReturnFlow host={fakeHost()} client={client} />);
  await dom.settle();
  return dom;
}

const review: ReturnReviewView = {
  items: [{ lineItemId: SHIRT, title: "Linen shirt", quantity: 1, reason: "Too large", explanations: [] }],
  outcome: "Refund to your original payment",
  method: "Prepaid shipping label",
  exchange: [],
  fees: ["Return shipping: €4.95"],
  totals: [{ label: "Value of returned items", value: "€40.00" }, { label: "Refund to your original payment", value: "€35.05" }],
  notes: [],
  approval: "Reviewed by the store",
  blockers: [],
  idempotencyKey: "0b8a3c52-7d8e-4a4f-9c55-3f1b2c7d9e10",
};

describe("ReturnFlow", () => {
  it("GIVEN an order with an open return and nothing left to return WHEN the modal opens THEN it shows that return's status with the label and every step", async () => {
    const { client, fetchImpl } = backend({ order: [() => Response.json({ ...orderAnswer, canStart: false })], status: [() => Response.json(statusAnswer)] });

    const page = await open(client);

    expect(page.text()).toContain("Return #5001-R1 Approved — send the items back Linen shirt × 1 Store credit Store credit: €38.55");
    expect(page.query("s-link")?.getAttribute("href")).toBe("https://labels.example/5001-R1.pdf");
    expect(page.text()).toContain("What happened so far 20 Nov 2026, 12:00 — Return requested 21 Nov 2026, 09:30 — Return approved");
    expect(page.query('s-button[slot="primary-action"]')).toBeNull();
    expect(fetchImpl.mock.calls.map(([url]) => url)).toEqual([
      `${APP}/api/returns/order?orderId=gid%3A%2F%2Fshopify%2FOrder%2F5001&locale=en`,
      `${APP}/api/returns/status?returnId=case-1&locale=en`,
    ]);
  });

  it("GIVEN the items step WHEN the shopper opens an earlier return and goes back THEN its status shows and Back returns to the items", async () => {
    const { client } = backend({ order: [() => Response.json(orderAnswer)], status: [() => Response.json(statusAnswer)] });
    const page = await open(client);
    expect(page.text()).toContain("Returns of this order #5001-R1 — Approved — send the items back");

    await page.fire("s-section s-button", "click");
    await page.settle();
    expect(page.text()).toContain("Return #5001-R1");

    await page.fire('s-button[slot="secondary-actions"]', "click");
    expect(page.text()).toContain("Which items are you returning?");
  });

  it("GIVEN a review the store refuses on submit WHEN submitted THEN the blockers show on the review and the shopper stays there", async () => {
    const refused: ReturnProblemResponse = { error: "not_submittable", review: { ...review, blockers: ["Linen shirt: only 1 can still be returned"] } };
    const { client } = backend({
      order: [() => Response.json(orderAnswer)],
      preview: [() => Response.json({ next: "review", review })],
      submit: [() => Response.json(refused, { status: 422 })],
    });
    const page = await open(client);
    await page.fire('s-button[slot="primary-action"]', "click");
    await page.settle();
    expect(page.text()).toContain("Review your return");

    await page.fire('s-button[slot="primary-action"]', "click");
    await page.settle();

    expect(page.text()).toContain("This return can't be submitted yet: Linen shirt: only 1 can still be returned");
    expect(page.text()).not.toContain("We can't load your return");
    expect(page.query('s-button[slot="primary-action"]')?.textContent).toBe("Submit return");
  });

  it("GIVEN the modal on the items step WHEN drawn THEN it offers the order's full page, and only there", async () => {
    const { client } = backend({ order: [() => Response.json(orderAnswer)], status: [() => Response.json(statusAnswer)] });
    const page = await open(client);

    expect(page.query("s-customer-account-action")?.getAttribute("heading")).toBe("Return or exchange");
    expect(page.query("s-button[href]")?.getAttribute("href")).toBe("extension:return-page/customer-account.order.page.render/5001/");
    expect(page.query("s-button[href]")?.textContent).toBe("Open as a page");

    await page.fire("s-section s-button", "click");
    await page.settle();
    expect(page.query("s-button[href]")).toBeNull();
  });

  it("GIVEN the full page WHEN it opens THEN the order's name heads it, a breadcrumb leads back to the order and the same first step shows", async () => {
    const { client } = backend({ order: [() => Response.json(orderAnswer)] });
    dom = createDom();

    await dom.render(<ReturnFlow host={fakeHost()} client={client} page={{ orderName: "#5001" }} />);
    await dom.settle();

    expect(dom.query("s-customer-account-action")).toBeNull();
    expect(dom.query("s-page")?.getAttribute("heading")).toBe("#5001");
    expect(dom.query("s-page")?.getAttribute("subheading")).toBe("Return or exchange");
    const back = dom.query('s-button[slot="breadcrumb-actions"]');
    expect(back?.getAttribute("href")).toBe("shopify:customer-account/orders/5001");
    expect(back?.getAttribute("accessibilityLabel") ?? back?.getAttribute("accessibilitylabel")).toBe("Back to the order");
    expect(dom.text()).toContain("Which items are you returning? Linen shirt Returnable until Friday, 5 December");
    expect(dom.query('s-page > s-button[slot="primary-action"]')?.textContent).toBe("Continue");
  });

  it("GIVEN the backend is down WHEN the modal opens THEN the shopper reads an apology, not an error", async () => {
    const { client } = backend({ order: [() => new Response("oops", { status: 502 })] });

    const page = await open(client);

    expect(page.text()).toContain("We can't load your return right now. Please try again in a few minutes.");
  });
});
