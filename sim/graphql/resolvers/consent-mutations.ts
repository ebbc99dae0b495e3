import type { ConsentChange } from "../../store/consent-operations.ts";
import { StoreError } from "../../store/errors.ts";
import type { MarketingOptInLevel, MarketingState } from "../../store/types.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { idOf, runMutation } from "./mutation-support.ts";

interface ConsentInputArgs {
  marketingState: string;
  marketingOptInLevel?: string | null;
  consentUpdatedAt?: string | null;
}

/** States the stand-in keeps (REDACTED and INVALID are Shopify's own, never set through the API here). */
const SETTABLE = new Set(["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"]);

function consentChange(input: ConsentInputArgs, field: string): ConsentChange {
  if (!SETTABLE.has(input.marketingState)) {
    throw new StoreError("INVALID", `Marketing state ${input.marketingState} cannot be set`, [field, "marketingState"], "INCLUSION");
  }
  return {
    state: input.marketingState.toLowerCase() as MarketingState,
    optInLevel: input.marketingOptInLevel ? (input.marketingOptInLevel.toLowerCase() as MarketingOptInLevel) : undefined,
    consentUpdatedAt: input.consentUpdatedAt ? new Date(input.consentUpdatedAt) : null,
    collectedFrom: "other",
  };
}

export const consentMutationResolvers: TypeResolvers<unknown> = {
  customerSmsMarketingConsentUpdate: (_root, args: { input?: { customerId: string; smsMarketingConsent: ConsentInputArgs } }, ctx: ResolverContext) =>
    runMutation(["input"], { customer: null }, () => {
      const input = args.input!;
      const customerId = idOf(input.customerId, "Customer", ["customerId"]);
      return { customer: ctx.store.updateMarketingConsent(ctx.state.shop.domain, customerId, { sms: consentChange(input.smsMarketingConsent, "smsMarketingConsent") }) };
    }),
  customerEmailMarketingConsentUpdate: (_root, args: { input?: { customerId: string; emailMarketingConsent: ConsentInputArgs } }, ctx: ResolverContext) =>
    runMutation(["input"], { customer: null }, () => {
      const input = args.input!;
      const customerId = idOf(input.customerId, "Customer", ["customerId"]);
      return { customer: ctx.store.updateMarketingConsent(ctx.state.shop.domain, customerId, { email: consentChange(input.emailMarketingConsent, "emailMarketingConsent") }) };
    }),
};
