import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import type { Db } from "~/db.server";
import * as orderRoute from "~/routes/api.returns.order";
import * as photosRoute from "~/routes/api.returns.photos";
import * as previewRoute from "~/routes/api.returns.preview";
import * as statusRoute from "~/routes/api.returns.status";
import * as submitRoute from "~/routes/api.returns.submit";

/** The customer-account return routes' cases for the two-shop isolation test (app/__tests__/isolation/routes.db.test.ts). */

type Answer = { status: number; text: string };

export interface ReturnsIsolationContext {
  shopA: string;
  shopB: string;
  marker: string;
  appUrl: string;
  /** The order id, line and customer both shops have. */
  orderId: string;
  customerId: string;
  lineItemId: string;
  prisma: () => Db;
  call: (run: () => unknown) => Promise<Answer>;
  args: (request: Request, params?: Record<string, string>) => { request: Request; params: Record<string, string>; context: AppLoadContext };
  /** A customer-account session token of shop B for `customerId`. */
  customerTokenOfB: (customerId: string) => Promise<string>;
}

/** A customer of shop B who has no order there. */
const STRANGER = "gid://shopify/Customer/424242";

/**
 * One case per return extension route. A customer of B asking for the order id both shops have is refused
 * before anything is read from Shopify; B's own customer asking for A's return by its id finds nothing.
 */
export function returnsExtensionRouteCases(ctx: ReturnsIsolationContext): Record<string, { statuses: number[]; asShopB: () => Promise<Answer> }> {
  const request = async (path: string, init: RequestInit = {}, customerId = STRANGER) =>
    new Request(`${ctx.appUrl}${path}`, { ...init, headers: { Origin: "https://extensions.shopifycdn.com", Authorization: `Bearer ${await ctx.customerTokenOfB(customerId)}`, ...(init.headers as Record<string, string>) } });
  const postJson = (path: string, body: object) => request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ orderId: ctx.orderId, ...body }) });
  const draft = { items: [{ lineItemId: ctx.lineItemId, quantity: 1, reason: "size_too_small" }], outcome: "refund", method: "mail_label" };
  return {
    "api.returns.order": { statuses: [403], asShopB: async () => ctx.call(async () => orderRoute.loader(ctx.args(await request(`/api/returns/order?orderId=${encodeURIComponent(ctx.orderId)}`)))) },
    "api.returns.preview": { statuses: [403], asShopB: async () => ctx.call(async () => previewRoute.action(ctx.args(await postJson("/api/returns/preview", { step: "method", draft })))) },
    "api.returns.submit": {
      statuses: [403],
      asShopB: async () => {
        const answer = await ctx.call(async () => submitRoute.action(ctx.args(await postJson("/api/returns/submit", { idempotencyKey: crypto.randomUUID(), draft }))));
        expect(await ctx.prisma().returnCase.count({ where: { shop: ctx.shopB } })).toBe(0);
        return answer;
      },
    },
    "api.returns.photos": {
      statuses: [403],
      asShopB: async () => {
        const form = new FormData();
        form.set("orderId", ctx.orderId);
        form.set("photo", new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "photo.jpg"));
        return ctx.call(async () => photosRoute.action(ctx.args(await request("/api/returns/photos", { method: "POST", body: form }))));
      },
    },
    "api.returns.status": {
      statuses: [404],
      asShopB: async () => {
        // A's return (removed again afterwards, so A's snapshot stays as seeded), asked for by B's customer with the same gid.
        const money = { itemsValue: "10.00", fees: "0.00", refundAmount: "10.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00" };
        const alpha = await ctx.prisma().returnCase.create({
          data: { shop: ctx.shopA, orderId: ctx.orderId, orderName: `${ctx.marker}-order`, customerId: ctx.customerId, name: `${ctx.marker}-R9`, status: "requested", outcome: "refund", idempotencyKey: `${ctx.marker}-account-key`, decision: "{}", currency: "EUR", requestedAt: new Date(), ...money },
        });
        try {
          return await ctx.call(async () => statusRoute.loader(ctx.args(await request(`/api/returns/status?returnId=${encodeURIComponent(alpha.id)}`, {}, ctx.customerId))));
        } finally {
          await ctx.prisma().returnCase.deleteMany({ where: { shop: ctx.shopA, id: alpha.id } });
        }
      },
    },
  };
}
