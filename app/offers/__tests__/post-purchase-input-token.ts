import { SignJWT } from "jose";

export interface InputTokenOptions {
  shop: string;
  referenceId: string;
  secret?: string;
  /** Seconds from now. */
  expiresIn?: number;
  /** The reference id the token names, when it should differ from the one asked about. */
  tokenReference?: string;
}

/** Shopify's post-purchase input token for a purchase of one $50 shirt (variant 11) by customer 42, shipped to the US. */
export async function postPurchaseInputToken(options: InputTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const referenceId = options.tokenReference ?? options.referenceId;
  return new SignJWT({
    input_data: {
      extensionPoint: "Checkout::PostPurchase::Render",
      initialPurchase: {
        referenceId,
        customerId: 42,
        destinationCountryCode: "US",
        totalPriceSet: { shopMoney: { amount: "50.00", currencyCode: "USD" }, presentmentMoney: { amount: "50.00", currencyCode: "USD" } },
        lineItems: [
          {
            product: { id: 1, title: "Shirt", variant: { id: 11, title: "M" } },
            quantity: 1,
            totalPriceSet: { shopMoney: { amount: "50.00", currencyCode: "USD" }, presentmentMoney: { amount: "50.00", currencyCode: "USD" } },
          },
        ],
      },
      locale: "en",
      shop: { id: 1, domain: options.shop },
    },
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("shopify")
    .setSubject(referenceId)
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? process.env.SHOPIFY_API_SECRET!));
}
