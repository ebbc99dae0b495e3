import { describe, expect, it } from "vitest";
import { translator } from "../messages";
import { shipmentProgress } from "../progress";
import { dateFormats } from "../render/dates";
import type { PageFrame } from "../render/frame";
import { renderLookupPage, renderOrderPage } from "../render/render-page";
import type { OrderView } from "../view-model";

const frame = (overrides: Partial<PageFrame> = {}): PageFrame => ({
  shopName: 'Tea <House> & "Co"',
  locale: "en",
  t: translator("en"),
  branding: { primaryColor: "#ffd60a", accentColor: "#1a1a1a", logoUrl: null, fontFamily: "serif" },
  headline: null,
  href: (subpath) => `./track/${subpath}`,
  contactEmail: "help@tea.example",
  returnsUrl: null,
  ...overrides,
});

const order: OrderView = {
  orderId: "gid://shopify/Order/1",
  name: "#1001",
  cancelled: false,
  unfulfilled: [],
  estimate: null,
  productIds: [],
  parcels: [
    {
      key: "S1",
      status: "out_for_delivery",
      carrier: "DHL",
      service: null,
      trackingNumber: "JD014600003",
      trackingUrl: "https://dhl.example/t?id=JD014600003&x=1",
      estimate: { at: new Date("2026-11-24T12:00:00Z"), source: "carrier" },
      deliveredAt: null,
      progress: shipmentProgress("out_for_delivery", ["in_transit", "out_for_delivery"]),
      items: [{ title: "Kettle", variantTitle: null, quantity: 1 }],
      parcelsForItems: 1,
      events: [{ status: "out_for_delivery", happenedAt: new Date("2026-11-23T07:00:00Z"), message: "With courier", location: "Berlin" }],
    },
  ],
};

describe("the look-up page", () => {
  it("GIVEN a notice WHEN rendered THEN it is an alert above a form whose every input has a label", () => {
    const html = renderLookupPage(frame(), "notFound");

    expect(html.startsWith("<!DOCTYPE html><html lang=\"en\">")).toBe(true);
    expect(html).toContain('<p class="notice" role="alert">');
    for (const id of ["order", "trackingNumber", "email"]) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<main id="main">');
    expect(html).toContain('<a class="skip" href="#main">');
    expect(html).toContain('method="post" action="./track/lookup"');
  });

  it("GIVEN a shop name and headline with markup WHEN rendered THEN both are escaped", () => {
    const html = renderLookupPage(frame({ headline: "<script>x()</script>" }));

    expect(html).toContain("Tea &lt;House&gt; &amp; &quot;Co&quot;");
    expect(html).toContain("&lt;script&gt;x()&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("GIVEN a pale brand colour WHEN styled THEN buttons get black text and links a readable colour instead", () => {
    const html = renderLookupPage(frame());

    expect(html).toContain("--on-brand:#000000");
    expect(html).toContain("--brand-text:#000000");
    expect(html).toContain("Georgia");
  });
});

describe("the order page", () => {
  const html = renderOrderPage(frame(), order, dateFormats("en", "Europe/Berlin"), null);

  it("GIVEN a parcel out for delivery WHEN rendered THEN its progress steps are labelled for screen readers with the current one marked", () => {
    expect(html).toContain('<ol class="steps" aria-label="Delivery progress">');
    expect(html).toContain('<li aria-current="step"><span class="sr">current step: </span>Out for delivery</li>');
    expect(html).toContain('<li class="done"><span class="sr">done: </span>In transit</li>');
    expect(html).toContain('<div class="bar" aria-hidden="true"><span style="width:75%"></span></div>');
  });

  it("GIVEN an estimate and a carrier link WHEN rendered THEN the estimate is labelled as one and the link is escaped and named", () => {
    expect(html).toContain("Estimated delivery");
    expect(html).toContain("Tuesday, November 24");
    expect(html).toContain("(Estimate from the carrier; it can change.)");
    expect(html).toContain('href="https://dhl.example/t?id=JD014600003&amp;x=1"');
    expect(html).toContain('aria-label="Track on the carrier&#x27;s website: JD014600003"');
  });

  it("GIVEN our delivery promise WHEN rendered THEN the range is shown as calendar dates, whatever the shop's zone, and named as our promise", () => {
    const promised: OrderView = { ...order, parcels: [{ ...order.parcels[0]!, estimate: { source: "promise", earliestDate: "2026-11-24", promisedDate: "2026-11-26" } }] };
    const inKiribati = renderOrderPage(frame(), promised, dateFormats("en", "Pacific/Kiritimati"), null);
    expect(inKiribati).toContain('<time dateTime="2026-11-26">Tuesday, November 24 – Thursday, November 26</time>');
    expect(inKiribati).toContain("(Our delivery promise, from how our recent parcels travelled.)");
  });

  it("GIVEN an order not shipped yet with a purchase promise WHEN rendered THEN the expected delivery shows under the items being prepared", () => {
    const waiting: OrderView = { ...order, parcels: [], unfulfilled: [{ title: "Kettle", variantTitle: null, quantity: 1 }], estimate: { source: "promise", earliestDate: "2026-11-27", promisedDate: "2026-11-27" } };
    expect(renderOrderPage(frame(), waiting, dateFormats("en", "Europe/Berlin"), null)).toContain("Expected delivery: <time");
  });

  it("GIVEN events WHEN rendered THEN their times are machine-readable and shown in the shop's zone", () => {
    // ICU may put a narrow no-break space before AM; HTML attribute names are case-insensitive.
    expect(html).toMatch(/<time dateTime="2026-11-23T07:00:00.000Z">Nov 23, 2026, 8:00\sAM<\/time>/);
    expect(html).toContain("Times shown in Central European Standard Time.");
  });
});
