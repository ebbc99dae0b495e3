import { describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "~/errors";
import { runExceptionsPageCommand } from "~/exceptions/page.server";
import { checkTemplateFields } from "~/notifications/templates/check";
import { getOffer } from "~/offers/offer-store.server";
import { getReturnCase } from "~/returns/case-store.server";
import { bulkCommandSchema } from "~/returns/merchant-commands.server";
import { searchOrdersForSimulation } from "~/returns/simulate.server";
import { getShipmentDetail } from "~/shipments/detail.server";
import { useTestDatabase } from "~/test/database";

// PostgreSQL refuses NUL in text, so each of these failed as a 500 there before the edge checked it.
const database = useTestDatabase();
const shop = "nul-edges.myshopify.com";

describe("GIVEN input with a NUL character", () => {
  it.each([
    ["a return", () => getReturnCase(database.get().prisma, shop, "case\0")],
    ["an offer", () => getOffer(database.get().prisma, shop, "offer\0")],
    ["a shipment", () => getShipmentDetail(database.get().prisma, shop, "ship\0")],
  ])("WHEN %s is looked up by such an id THEN it is not found (404), not a database failure", async (_name, lookUp) => {
    await expect(lookUp()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("WHEN an exception's action is run with such an id THEN the field is refused (422)", async () => {
    const run = runExceptionsPageCommand(database.get().prisma, shop, { intent: "run-action", exceptionId: "x\0", action: "tag_order" });
    await expect(run).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("WHEN returns are approved in bulk with such an id THEN the list is refused", () => {
    expect(bulkCommandSchema.safeParse({ intent: "approve", ids: ["ok", "bad\0"] }).success).toBe(false);
  });

  it("WHEN the simulator searches orders with it THEN the search runs without the character", async () => {
    await expect(searchOrdersForSimulation(database.get().prisma, shop, "#10\u000001")).resolves.toEqual([]);
  });

  it("WHEN a template field holds it THEN the field says so", () => {
    expect(() => checkTemplateFields({ trigger: "shipped", channel: "email", locale: "en" } as never, { subject: "Hi\0" })).toThrow(
      expect.objectContaining({ fieldErrors: { subject: ["must not contain NUL characters"] } }),
    );
  });
});
