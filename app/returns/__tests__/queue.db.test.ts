import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { parseReturnQueueQuery } from "../queue-query";
import { encodeQueueCursor } from "../queue-cursor";
import { listReturnCases } from "../queue.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;

async function seedQueue(): Promise<string> {
  const shop = `queue-${++counter}-${Date.now()}.myshopify.com`;
  const money = { itemsValue: "10.00", fees: "0.00", refundAmount: "10.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00" };
  const cases = [
    { id: "r1", status: "requested", outcome: "refund", requestedAt: new Date("2026-11-20T10:00:00Z"), reason: "defective" },
    { id: "r2", status: "open", outcome: "exchange", requestedAt: new Date("2026-11-22T10:00:00Z"), reason: "size_too_small" },
    { id: "r3", status: "requested", outcome: "store_credit", requestedAt: new Date("2026-11-24T23:30:00Z"), reason: "size_too_small" },
    { id: "r4", status: "submitting", outcome: "refund", requestedAt: new Date("2026-11-24T10:00:00Z"), reason: "defective" },
  ];
  for (const { reason, ...row } of cases) {
    await prisma().returnCase.create({ data: { ...row, ...money, shop, orderId: "gid://shopify/Order/1", customerId: "gid://shopify/Customer/1", idempotencyKey: `key-${row.id}`, decision: "{}", currency: "EUR" } });
    await prisma().returnLine.create({ data: { shop, returnId: row.id, fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${row.id}`, lineItemId: "gid://shopify/LineItem/1", title: "Mug", quantity: 2, reason, value: "10.00" } });
  }
  return shop;
}

const ids = async (shop: string, query: Record<string, string>) => (await listReturnCases(prisma(), shop, parseReturnQueueQuery(new URLSearchParams(query)))).rows.map((row) => row.id);

describe("returns queue", () => {
  it.each([
    [{}, ["r3", "r2", "r1"]],
    [{ status: "requested" }, ["r3", "r1"]],
    [{ outcome: "exchange" }, ["r2"]],
    [{ reason: "size_too_small" }, ["r3", "r2"]],
    [{ from: "2026-11-22", to: "2026-11-24" }, ["r3", "r2"]],
    [{ to: "2026-11-21" }, ["r1"]],
    [{ status: "", outcome: "" }, ["r3", "r2", "r1"]],
  ])("GIVEN filters %j THEN the queue lists %j, newest first, never a case still being submitted", async (query, expected) => {
    const shop = await seedQueue();

    expect(await ids(shop, query)).toEqual(expected);
  });

  it("GIVEN another shop's cases THEN this shop's queue is empty", async () => {
    await seedQueue();

    expect(await ids("empty-queue.myshopify.com", {})).toEqual([]);
  });

  it("GIVEN a case THEN its row counts items and names reasons", async () => {
    const shop = await seedQueue();

    const {
      rows: [row],
    } = await listReturnCases(prisma(), shop, parseReturnQueueQuery(new URLSearchParams({ outcome: "exchange" })));

    expect(row).toMatchObject({ id: "r2", status: "open", items: 2, reasons: ["size_too_small"], itemsValue: "10.00", currency: "EUR" });
  });

  it.each([
    [{ status: "lost" }, "status"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-11-25", to: "2026-11-01" }, "to"],
    [{ after: "not-a-cursor" }, "after"],
    [{ before: encodeQueueCursor({ requestedAt: new Date("2026-11-20T10:00:00Z"), id: "r1" }), after: encodeQueueCursor({ requestedAt: new Date("2026-11-20T10:00:00Z"), id: "r1" }) }, "before"],
  ])("GIVEN bad filters %j THEN InvalidInputError names %s", (query, field) => {
    expect(() => parseReturnQueueQuery(new URLSearchParams(query))).toThrow(InvalidInputError);
    try {
      parseReturnQueueQuery(new URLSearchParams(query));
    } catch (error) {
      expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual([field]);
    }
  });
});

describe("returns queue pages", () => {
  /** Seven requested refunds (p1 newest … p7 oldest, p3 and p4 at the same instant) and two exchanges among them. */
  async function seedPages(): Promise<string> {
    const shop = `pages-${++counter}-${Date.now()}.myshopify.com`;
    const money = { itemsValue: "10.00", fees: "0.00", refundAmount: "10.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00" };
    const hours = { p1: 1, x1: 2, p2: 3, p3: 4, p4: 4, p5: 5, x2: 6, p6: 7, p7: 8 };
    for (const [id, hoursAgo] of Object.entries(hours)) {
      await prisma().returnCase.create({
        data: {
          ...money,
          shop,
          id,
          status: "requested",
          outcome: id.startsWith("x") ? "exchange" : "refund",
          requestedAt: new Date(Date.parse("2026-11-25T12:00:00Z") - hoursAgo * 3_600_000),
          orderId: "gid://shopify/Order/1",
          customerId: "gid://shopify/Customer/1",
          idempotencyKey: `key-${id}`,
          decision: "{}",
          currency: "EUR",
        },
      });
    }
    return shop;
  }

  const page = (shop: string, query: Record<string, string>) => listReturnCases(prisma(), shop, parseReturnQueueQuery(new URLSearchParams(query)), { pageSize: 3 });

  it("GIVEN a filter WHEN paging forward and back THEN every match is listed once, in order, and the filter holds on every page", async () => {
    const shop = await seedPages();

    const first = await page(shop, { outcome: "refund" });
    const second = await page(shop, { outcome: "refund", after: first.pageInfo.endCursor! });
    const third = await page(shop, { outcome: "refund", after: second.pageInfo.endCursor! });
    const backToSecond = await page(shop, { outcome: "refund", before: third.pageInfo.startCursor! });
    const backToFirst = await page(shop, { outcome: "refund", before: backToSecond.pageInfo.startCursor! });

    expect([first, second, third].map((result) => result.rows.map((row) => row.id))).toEqual([["p1", "p2", "p4"], ["p3", "p5", "p6"], ["p7"]]);
    expect([first, second, third].map((result) => result.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect([first, second, third].map((result) => result.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(backToSecond.rows.map((row) => row.id)).toEqual(["p3", "p5", "p6"]);
    expect(backToSecond.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(backToFirst.rows.map((row) => row.id)).toEqual(["p1", "p2", "p4"]);
    expect(backToFirst.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("GIVEN two returns requested at the same instant on either side of a page break THEN neither is skipped nor repeated", async () => {
    const shop = await seedPages();

    const first = await page(shop, { outcome: "refund" });
    const second = await page(shop, { outcome: "refund", after: first.pageInfo.endCursor! });

    // Ties are broken by id, newest-first order's way: p4 before p3.
    expect(first.rows.at(-1)?.id).toBe("p4");
    expect(second.rows[0]?.id).toBe("p3");
  });

  it("GIVEN another shop's cursor THEN this shop's queue shows only its own returns", async () => {
    const shop = await seedPages();
    const other = await seedPages();
    const cursor = (await page(other, {})).pageInfo.endCursor!;

    const result = await page(shop, { after: cursor });

    expect(result.rows.every((row) => !["p1", "x1", "p2"].includes(row.id))).toBe(true);
    expect(result.rows.map((row) => row.id)).toEqual(["p4", "p3", "p5"]);
  });

  it("GIVEN an empty queue THEN the page has no cursors", async () => {
    expect((await page("nobody.myshopify.com", {})).pageInfo).toEqual({ hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null });
  });
});
