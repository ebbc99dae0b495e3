import mjml2html from "mjml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SHOP_SETTINGS } from "~/shops/settings";
import { EmailTemplateError, renderEmail } from "../email/render";
import type { MessageFacts } from "../message-facts";

// The real compiler, watched: how often renderEmail compiles is what these tests are about.
vi.mock("mjml", async (importOriginal) => {
  const real = await importOriginal<{ default: typeof mjml2html }>();
  return { default: vi.fn(real.default) };
});
const compile = vi.mocked(mjml2html);

let shopCount = 0;

/** A message of a shop no other test uses, so its layout is not compiled yet. */
function message(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    trigger: "out_for_delivery",
    locale: "en",
    timeZone: "Europe/Berlin",
    shopName: "Tea & Co",
    branding: { ...DEFAULT_SHOP_SETTINGS.branding, primaryColor: `#0000${String(shopCount).padStart(2, "0")}` },
    order: { name: "#1042", firstName: "Zoë" },
    parcels: [{ carrier: "dhl", trackingNumber: "JD014600003", estimatedDeliveryAt: null }],
    items: [{ title: "Sencha", variantTitle: null, quantity: 1, imageUrl: null }],
    links: { tracking: "https://app.example/c/1", unsubscribe: "https://app.example/u/1", openPixel: "https://app.example/o/1" },
    ...overrides,
  };
}

beforeEach(() => {
  shopCount++;
  compile.mockClear();
});

describe("renderEmail compiles each layout once", () => {
  it("GIVEN 20 shoppers' messages of one shop, trigger and language WHEN rendered THEN MJML compiles once and each email has its own values", async () => {
    const emails = [];
    for (let n = 0; n < 20; n++) {
      emails.push(await renderEmail(message({ order: { name: `#${n}`, firstName: `Shopper ${n}` }, links: { ...message().links, tracking: `https://app.example/c/${n}` } })));
    }
    expect(compile).toHaveBeenCalledTimes(1);
    emails.forEach((email, n) => {
      expect(email.subject).toContain(`#${n}`);
      expect(email.html).toContain(`Shopper ${n}`);
      expect(email.html).toContain(`https://app.example/c/${n}"`);
    });
  });

  it.each([
    { change: "another language", facts: { locale: "de" } },
    { change: "other branding", facts: { branding: { ...DEFAULT_SHOP_SETTINGS.branding, primaryColor: "#123456" } } },
    { change: "another trigger's optional lines", facts: { parcels: [], orderPromise: { earliestDate: "2026-12-02", promisedDate: "2026-12-04" } } },
    { change: "a second parcel", facts: { parcels: [...message().parcels, { carrier: "ups", trackingNumber: "1Z", estimatedDeliveryAt: null }] } },
  ] as const)("GIVEN $change WHEN rendered THEN it gets its own layout", async ({ facts }) => {
    await renderEmail(message());
    await renderEmail(message(facts as Partial<MessageFacts>));
    await renderEmail(message(facts as Partial<MessageFacts>));
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it("GIVEN a layout that does not validate WHEN rendered twice THEN both fail with the line, and nothing broken is kept", async () => {
    compile.mockResolvedValueOnce({ html: "", json: undefined as never, errors: [{ line: 3, message: "mj-text has an invalid attribute", tagName: "mj-text", formattedMessage: "" }] });

    await expect(renderEmail(message())).rejects.toThrow(new EmailTemplateError("line 3: mj-text has an invalid attribute"));
    const email = await renderEmail(message());

    expect(compile).toHaveBeenCalledTimes(2);
    expect(email.html).toContain("Zoë");
  });
});
