import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { DEFAULT_SHOP_SETTINGS } from "../settings";
import { getShopSettings, updateShopSettings } from "../settings.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "settings.myshopify.com";
const OTHER_SHOP = "other-settings.myshopify.com";

beforeAll(async () => {
  await prisma().shop.createMany({ data: [{ shop: SHOP }, { shop: OTHER_SHOP }] });
});

describe("shop settings", () => {
  it("GIVEN a new shop WHEN its settings are read THEN they are the defaults", async () => {
    expect(await getShopSettings(prisma(), SHOP)).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it("GIVEN a valid patch WHEN applied THEN only this shop's named fields change and are read back", async () => {
    const updated = await updateShopSettings(prisma(), SHOP, { returns: { windowDays: 60 }, branding: { primaryColor: "#0a0b0c" } });

    expect(updated.returns.windowDays).toBe(60);
    expect(await getShopSettings(prisma(), SHOP)).toEqual(updated);
    expect(updated.fulfillment).toEqual(DEFAULT_SHOP_SETTINGS.fulfillment);
    expect(await getShopSettings(prisma(), OTHER_SHOP)).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it("GIVEN two patches saved at once WHEN both finish THEN neither change is lost", async () => {
    await Promise.all([
      updateShopSettings(prisma(), SHOP, { notifications: { smsEnabled: true } }),
      updateShopSettings(prisma(), SHOP, { fulfillment: { handlingDays: 3 } }),
    ]);

    const settings = await getShopSettings(prisma(), SHOP);
    expect(settings.notifications.smsEnabled).toBe(true);
    expect(settings.fulfillment.handlingDays).toBe(3);
  });

  it("GIVEN an invalid patch WHEN applied THEN InvalidInputError names the field and nothing is saved", async () => {
    const before = await getShopSettings(prisma(), SHOP);

    const error = await updateShopSettings(prisma(), SHOP, { returns: { windowDays: 9999 } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual(["returns.windowDays"]);
    expect(await getShopSettings(prisma(), SHOP)).toEqual(before);
  });

  it("GIVEN a stored document that no longer validates WHEN read THEN the defaults are returned", async () => {
    await prisma().shop.update({ where: { shop: OTHER_SHOP }, data: { settings: "{not json" } });

    expect(await getShopSettings(prisma(), OTHER_SHOP)).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it("GIVEN an unknown shop WHEN its settings are read or written THEN NotFoundError", async () => {
    await expect(getShopSettings(prisma(), "nobody.myshopify.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateShopSettings(prisma(), "nobody.myshopify.com", {})).rejects.toBeInstanceOf(NotFoundError);
  });
});
