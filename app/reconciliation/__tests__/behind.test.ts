import { describe, expect, it } from "vitest";
import { ordersBehind, type HeldState } from "../behind";
import type { OrderVersion } from "../order-node";

const T1 = new Date("2026-11-25T10:00:00Z");
const T2 = new Date("2026-11-25T11:00:00Z");
const ORDER = "gid://shopify/Order/1";
const FULFILLMENT = "gid://shopify/Fulfillment/2";
const EVENT = "gid://shopify/FulfillmentEvent/3";

const version = (fulfillments: OrderVersion["fulfillments"] = []): OrderVersion => ({ id: ORDER, updatedAt: T2, fulfillments });
const fulfillment = (id = FULFILLMENT, eventIds = [EVENT]) => ({ id, updatedAt: T2, events: { nodes: eventIds.map((eventId) => ({ id: eventId })) } });
const held = (versions: [string, Date][], eventIds: string[] = []): HeldState => ({ versions: new Map(versions), eventIds: new Set(eventIds) });

describe("ordersBehind", () => {
  it.each<[string, OrderVersion, HeldState, boolean]>([
    ["an order we do not hold", version(), held([]), true],
    ["an order we hold older", version(), held([[ORDER, T1]]), true],
    ["an order we hold at the same version", version(), held([[ORDER, T2]]), false],
    ["an order we hold newer (the read is stale)", version(), held([[ORDER, new Date("2026-11-25T12:00:00Z")]]), false],
    ["a fulfillment we do not hold", version([fulfillment()]), held([[ORDER, T2]], [EVENT]), true],
    ["a fulfillment we hold older", version([fulfillment()]), held([[ORDER, T2], [FULFILLMENT, T1]], [EVENT]), true],
    ["a newest event we never received", version([fulfillment()]), held([[ORDER, T2], [FULFILLMENT, T2]]), true],
    ["everything current", version([fulfillment()]), held([[ORDER, T2], [FULFILLMENT, T2]], [EVENT]), false],
    [
      "as many fulfillments as a listing shows (there may be more)",
      version(["5", "6", "7", "8"].map((n) => fulfillment(`gid://shopify/Fulfillment/${n}`, []))),
      held([[ORDER, T2], ...["5", "6", "7", "8"].map((n): [string, Date] => [`gid://shopify/Fulfillment/${n}`, T2])]),
      true,
    ],
  ])("GIVEN %s THEN its details are read: %s", (_case, listed, state, behind) => {
    expect(ordersBehind([listed], state)).toEqual(behind ? [ORDER] : []);
  });
});
