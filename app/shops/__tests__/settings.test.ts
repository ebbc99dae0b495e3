import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_SETTINGS, overlayShopSettings, shopSettingsPatchSchema, shopSettingsSchema } from "../settings";

describe("shopSettingsSchema", () => {
  it.each([
    ["an empty document", {}],
    ["a document from before a section existed", { branding: { primaryColor: "#123456" } }],
  ])("GIVEN %s WHEN parsed THEN every missing field takes its default", (_label, document) => {
    const settings = shopSettingsSchema.parse(document);

    expect(settings.returns.windowDays).toBe(30);
    expect(settings.fulfillment.handlingDays).toBe(1);
    expect(settings.locale.defaultLocale).toBe("en");
  });

  it.each([
    ["a colour that is not hex", { branding: { primaryColor: "red" } }, "branding.primaryColor"],
    ["a logo over http", { branding: { logoUrl: "http://cdn.example/logo.png" } }, "branding.logoUrl"],
    ["a negative handling time", { fulfillment: { handlingDays: -1 } }, "fulfillment.handlingDays"],
    ["a locale that is not a code", { locale: { defaultLocale: "English" } }, "locale.defaultLocale"],
    ["a reply-to that is not an email", { notifications: { replyToEmail: "nope" } }, "notifications.replyToEmail"],
  ])("GIVEN %s WHEN parsed THEN it fails on that field", (_label, document, path) => {
    const result = shopSettingsSchema.safeParse(document);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("overlayShopSettings", () => {
  it("GIVEN settings with a custom colour WHEN a patch changes another field THEN the colour is kept", () => {
    const current = shopSettingsSchema.parse({ branding: { primaryColor: "#111111" } });
    const patch = shopSettingsPatchSchema.parse({ branding: { accentColor: "#222222" } });

    const next = shopSettingsSchema.parse(overlayShopSettings(current, patch));

    expect(next.branding).toMatchObject({ primaryColor: "#111111", accentColor: "#222222" });
    expect(next.returns).toEqual(DEFAULT_SHOP_SETTINGS.returns);
  });

  it("GIVEN a patch naming an unknown section WHEN parsed THEN it is refused", () => {
    expect(shopSettingsPatchSchema.safeParse({ billing: {} }).success).toBe(false);
  });
});
