import { describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { labelProviderFor, loadLabelSettings, removeLabelApiKey, saveLabelSettings } from "../labels/settings.server";
import { openSecret, sealSecret } from "../labels/secret-box.server";
import { approveReturn, buyShopReturnLabel } from "../merchant-actions.server";
import { runReturnCommand } from "../merchant-commands.server";
import { submitReturnRequest } from "../submit.server";
import { easyPostFake } from "./easypost-fake";
import { depsFor, fakeShopify, ORDER, refundOneMug, seedDeliveredOrder } from "./returns-scenario";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const GOOD_KEY = "EZTKshopkey000000000000001234";
const OTHER_KEY = "EZTKshopkey000000000000005678";
const APP_KEY = "EZAKappwidefallbackkey0000042";
let counter = 0;
const newShop = () => `labels-${++counter}-${Date.now()}.myshopify.com`;
const address = { company: null, address1: "417 Montgomery St", address2: null, city: "San Francisco", provinceCode: "CA", zip: "94104", countryCodeV2: "US", phone: null };

describe("label provider settings", () => {
  it("GIVEN a key EasyPost accepts WHEN saved THEN it is checked with that key, stored sealed, and shown only as 'set, ends in 1234'", async () => {
    const shop = newShop();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY] });

    const view = await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: ` ${GOOD_KEY} ` }, { fetch: easyPost.fetch, fallbackApiKey: null });

    expect(easyPost.calls).toEqual([{ method: "GET", path: "/v2/addresses?page_size=1", apiKey: GOOD_KEY, body: null }]);
    expect(view).toEqual({ provider: "easypost", apiKey: { set: true, endsIn: "1234", unreadable: false }, fallbackKey: false });
    expect(JSON.stringify(view)).not.toContain(GOOD_KEY);
    const row = await prisma().returnLabelSettings.findUniqueOrThrow({ where: { shop } });
    expect(row.apiKeyCipher).not.toContain(GOOD_KEY);
    expect(openSecret(shop, row.apiKeyCipher!)).toBe(GOOD_KEY);
  });

  it("GIVEN a key EasyPost refuses WHEN saved THEN InvalidInputError on apiKey with EasyPost's reason, and nothing is stored", async () => {
    const shop = newShop();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY] });

    const saving = saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: "EZTKnotakey" }, { fetch: easyPost.fetch, fallbackApiKey: null });

    await expect(saving).rejects.toBeInstanceOf(InvalidInputError);
    await expect(saving).rejects.toMatchObject({ fieldErrors: { apiKey: [expect.stringMatching(/^was not accepted by EasyPost \(This api key is no longer active/)] } });
    expect(await prisma().returnLabelSettings.count({ where: { shop } })).toBe(0);
  });

  it.each([
    ["an unknown provider", { provider: "shippo" }, "provider"],
    ["a key with spaces inside", { provider: "easypost", apiKey: "EZTK abc" }, "apiKey"],
    ["EasyPost without any key", { provider: "easypost" }, "apiKey"],
  ])("GIVEN %s WHEN saved THEN InvalidInputError names the field and EasyPost is not called", async (_case, input, field) => {
    const easyPost = easyPostFake({ validKeys: [] });

    await expect(saveLabelSettings(prisma(), newShop(), input, { fetch: easyPost.fetch, fallbackApiKey: null })).rejects.toMatchObject({ fieldErrors: { [field]: [expect.any(String)] } });
    expect(easyPost.calls).toEqual([]);
  });

  it("GIVEN a stored key WHEN saved again with a blank key and then switched to uploads THEN the key is kept and not checked again", async () => {
    const shop = newShop();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY] });
    await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: GOOD_KEY }, { fetch: easyPost.fetch, fallbackApiKey: null });

    await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: "" }, { fetch: easyPost.fetch, fallbackApiKey: null });
    const view = await saveLabelSettings(prisma(), shop, { provider: "uploaded" }, { fetch: easyPost.fetch, fallbackApiKey: null });

    expect(easyPost.calls).toHaveLength(1);
    expect(view).toMatchObject({ provider: "uploaded", apiKey: { set: true, endsIn: "1234" } });
    expect(await labelProviderFor(prisma(), shop, { fetch: easyPost.fetch, fallbackApiKey: null })).toBeNull();
  });

  it("GIVEN a shop's own key WHEN its provider buys a label THEN EasyPost is called with the shop's key, not the app's", async () => {
    const shop = newShop();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY, APP_KEY] });
    await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: GOOD_KEY }, { fetch: easyPost.fetch, fallbackApiKey: APP_KEY });

    const provider = await labelProviderFor(prisma(), shop, { fetch: easyPost.fetch, fallbackApiKey: APP_KEY });
    await provider!.buyLabel({ from: { name: "A", street1: "1", city: "X", zip: "1", country: "US" }, to: { name: "B", street1: "2", city: "Y", zip: "2", country: "US" }, parcel: { weightOz: 8 }, reference: "#1" });

    expect(easyPost.calls.slice(1).map((call) => `${call.method} ${call.path} ${call.apiKey}`)).toEqual([`POST /v2/shipments ${GOOD_KEY}`, `POST /v2/shipments/shp_fake/buy ${GOOD_KEY}`]);
  });

  it("GIVEN no key of the shop's own WHEN a provider is asked for THEN the app's key is the fallback, and without one the shop uploads", async () => {
    const easyPost = easyPostFake({ validKeys: [APP_KEY] });

    const provider = await labelProviderFor(prisma(), newShop(), { fetch: easyPost.fetch, fallbackApiKey: APP_KEY });
    await provider!.verifyCredentials!();

    expect(easyPost.calls.map((call) => call.apiKey)).toEqual([APP_KEY]);
    expect(await labelProviderFor(prisma(), newShop(), { fetch: easyPost.fetch, fallbackApiKey: null })).toBeNull();
  });

  it("GIVEN another shop's sealed key copied into a shop's row WHEN read THEN it does not open: shown as unreadable and never used", async () => {
    const shop = newShop();
    await prisma().returnLabelSettings.create({ data: { shop, provider: "easypost", apiKeyCipher: sealSecret("other.myshopify.com", OTHER_KEY), apiKeyHint: "5678" } });

    expect(await loadLabelSettings(prisma(), shop, { fallbackApiKey: null })).toMatchObject({ apiKey: { set: false, endsIn: null, unreadable: true } });
    await expect(labelProviderFor(prisma(), shop, { fallbackApiKey: null })).rejects.toBeInstanceOf(ConflictError);
  });

  it("GIVEN a stored key WHEN removed THEN the settings say it is not set", async () => {
    const shop = newShop();
    await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: GOOD_KEY }, { fetch: easyPostFake({ validKeys: [GOOD_KEY] }).fetch, fallbackApiKey: null });

    await removeLabelApiKey(prisma(), shop);

    expect(await loadLabelSettings(prisma(), shop, { fallbackApiKey: null })).toMatchObject({ provider: "easypost", apiKey: { set: false, endsIn: null } });
  });
});

describe("buying a return label with the shop's provider", () => {
  async function approvedReturn() {
    const shop = newShop();
    await seedDeliveredOrder(prisma(), shop);
    const shopify = fakeShopify().on("AftercareReturnLabelAddresses", (variables) => {
      expect(variables).toEqual({ orderId: ORDER });
      return {
        order: { email: "zoe@example.de", shippingAddress: { ...address, name: "Zoë Müller" } },
        shop: { name: "Outfitters", contactEmail: "returns@outfitters.example", billingAddress: { ...address, address1: "1 Warehouse Way", city: "Reno", provinceCode: "NV", zip: "89501" } },
      };
    });
    const deps = depsFor(prisma(), shopify);
    const submitted = await submitReturnRequest({ ...refundOneMug(`buy-key-${counter}`), shop }, deps);
    if (!submitted.ok) throw new Error("expected a submitted return");
    await approveReturn(deps, shop, submitted.returnId);
    return { shop, deps, id: submitted.returnId };
  }

  it("GIVEN EasyPost with the shop's key WHEN the merchant buys a label THEN it goes from the order's shipping address to the store, with the shop's key, and the parcel is tracked", async () => {
    const { shop, deps, id } = await approvedReturn();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY] });
    await saveLabelSettings(prisma(), shop, { provider: "easypost", apiKey: GOOD_KEY }, { fetch: easyPost.fetch, fallbackApiKey: null });

    await buyShopReturnLabel(deps, shop, id, { weightOz: "12" }, { fetch: easyPost.fetch, fallbackApiKey: null });

    const created = easyPost.calls.find((call) => call.path === "/v2/shipments")!;
    expect(created.apiKey).toBe(GOOD_KEY);
    expect(created.body).toMatchObject({
      shipment: {
        from_address: { name: "Zoë Müller", street1: "417 Montgomery St", city: "San Francisco", state: "CA", zip: "94104", country: "US", email: "zoe@example.de" },
        to_address: { name: "Outfitters", street1: "1 Warehouse Way", city: "Reno", state: "NV", zip: "89501", country: "US" },
        parcel: { weight: 12 },
      },
    });
    expect(await prisma().returnLabel.findFirstOrThrow({ where: { shop, returnId: id } })).toMatchObject({ provider: "easypost", trackingNumber: "9400100000000000000099", rate: "7.58" });
    expect(await prisma().shipment.findFirstOrThrow({ where: { shop, kind: "return" } })).toMatchObject({ trackingKey: "9400100000000000000099", status: "label_created" });
  });

  it.each([
    ["a shop that uploads its own labels", { provider: "uploaded" as const }, ConflictError],
    ["a weight of zero", { provider: "easypost" as const, weightOz: "0" }, InvalidInputError],
  ])("GIVEN %s WHEN a label is bought THEN it is refused and EasyPost is not asked to buy", async (_case, setup, error) => {
    const { shop, deps, id } = await approvedReturn();
    const easyPost = easyPostFake({ validKeys: [GOOD_KEY] });
    await saveLabelSettings(prisma(), shop, { provider: setup.provider, apiKey: GOOD_KEY }, { fetch: easyPost.fetch, fallbackApiKey: null });

    await expect(buyShopReturnLabel(deps, shop, id, { weightOz: "weightOz" in setup ? setup.weightOz : "10" }, { fetch: easyPost.fetch, fallbackApiKey: null })).rejects.toBeInstanceOf(error);
    expect(easyPost.calls.filter((call) => call.method === "POST")).toEqual([]);
  });

  it("GIVEN the return page's buy_label command with a weight that is not a number WHEN run THEN InvalidInputError names weightOz", async () => {
    const { shop, deps, id } = await approvedReturn();

    await expect(runReturnCommand(deps, shop, id, { intent: "buy_label", weightOz: "heavy" })).rejects.toMatchObject({ fieldErrors: { weightOz: [expect.any(String)] } });
  });
});
