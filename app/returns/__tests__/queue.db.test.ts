import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { parseReturnQueueQuery } from "../queue-query";
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

const ids = async (shop: string, query: Record<string, string>) => (await listReturnCases(prisma(), shop, parseReturnQueueQuery(new URLSearchParams(query)))).map((row) => row.id);

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

    const [row] = await listReturnCases(prisma(), shop, parseReturnQueueQuery(new URLSearchParams({ outcome: "exchange" })));

    expect(row).toMatchObject({ id: "r2", status: "open", items: 2, reasons: ["size_too_small"], itemsValue: "10.00", currency: "EUR" });
  });

  it.each([
    [{ status: "lost" }, "status"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-11-25", to: "2026-11-01" }, "to"],
  ])("GIVEN bad filters %j THEN InvalidInputError names %s", (query, field) => {
    expect(() => parseReturnQueueQuery(new URLSearchParams(query))).toThrow(InvalidInputError);
    try {
      parseReturnQueueQuery(new URLSearchParams(query));
    } catch (error) {
      expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual([field]);
    }
  });
});
