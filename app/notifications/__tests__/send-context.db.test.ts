import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_SETTINGS } from "~/shops/settings";
import { useTestDatabase } from "~/test/database";
import { loadSendContext, type SendContextKey } from "../context.server";
import { suppressAddress } from "../suppressions.server";
import { saveTemplate } from "../templates/templates.server";
import { freshShop, seedOrder } from "./fixtures";

const db = useTestDatabase();
const prisma = () => db.get().prisma;
const KEY: SendContextKey = { trigger: "out_for_delivery", channel: "email", shippingCountry: "DE", addressHash: "hash-of-zoe" };

describe("loadSendContext", () => {
  it("GIVEN a shop with settings, templates in two languages and an opted-out address WHEN read THEN each comes back for its own key", async () => {
    const { shop } = await seedOrder(prisma(), freshShop(), { settings: { notifications: { senderName: "Tea Team" } } });
    await saveTemplate(prisma(), shop, { trigger: "out_for_delivery", channel: "email", locale: "en" }, { subject: "Today: {orderName}" });
    await saveTemplate(prisma(), shop, { trigger: "out_for_delivery", channel: "email", locale: "de" }, { heading: "Heute", intro: "Bald da" });
    await saveTemplate(prisma(), shop, { trigger: "out_for_delivery", channel: "sms", locale: "en" }, { sms: "SMS {orderName}" });
    await saveTemplate(prisma(), shop, { trigger: "delivered", channel: "email", locale: "en" }, { subject: "Delivered" });
    await suppressAddress(prisma(), shop, "email", "hash-of-zoe", "unsubscribed");

    const context = await loadSendContext(prisma(), shop, KEY);

    expect(context).toMatchObject({ shopName: "Tea & Co", timeZone: "Europe/Berlin", addressSuppressed: true });
    expect(context.settings.notifications.senderName).toBe("Tea Team");
    expect(context.overridesFor("en")).toEqual({ subject: "Today: {orderName}" });
    expect(context.overridesFor("de")).toEqual({ heading: "Heute", intro: "Bald da" });
    expect(context.overridesFor("fr")).toEqual({});
    expect((await loadSendContext(prisma(), shop, { ...KEY, addressHash: "someone-else" })).addressSuppressed).toBe(false);
    expect((await loadSendContext(prisma(), shop, { ...KEY, channel: "sms" })).addressSuppressed).toBe(false);
    expect((await loadSendContext(prisma(), shop, { ...KEY, channel: "sms" })).overridesFor("en")).toEqual({ sms: "SMS {orderName}" });
  });

  it("GIVEN another shop's template and opt-out WHEN this shop's context is read THEN neither applies", async () => {
    const { shop } = await seedOrder(prisma(), freshShop());
    const other = (await seedOrder(prisma(), freshShop())).shop;
    await saveTemplate(prisma(), other, { trigger: "out_for_delivery", channel: "email", locale: "en" }, { subject: "Not yours" });
    await suppressAddress(prisma(), other, "email", "hash-of-zoe", "unsubscribed");

    const context = await loadSendContext(prisma(), shop, KEY);

    expect(context.addressSuppressed).toBe(false);
    expect(context.overridesFor("en")).toEqual({});
  });

  it("GIVEN no shop row yet WHEN read THEN default settings, no names and the shipping country's zone", async () => {
    const context = await loadSendContext(prisma(), freshShop(), { ...KEY, shippingCountry: "JP" });

    expect(context).toMatchObject({ settings: DEFAULT_SHOP_SETTINGS, shopName: null, shopEmail: null, timeZone: "Asia/Tokyo", addressSuppressed: false });
  });
});
