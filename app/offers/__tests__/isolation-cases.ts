import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import type { Db } from "~/db.server";
import * as offerEventsRoute from "~/routes/api.offers.events";
import * as offersRoute from "~/routes/api.offers";
import * as decisionRoute from "~/routes/api.post-purchase.decision";
import * as offerRoute from "~/routes/api.post-purchase.offer";
import * as signRoute from "~/routes/api.post-purchase.sign";
import * as editorRoute from "~/routes/app.offers.$id";
import * as offersIndexRoute from "~/routes/app.offers._index";
import { postPurchaseInputToken } from "./post-purchase-input-token";

/** The offer routes' cases for the two-shop isolation test (app/__tests__/isolation/routes.db.test.ts). */

export const SAME_OFFER_ID = "same-offer";
export const SAME_REFERENCE_ID = "same-reference";

/** Shop A's offer, a decision on its purchase and its counted impression, all under the same ids shop B will use. */
export async function seedOfferRows(prisma: Db, shop: string, marker: string, orderId: string): Promise<void> {
  const document = { id: SAME_OFFER_ID, name: `${marker} socks`, product: { kind: "recommended" }, copy: { title: `${marker} offer` } };
  await prisma.offer.create({ data: { shop, id: SAME_OFFER_ID, name: document.name, document: JSON.stringify(document) } });
  await prisma.offerDecision.create({
    data: { shop, referenceId: SAME_REFERENCE_ID, offerId: SAME_OFFER_ID, armId: "", purchaseKey: "11x1", variantId: "gid://shopify/ProductVariant/901", quantity: 1, unitPrice: "20.00", discountedUnitPrice: "17.00", currencyCode: "USD" },
  });
  await prisma.offerEvent.create({ data: { shop, offerId: SAME_OFFER_ID, armId: "", surface: "thank_you", orderKey: orderId, kind: "impression" } });
}

type Answer = { status: number; text: string };

export interface IsolationContext {
  shopB: string;
  appUrl: string;
  orderId: string;
  call: (run: () => unknown) => Promise<Answer>;
  args: (request: Request, params?: Record<string, string>) => { request: Request; params: Record<string, string>; context: AppLoadContext };
  adminAsB: (path: string) => Promise<Request>;
  /** A customer-account session token of shop B for the customer both shops have. */
  customerTokenOfB: () => Promise<string>;
}

/** One case per offer route: shop B asking about shop A's offer, purchase and order by the same ids. */
export function offerRouteCases(ctx: IsolationContext): Record<string, { statuses: number[]; asShopB: () => Promise<Answer> }> {
  const postPurchase = async (path: string, body: object) => {
    const token = await postPurchaseInputToken({ shop: ctx.shopB, referenceId: SAME_REFERENCE_ID });
    return new Request(`${ctx.appUrl}${path}`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify({ referenceId: SAME_REFERENCE_ID, ...body }) });
  };
  const extension = async (path: string, init: RequestInit = {}) =>
    new Request(`${ctx.appUrl}${path}`, { ...init, headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${await ctx.customerTokenOfB()}`, "Content-Type": "application/json" } });
  return {
    // B has no offers: nothing renders, and A's decision for the same reference id is not B's.
    "api.post-purchase.offer": { statuses: [200], asShopB: async () => ctx.call(async () => offerRoute.action(ctx.args(await postPurchase("/api/post-purchase/offer", {})))) },
    "api.post-purchase.sign": {
      statuses: [422],
      asShopB: async () => ctx.call(async () => signRoute.action(ctx.args(await postPurchase("/api/post-purchase/sign", { offerId: SAME_OFFER_ID, armId: "" })))),
    },
    "api.post-purchase.decision": {
      statuses: [422],
      asShopB: async () => ctx.call(async () => decisionRoute.action(ctx.args(await postPurchase("/api/post-purchase/decision", { offerId: SAME_OFFER_ID, armId: "", decision: "accepted" })))),
    },
    "api.offers": {
      statuses: [200],
      asShopB: async () => {
        const answer = await ctx.call(async () => offersRoute.loader(ctx.args(await extension(`/api/offers?surface=order_status&orderId=${encodeURIComponent(ctx.orderId)}`))));
        expect(JSON.parse(answer.text)).toEqual({ offer: null, discountCode: null });
        return answer;
      },
    },
    "api.offers.events": {
      statuses: [404],
      asShopB: async () =>
        ctx.call(async () =>
          offerEventsRoute.action(
            ctx.args(await extension("/api/offers/events", { method: "POST", body: JSON.stringify({ surface: "thank_you", orderId: ctx.orderId, offerId: SAME_OFFER_ID, armId: "", kind: "click" }) })),
          ),
        ),
    },
    "app.offers._index": {
      statuses: [200],
      asShopB: async () => {
        // Pausing A's offer by its id is refused as unknown; B's list shows none of A's offers.
        const form = new URLSearchParams({ offerId: SAME_OFFER_ID, status: "paused" });
        const pause = await ctx.adminAsB("/app/offers");
        const paused = await ctx.call(async () =>
          offersIndexRoute.action(ctx.args(new Request(pause.url, { method: "POST", headers: { ...Object.fromEntries(pause.headers), "Content-Type": "application/x-www-form-urlencoded" }, body: form }))),
        );
        expect(paused.status).toBe(404);
        const answer = await ctx.call(async () => offersIndexRoute.loader(ctx.args(await ctx.adminAsB("/app/offers"))));
        expect(JSON.parse(answer.text).rows).toEqual([]);
        return answer;
      },
    },
    "app.offers.$id": { statuses: [404], asShopB: async () => ctx.call(async () => editorRoute.loader(ctx.args(await ctx.adminAsB(`/app/offers/${SAME_OFFER_ID}`), { id: SAME_OFFER_ID }))) },
  };
}
