import mjml2html from "mjml";
import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_SETTINGS } from "~/shops/settings";
import { renderEmail } from "../email/render";
import { emailMjml } from "../email/template";
import type { MessageFacts } from "../message-facts";
import { chooseMessageLocale, MESSAGE_LOCALES } from "../messages";
import { TRIGGERS } from "../milestones";
import { de } from "../catalogue/de";
import { en } from "../catalogue/en";
import { es } from "../catalogue/es";
import { fr } from "../catalogue/fr";
import { placeholderValues } from "../email/template";
import { smsBody } from "../sms/body";

function facts(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    trigger: "shipped",
    locale: "en",
    timeZone: "Europe/Berlin",
    shopName: "Tea & Co",
    branding: { ...DEFAULT_SHOP_SETTINGS.branding, primaryColor: "#aa0000", logoUrl: "https://cdn.example/logo.png" },
    order: { name: "#1042", firstName: "Zoë" },
    parcels: [{ carrier: "dhl", trackingNumber: "JD014600003", estimatedDeliveryAt: new Date("2026-12-03T12:00:00Z") }],
    items: [{ title: "Sencha <script>alert(1)</script>", variantTitle: "250 g", quantity: 2, imageUrl: "https://cdn.example/tea.png" }],
    links: { tracking: "https://app.example/notifications/click/t", unsubscribe: "https://app.example/notifications/unsubscribe/u", openPixel: "https://app.example/notifications/open/o" },
    ...overrides,
  };
}

describe("message catalogues", () => {
  it.each([["de", de], ["fr", fr], ["es", es]] as const)("GIVEN the %s catalogue THEN it has exactly English's keys", (_locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([
    { sources: { orderLocale: "fr-CA", customerLocale: "de", shopDefault: "es" }, expected: "fr" },
    { sources: { orderLocale: "ja", customerLocale: "de", shopDefault: "es" }, expected: "de" },
    { sources: { orderLocale: null, customerLocale: null, shopDefault: "es" }, expected: "es" },
    { sources: { orderLocale: "pt-BR", customerLocale: null, shopDefault: "it" }, expected: "en" },
  ])("GIVEN locales $sources THEN the message is written in $expected", ({ sources, expected }) => {
    expect(chooseMessageLocale(sources)).toBe(expected);
  });
});

describe("renderEmail", () => {
  it.each(MESSAGE_LOCALES.flatMap((locale) => TRIGGERS.map((trigger) => ({ locale, trigger }))))(
    "GIVEN $trigger in $locale THEN valid MJML renders HTML and text with the tracking and unsubscribe links",
    async ({ locale, trigger }) => {
      const email = await renderEmail(facts({ locale, trigger }));
      expect(email.subject).toContain("#1042");
      expect(email.html).toContain(`lang="${locale}"`);
      for (const part of [email.html, email.text]) {
        expect(part).toContain("https://app.example/notifications/click/t");
        expect(part).toContain("https://app.example/notifications/unsubscribe/u");
      }
    },
  );

  it("GIVEN hostile text in an item title THEN it is escaped in the HTML", async () => {
    const email = await renderEmail(facts());
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Sencha &lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("GIVEN branding, personalisation and an estimate THEN the email carries them in the shopper's language and zone", async () => {
    const email = await renderEmail(facts({ locale: "fr" }));
    expect(email.subject).toBe("Votre commande #1042 est en route");
    expect(email.html).toMatch(/background[^;"]*#aa0000/i);
    expect(email.html).toContain('src="https://cdn.example/logo.png"');
    expect(email.html).toContain('src="https://cdn.example/tea.png"');
    expect(email.html).toContain("https://app.example/notifications/open/o");
    expect(email.text).toContain("Bonjour Zoë,");
    expect(email.text).toContain("Prévue jeudi 3 décembre");
    expect(email.text).toContain("Sencha <script>alert(1)</script> (250 g) × 2");
  });

  it.each([
    { locale: "en", greeting: "Hello," },
    { locale: "de", greeting: "Hallo," },
  ] as const)("GIVEN no first name in $locale THEN the greeting is '$greeting'", async ({ locale, greeting }) => {
    const email = await renderEmail(facts({ locale, order: { name: "#1042", firstName: null } }));
    expect(email.text.split("\n")[2]).toBe(greeting);
  });
});

describe("compiled layouts", () => {
  const hostile = `Tea & "Co" <b>'s</b>`;
  // MJML trims the text at the edges of an element; a filled-in slot keeps it. Browsers show both the same.
  const edgesTrimmed = (html: string) => html.replace(/>\s+/g, ">").replace(/\s+</g, "<");

  it.each([
    { case: "the usual shipping email", facts: facts() },
    ...MESSAGE_LOCALES.map((locale) => ({ case: `out for delivery in ${locale}`, facts: facts({ locale, trigger: "out_for_delivery" }) })),
    {
      case: "markup, quotes and ampersands in every value",
      facts: facts({
        shopName: hostile,
        order: { name: `#1<2>&"3"`, firstName: hostile },
        parcels: [{ carrier: hostile, trackingNumber: `A&B<C>"D"`, estimatedDeliveryAt: null }],
        items: [{ title: hostile, variantTitle: hostile, quantity: 3, imageUrl: `https://cdn.example/a.png?x="1"&y=<2>` }],
        links: { tracking: `https://app.example/c?a=1&b="2"`, unsubscribe: "https://app.example/u?a=<1>", openPixel: "https://app.example/o?a&b" },
      }),
    },
    {
      case: "empty values, no logo, no parcels but an order promise",
      facts: facts({
        trigger: "order_confirmed",
        branding: { ...DEFAULT_SHOP_SETTINGS.branding, logoUrl: null },
        order: { name: "#1042", firstName: "" },
        parcels: [],
        orderPromise: { earliestDate: "2026-12-02", promisedDate: "2026-12-04" },
        items: [{ title: "", variantTitle: "", quantity: 1, imageUrl: null }],
      }),
    },
    {
      case: "a merchant's own copy with markup in it",
      facts: facts({ overrides: { subject: "<b>{orderName}</b> & more", heading: "Hi {customerName} <3", intro: "'{shopName}' says \"{trackingUrl}\"" } }),
    },
  ])("GIVEN $case WHEN rendered through a compiled layout THEN the HTML is what compiling the message itself gives", async ({ facts: message }) => {
    const compiledItself = await mjml2html(emailMjml(message), { validationLevel: "strict", ignoreIncludes: true, keepComments: false });
    expect(compiledItself.errors).toEqual([]);

    const email = await renderEmail(message);

    expect(edgesTrimmed(email.html)).toBe(edgesTrimmed(compiledItself.html));
  });

  it("GIVEN two shoppers' messages of the same shape WHEN rendered one after the other THEN neither carries the other's values", async () => {
    const first = await renderEmail(facts({ order: { name: "#1", firstName: "Ann" }, links: { ...facts().links, tracking: "https://app.example/c/ann" } }));
    const second = await renderEmail(facts({ order: { name: "#2", firstName: "Bob" }, links: { ...facts().links, tracking: "https://app.example/c/bob" } }));
    expect(first.html).toContain("Ann");
    expect(first.html).toContain("https://app.example/c/ann");
    expect(second.html).toContain("Bob");
    expect(second.html).toContain("https://app.example/c/bob");
    expect(second.html).not.toMatch(/Ann|c\/ann/);
  });
});

describe("smsBody", () => {
  const values = (changes: Partial<Parameters<typeof placeholderValues>[0]> = {}) =>
    placeholderValues({
      shopName: "Tea & Co",
      locale: "es",
      timeZone: "Europe/Madrid",
      order: { name: "#1042", firstName: "Lucía" },
      parcels: [],
      trackingUrl: "https://s.example/o/t",
      ...changes,
    });

  it("GIVEN a Spanish shopper THEN the SMS is Spanish, carries the link and the opt-out", () => {
    expect(smsBody({ trigger: "delivered", locale: "es", values: values() })).toBe(
      "Tea & Co: el pedido #1042 ha sido entregado. Detalles: https://s.example/o/t Responde STOP para darte de baja.",
    );
  });

  it("GIVEN a merchant's SMS template with the exception kind and the estimate WHEN sent THEN it reads the same facts an email would", () => {
    const override = "{kind, select, stalled {Sin movimiento} other {Incidencia}} · {parcels} paquete(s) · {estimatedDelivery}";

    const body = smsBody({
      trigger: "shipment_exception",
      locale: "es",
      values: values({ exceptionKind: "stalled", parcels: [{ estimatedDeliveryAt: new Date("2026-12-03T10:00:00Z") }, { estimatedDeliveryAt: null }] }),
      override,
    });

    expect(body).toMatch(/^Sin movimiento · 2 paquete\(s\) · .*3.* Responde STOP para darte de baja\.$/);
  });
});
