import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { LabelSettingsView } from "~/returns/labels/label-settings";
import { LabelProviderCard } from "../LabelProviderCard";

/** Renders the card as the server sends it, inside Polaris and a data router (it uses a fetcher). */
async function render(page: ReactNode): Promise<string> {
  const routes = [{ path: "/", element: <AppProvider i18n={englishTranslations}>{page}</AppProvider> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />);
}

const view = (overrides: Partial<LabelSettingsView> = {}): LabelSettingsView => ({
  provider: "easypost",
  apiKey: { set: true, endsIn: "1234", unreadable: false },
  fallbackKey: false,
  ...overrides,
});

describe("return labels card", () => {
  it("GIVEN a stored EasyPost key WHEN shown THEN it says how the key ends, offers to replace or remove it, and the key field is empty", async () => {
    const html = await render(<LabelProviderCard saved={view()} />);

    expect(html).toContain("API key set, ends in 1234");
    expect(html).toContain("Replace the EasyPost API key");
    expect(html).toContain("Remove key");
    expect(html).toMatch(/type="password"[^>]*value=""/);
  });

  it.each([
    ["no key and no fallback", view({ apiKey: { set: false, endsIn: null, unreadable: false } }), "No API key yet."],
    ["a key that can no longer be read", view({ apiKey: { set: false, endsIn: null, unreadable: true } }), "The stored API key can no longer be read: enter it again."],
    ["the app's fallback key", view({ apiKey: { set: false, endsIn: null, unreadable: false }, fallbackKey: true }), "No key of your own: the app&#x27;s EasyPost account is used."],
  ])("GIVEN %s WHEN shown THEN it says so", async (_case, saved, text) => {
    expect(await render(<LabelProviderCard saved={saved} />)).toContain(text);
  });

  it("GIVEN a shop that uploads its own labels WHEN shown THEN no key field is offered", async () => {
    const html = await render(<LabelProviderCard saved={view({ provider: "uploaded", apiKey: { set: false, endsIn: null, unreadable: false } })} />);

    expect(html).toContain("Upload my own label or prepaid QR code");
    expect(html).not.toContain("EasyPost API key");
  });
});
