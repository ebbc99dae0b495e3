import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { OfferEditorPage } from "~/admin/offers/OfferEditorPage";
import { OffersListPage } from "~/admin/offers/OffersListPage";
import type { OfferEditorData } from "~/offers/admin-views";
import { formFromOffer } from "~/offers/offer-form";
import type { OfferResults } from "~/offers/results";
import { offerWith } from "~/offers/__tests__/fixtures";

/** Renders a page as the server sends it, inside Polaris and a data router (the pages use Remix's data hooks). */
async function render(page: ReactNode): Promise<string> {
  const routes = [{ path: "/", element: <AppProvider i18n={englishTranslations}>{page}</AppProvider> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />);
}

const counts = (impressions: number, conversions: number, revenue = "0.00") => ({
  impressions,
  clicks: 0,
  codeImpressions: 0,
  codeCopies: 0,
  accepts: conversions,
  declines: 0,
  conversions,
  conversion: impressions ? conversions / impressions : 0,
  revenue,
});

const results: OfferResults = {
  offerId: "socks",
  currencyCode: "USD",
  total: { ...counts(600, 60, "1020.00"), codeImpressions: 41, codeCopies: 17 },
  bySurface: [{ surface: "post_purchase", ...counts(600, 60, "1020.00") }],
  byArm: [
    { armId: "a", ...counts(300, 15) },
    { armId: "b", ...counts(300, 45) },
  ],
  comparisons: [{ armId: "b", versus: "a", result: { verdict: "treatment_wins", test: null, explanation: "Version b was accepted more often; that is unlikely to be luck." } }],
};

describe("offer admin pages", () => {
  it("GIVEN offers WHEN the list renders THEN each shows its status, surfaces and key numbers", async () => {
    const html = await render(
      <OffersListPage
        currencyCode="USD"
        rows={[{ id: "socks", name: "Matching socks", status: "active", surfaces: ["post_purchase", "thank_you"], priority: 5, discountLabel: "15% off", experiment: true, results }]}
      />,
    );

    expect(html).toContain("Matching socks");
    expect(html).toContain("Post-purchase, Thank-you · A/B");
    expect(html).toContain("10.0%");
    expect(html).toContain("1020.00");
    expect(html).toContain("Pause");
  });

  it("GIVEN an offer with a percentage discount WHEN the editor renders THEN every surface's preview shows the discounted price and the A/B verdict is explained", async () => {
    const offer = offerWith({ surfaces: ["post_purchase", "thank_you", "order_status", "tracking_page"], discount: { kind: "percentage", percent: "15" }, copy: { title: "Add socks?" } });
    const data: OfferEditorData = { isNew: false, form: formFromOffer(offer), results, previewPrice: "20.00", currencyCode: "USD", productTitle: "Wool socks", recentOrders: [{ id: "gid://shopify/Order/1", name: "#1001" }] };

    const html = await render(<OfferEditorPage data={data} simulateAction="/app/offers/offer-1" />);

    for (const surface of ["Post-purchase page", "Thank-you page", "Order status page", "Tracking page"]) expect(html).toContain(surface);
    expect(html.match(/17\.00 USD/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain("Challenger wins");
    expect(html).toContain("unlikely to be luck");
    expect(html).toContain("Which offer would this order get?");
    expect(html).toContain("Code copies");
    expect(html).toMatch(/>41<[\s\S]*>17</);
  });

  it("GIVEN field errors from a save WHEN the editor renders THEN each message shows at its field", async () => {
    const data: OfferEditorData = { isNew: true, form: formFromOffer(null), results: null, previewPrice: "20.00", currencyCode: "USD", productTitle: null, recentOrders: [] };

    const html = await render(<OfferEditorPage data={data} result={{ ok: false, message: "The offer is invalid", fieldErrors: { variantId: ["must be a gid://shopify/ProductVariant/… id"] } }} simulateAction="/app/offers/new" />);

    expect(html).toContain("The offer is invalid");
    expect(html).toContain("must be a gid://shopify/ProductVariant/… id");
  });
});
