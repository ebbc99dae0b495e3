import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { useTestDatabase } from "~/test/database";

useTestDatabase();

/** Resolves when `release()` is called: lets a test hold a transaction open while other work runs. */
function gate(): { opened: Promise<void>; release: () => void } {
  let release!: () => void;
  return { opened: new Promise<void>((resolve) => (release = resolve)), release };
}

describe("work outside a transaction never sees or joins another's uncommitted writes", () => {
  it("GIVEN a transaction that wrote a row and then rolls back WHEN another caller read meanwhile THEN it never saw the row", async () => {
    const shop = "uncommitted-read.myshopify.com";
    const held = gate();
    const written = gate();
    const transaction = db().$transaction(async (tx) => {
      await tx.shop.create({ data: { shop } });
      written.release();
      await held.opened;
      throw new Error("roll back");
    });
    await written.opened;
    // Prisma queries are lazy: then() starts this one now, while the transaction is open.
    const seenMeanwhile = db().shop.count({ where: { shop } }).then((count) => count);
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.release();
    await expect(transaction).rejects.toThrow("roll back");
    expect(await seenMeanwhile).toBe(0);
  });

  it("GIVEN a transaction that later rolls back WHEN another caller writes meanwhile THEN that write survives the rollback", async () => {
    const doomed = "rolled-back.myshopify.com";
    const bystander = "bystander.myshopify.com";
    const held = gate();
    const written = gate();
    const transaction = db().$transaction(async (tx) => {
      await tx.shop.create({ data: { shop: doomed } });
      written.release();
      await held.opened;
      throw new Error("roll back");
    });
    await written.opened;
    const outsideWrite = db().shop.create({ data: { shop: bystander } }).then((row) => row);
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.release();
    await expect(transaction).rejects.toThrow("roll back");
    await outsideWrite;
    expect(await db().shop.findMany({ where: { shop: { in: [doomed, bystander] } }, select: { shop: true } })).toEqual([{ shop: bystander }]);
  });
});
