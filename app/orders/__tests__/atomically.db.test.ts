import { describe, expect, it } from "vitest";
import type { DbClient } from "~/db.server";
import { useTestDatabase } from "~/test/database";
import { atomically } from "../atomically.server";

const database = useTestDatabase();
const newShop = () => `atomic-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;

describe("atomically", () => {
  it("GIVEN work already inside atomically WHEN it calls atomically with its transaction THEN the inner work joins that transaction", async () => {
    let outer: DbClient | undefined;
    let inner: DbClient | undefined;

    await atomically(database.get().prisma, async (tx) => {
      outer = tx;
      await atomically(tx, async (nested) => {
        inner = nested;
      });
    });

    expect(inner).toBeDefined();
    expect(inner).toBe(outer);
  });

  it.each([
    { where: "a raw query", error: { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40001", kind: "TransactionWriteConflict" } } } } },
    { where: "the commit", error: Object.assign(new Error("TransactionWriteConflict"), { cause: { originalCode: "40001", kind: "TransactionWriteConflict" } }) },
  ])("GIVEN a serialization failure reported by $where WHEN the work fails once THEN it runs again in a new transaction", async ({ error }) => {
    let attempts = 0;

    const result = await atomically(database.get().prisma, async () => {
      if (++attempts === 1) throw error;
      return "done";
    });

    expect({ result, attempts }).toEqual({ result: "done", attempts: 2 });
  });

  it("GIVEN nested work that wrote WHEN the outer work then fails THEN nothing of either is kept", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();

    const run = atomically(prisma, async (tx) => {
      await atomically(tx, (nested) => nested.shop.create({ data: { shop } }));
      throw new Error("outer step failed");
    });

    await expect(run).rejects.toThrow("outer step failed");
    expect(await prisma.shop.count({ where: { shop } })).toBe(0);
  });
});
