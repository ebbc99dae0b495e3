import { base64url, CompactSign, decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { parseShopifyJson } from "~/webhooks/payload";
import { signChangeset, verifyPostPurchaseToken } from "../post-purchase-token.server";
import { ExpiredPostPurchaseTokenError, InvalidPostPurchaseTokenError } from "../token-errors";

const SECRET = "shpss_test_app_secret";
const API_KEY = "test-api-key";
const REFERENCE_ID = "e0b4c7b1f5d34f0e9a9f2c3d4e5f6a7b";
const NOW = new Date("2026-07-15T12:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const key = new TextEncoder().encode(SECRET);

/** The input_data Shopify puts in a post-purchase token (shape of the extension's InputData). */
function inputData(referenceId = REFERENCE_ID) {
  return {
    extensionPoint: "Checkout::PostPurchase::Render",
    initialPurchase: {
      referenceId,
      customerId: "6011112233",
      destinationCountryCode: "CA",
      totalPriceSet: { shopMoney: { amount: "54.00", currencyCode: "USD" }, presentmentMoney: { amount: "72.90", currencyCode: "CAD" } },
      lineItems: [
        {
          product: { id: 7_112_223_334_445, title: "Shirt", variant: { id: 41_222_333_444_555, title: "M" }, metafields: [] },
          quantity: 2,
          totalPriceSet: { shopMoney: { amount: "50.00", currencyCode: "USD" }, presentmentMoney: { amount: "67.50", currencyCode: "CAD" } },
        },
      ],
    },
    locale: "en",
    shop: { id: 5_566_778_899, domain: "aftercare-demo.myshopify.com", metafields: [] },
    version: "unstable",
  };
}

/** A token as Shopify issues it: iss "shopify", sub = reference id, iat, exp, input_data; HS256 with the app secret. */
function shopifyClaims(overrides: Record<string, unknown> = {}) {
  return { iss: "shopify", sub: REFERENCE_ID, iat: NOW_SECONDS - 5, exp: NOW_SECONDS + 300, input_data: inputData(), ...overrides };
}

async function tokenWith(claims: Record<string, unknown>, options: { secret?: string; alg?: string } = {}) {
  const withoutUndefined = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  return new SignJWT(withoutUndefined)
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const verify = (token: string, referenceId = REFERENCE_ID) => verifyPostPurchaseToken({ token, secret: SECRET, referenceId, now: NOW });

describe("verifyPostPurchaseToken", () => {
  it("GIVEN a token signed by Shopify for this purchase WHEN verified THEN the purchase comes back with gid ids", async () => {
    const verified = await verify(await tokenWith(shopifyClaims()));

    expect(verified).toEqual({
      shop: "aftercare-demo.myshopify.com",
      referenceId: REFERENCE_ID,
      customerId: "gid://shopify/Customer/6011112233",
      destinationCountryCode: "CA",
      locale: "en",
      totalPriceSet: inputData().initialPurchase.totalPriceSet,
      lineItems: [
        {
          productId: "gid://shopify/Product/7112223334445",
          variantId: "gid://shopify/ProductVariant/41222333444555",
          quantity: 2,
          totalPriceSet: inputData().initialPurchase.lineItems[0]!.totalPriceSet,
        },
      ],
      issuedAt: new Date((NOW_SECONDS - 5) * 1000),
      expiresAt: new Date((NOW_SECONDS + 300) * 1000),
    });
  });

  it("GIVEN ids beyond 2^53 in the token WHEN verified THEN every digit survives", async () => {
    const json = JSON.stringify(shopifyClaims())
      .replace("7112223334445", "9007199254740993")
      .replace("41222333444555", "18446744073709551615");
    const token = await new CompactSign(new TextEncoder().encode(json)).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key);

    const [line] = (await verify(token)).lineItems;

    expect(line).toMatchObject({ productId: "gid://shopify/Product/9007199254740993", variantId: "gid://shopify/ProductVariant/18446744073709551615" });
  });

  it("GIVEN a guest checkout and no exp WHEN verified THEN the customer is null and so is the expiry", async () => {
    const guest = { ...inputData(), initialPurchase: { ...inputData().initialPurchase, customerId: undefined } };
    const verified = await verify(await tokenWith(shopifyClaims({ exp: undefined, input_data: guest })));
    expect([verified.customerId, verified.expiresAt]).toEqual([null, null]);
  });

  it("GIVEN a token expired less than the clock tolerance ago WHEN verified THEN it is accepted", async () => {
    await expect(verify(await tokenWith(shopifyClaims({ exp: NOW_SECONDS - 5 })))).resolves.toMatchObject({ referenceId: REFERENCE_ID });
  });

  it.each<[string, () => Promise<string>]>([
    ["past its exp", () => tokenWith(shopifyClaims({ iat: NOW_SECONDS - 600, exp: NOW_SECONDS - 60 }))],
    ["older than an hour, without exp", () => tokenWith(shopifyClaims({ iat: NOW_SECONDS - 3_700, exp: undefined }))],
  ])("GIVEN a genuine token %s WHEN verified THEN ExpiredPostPurchaseTokenError", async (_label, makeToken) => {
    const result = verify(await makeToken());
    await expect(result).rejects.toBeInstanceOf(ExpiredPostPurchaseTokenError);
    await expect(result).rejects.toBeInstanceOf(InvalidPostPurchaseTokenError); // one 401 mapping covers both
  });

  const signedClaims = (claims: Record<string, unknown>) => () => tokenWith(claims);
  const unsigned = (claims: Record<string, unknown>) => async () =>
    `${base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64url.encode(JSON.stringify(claims))}.`;
  const tampered = async () => {
    const [header, , signature] = (await tokenWith(shopifyClaims())).split(".");
    const forged = shopifyClaims({ input_data: { ...inputData(), shop: { id: 1, domain: "victim.myshopify.com" } } });
    return `${header}.${base64url.encode(JSON.stringify(forged))}.${signature}`;
  };
  const withoutReference = { ...inputData(), initialPurchase: { ...inputData().initialPurchase, referenceId: undefined } };

  it.each<[string, () => Promise<string>]>([
    ["signed with another secret", () => tokenWith(shopifyClaims(), { secret: "someone-elses-secret" })],
    ["with alg none", unsigned(shopifyClaims())],
    ["signed HS512 with the right secret", () => tokenWith(shopifyClaims(), { alg: "HS512" })],
    ["signed HS384 with the right secret", () => tokenWith(shopifyClaims(), { alg: "HS384" })],
    ["with a payload changed after signing", tampered],
    ["for another purchase (sub)", signedClaims(shopifyClaims({ sub: "another-reference" }))],
    [
      "whose input_data names another purchase",
      signedClaims(shopifyClaims({ input_data: inputData("another-reference") })),
    ],
    ["issued by our app rather than Shopify (a changeset)", signedClaims(shopifyClaims({ iss: API_KEY }))],
    ["issued in the future", signedClaims(shopifyClaims({ iat: NOW_SECONDS + 3_600, exp: NOW_SECONDS + 7_200 }))],
    ["not valid before a later time", signedClaims(shopifyClaims({ nbf: NOW_SECONDS + 600 }))],
    ["without iss", signedClaims(shopifyClaims({ iss: undefined }))],
    ["without sub", signedClaims(shopifyClaims({ sub: undefined }))],
    ["without iat", signedClaims(shopifyClaims({ iat: undefined }))],
    ["without input_data", signedClaims(shopifyClaims({ input_data: undefined }))],
    ["without the purchase's reference id", signedClaims(shopifyClaims({ input_data: withoutReference }))],
    ["with a shop that is not a myshopify domain", signedClaims(shopifyClaims({ input_data: { ...inputData(), shop: { id: 1, domain: "evil.example" } } }))],
    ["that is not a JWT at all", async () => "not-a-token"],
    ["that is empty", async () => ""],
  ])("GIVEN a token %s WHEN verified THEN InvalidPostPurchaseTokenError (not expired)", async (_label, makeToken) => {
    const result = verify(await makeToken());
    await expect(result).rejects.toBeInstanceOf(InvalidPostPurchaseTokenError);
    await expect(result).rejects.not.toBeInstanceOf(ExpiredPostPurchaseTokenError);
  });

  it("GIVEN an empty requested reference id WHEN verified THEN it is refused before any token check", async () => {
    await expect(verify(await tokenWith(shopifyClaims()), "")).rejects.toBeInstanceOf(InvalidPostPurchaseTokenError);
  });
});

describe("signChangeset", () => {
  const JTI = "6f1c2a8e-4b7d-4e9a-8c3b-2d1e0f9a8b7c";
  const request = {
    apiKey: API_KEY,
    secret: SECRET,
    referenceId: REFERENCE_ID,
    now: NOW,
    jti: JTI,
    changes: [
      {
        type: "add_variant" as const,
        variantId: "gid://shopify/ProductVariant/123",
        quantity: 1,
        discount: { value: 15, valueType: "percentage" as const, title: "15% off" },
      },
    ],
  };

  it("GIVEN an accepted offer WHEN signed THEN the JWT has exactly the documented header and claims", async () => {
    const token = await signChangeset(request);

    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"], currentDate: NOW });
    expect(payload).toEqual({
      iss: API_KEY,
      jti: JTI,
      iat: NOW_SECONDS,
      sub: REFERENCE_ID,
      changes: [{ type: "add_variant", variantId: 123, quantity: 1, discount: { value: 15, valueType: "percentage", title: "15% off" } }],
    });
  });

  it("GIVEN now WHEN signed THEN iat is in seconds, not milliseconds", async () => {
    const { payload } = await jwtVerify(await signChangeset(request), key);
    expect(payload.iat).toBe(Math.floor(NOW.getTime() / 1000));
  });

  it("GIVEN a variant id beyond 2^53 WHEN signed THEN it is written as an exact JSON number", async () => {
    const token = await signChangeset({ ...request, changes: [{ type: "add_variant", variantId: "gid://shopify/ProductVariant/9007199254740993", quantity: 1 }] });

    const raw = new TextDecoder().decode(base64url.decode(token.split(".")[1]!));
    expect(raw).toContain('"variantId":9007199254740993');
    expect(parseShopifyJson(raw)).toMatchObject({ changes: [{ variantId: "9007199254740993" }] });
  });

  it("GIVEN a fixed discount, a shipping line and an expiry WHEN signed THEN amounts are JSON numbers and exp follows iat", async () => {
    const token = await signChangeset({
      ...request,
      expiresInSeconds: 600,
      changes: [
        { type: "add_variant", variantId: "41222333444555", quantity: 2, discount: { value: "5.50", valueType: "fixed_amount", title: "$5.50 off" } },
        { type: "add_shipping_line", price: "4.99", title: "Shipping" },
      ],
    });

    const raw = new TextDecoder().decode(base64url.decode(token.split(".")[1]!));
    expect(raw).toContain('"value":5.50');
    const { payload } = await jwtVerify(token, key, { currentDate: NOW });
    expect(payload.exp).toBe(NOW_SECONDS + 600);
    expect(payload.changes).toEqual([
      { type: "add_variant", variantId: 41222333444555, quantity: 2, discount: { value: 5.5, valueType: "fixed_amount", title: "$5.50 off" } },
      { type: "add_shipping_line", price: 4.99, title: "Shipping" },
    ]);
  });

  it("GIVEN our own changeset WHEN presented as an input token THEN it is refused", async () => {
    await expect(verify(await signChangeset(request))).rejects.toBeInstanceOf(InvalidPostPurchaseTokenError);
  });

  it.each<[string, Partial<Parameters<typeof signChangeset>[0]>]>([
    ["a jti that is not a UUID", { jti: "1" }],
    ["no changes", { changes: [] }],
    ["no API key", { apiKey: "" }],
    ["no reference id", { referenceId: "" }],
    ["a percentage over 100", { changes: [{ type: "add_variant", variantId: "1", quantity: 1, discount: { value: 150, valueType: "percentage", title: "x" } }] }],
    ["a negative discount", { changes: [{ type: "add_variant", variantId: "1", quantity: 1, discount: { value: -5, valueType: "fixed_amount", title: "x" } }] }],
    ["a discount without a title", { changes: [{ type: "add_variant", variantId: "1", quantity: 1, discount: { value: 5, valueType: "fixed_amount", title: "" } }] }],
    ["a zero quantity", { changes: [{ type: "add_variant", variantId: "1", quantity: 0 }] }],
    ["a product gid as the variant", { changes: [{ type: "add_variant", variantId: "gid://shopify/Product/1", quantity: 1 }] }],
  ])("GIVEN %s WHEN signed THEN InvalidInputError and no token", async (_label, overrides) => {
    await expect(signChangeset({ ...request, ...overrides })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
