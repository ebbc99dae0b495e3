import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/auth.login/route";

const APP_URL = process.env.SHOPIFY_APP_URL!;
const args = (request: Request) => ({ request, params: {}, context: {} });

function postShop(shop: string): Request {
  return new Request(`${APP_URL}/auth/login`, { method: "POST", body: new URLSearchParams({ shop }) });
}

async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return thrown.headers.get("Location");
    throw thrown;
  }
  throw new Error("expected a redirect");
}

describe("auth.login action", () => {
  it.each([
    ["", "Enter your store's domain to log in."],
    ["not a shop!", "Enter a valid store domain, like example.myshopify.com."],
    ["shop.example.com", "Enter a valid store domain, like example.myshopify.com."],
  ])("GIVEN the domain %j WHEN the form is posted THEN it answers 422 with a field error", async (shop, message) => {
    const result = await action(args(postShop(shop)));

    expect(result.init?.status).toBe(422);
    expect(result.data.errors).toEqual({ shop: message });
  });

  it.each(["alpha", "alpha.myshopify.com", "https://alpha.myshopify.com/"])(
    "GIVEN the domain %j WHEN the form is posted THEN it sends the merchant to install the app on that store",
    async (shop) => {
      const location = await redirectOf(action(args(postShop(shop))));

      expect(location).toBe(`https://admin.shopify.com/store/alpha/oauth/install?client_id=${process.env.SHOPIFY_API_KEY}`);
    },
  );
});

describe("auth.login loader", () => {
  it("GIVEN no shop WHEN the page loads THEN the empty form is shown", async () => {
    const result = await loader(args(new Request(`${APP_URL}/auth/login`)));

    expect(result.init?.status).toBe(200);
    expect(result.data.errors).toEqual({});
  });

  it("GIVEN an invalid ?shop= WHEN the page loads THEN the form shows the field error", async () => {
    const result = await loader(args(new Request(`${APP_URL}/auth/login?shop=${encodeURIComponent("bad shop")}`)));

    expect(result.init?.status).toBe(422);
    expect(result.data.errors.shop).toMatch(/valid store domain/);
  });
});
