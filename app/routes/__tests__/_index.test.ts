import { describe, expect, it } from "vitest";
import { loader } from "~/routes/_index";

const APP_URL = process.env.SHOPIFY_APP_URL!;
const args = (request: Request) => ({ request, params: {}, context: {} });

describe("landing page loader", () => {
  it("GIVEN Shopify opens the app URL with ?shop= WHEN it loads THEN it redirects to /app keeping the whole query", async () => {
    const query = "embedded=1&shop=alpha.myshopify.com&host=YWRtaW4&id_token=abc";

    const thrown = await loader(args(new Request(`${APP_URL}/?${query}`))).catch((error: unknown) => error);

    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe(`/app?${query}`);
  });

  it("GIVEN a visitor without ?shop= WHEN it loads THEN the public page is shown", async () => {
    await expect(loader(args(new Request(`${APP_URL}/`)))).resolves.toBeNull();
  });
});
