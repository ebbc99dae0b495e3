import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ReturnDecision, evaluateReturnRequest } from "../evaluate";
import { toDecimal, toMinor } from "../money";
import { RETURN_REASONS, type ReturnPolicyInput } from "../policy-schema";
import { type Scenario, input, line, lineId, order, productId, variantId } from "./builders";

const currencies = ["USD", "EUR", "JPY"] as const;
const amountIn = (currency: string, max = 50_000) => fc.integer({ min: 0, max }).map((minor) => toDecimal(BigInt(minor), currency));

const policyArbitrary = (currency: string): fc.Arbitrary<ReturnPolicyInput> =>
  fc.record({
    fees: fc.record({
      restocking: fc.oneof(
        fc.constant(null),
        fc.record({ type: fc.constant("percent" as const), percent: fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100) }),
        fc.record({ type: fc.constant("per_item" as const), amount: amountIn(currency, 5_000) }),
      ),
      returnShipping: amountIn(currency, 3_000),
      waiveForExchanges: fc.record({ restocking: fc.boolean(), returnShipping: fc.boolean() }),
    }),
    outcomes: fc.record({
      storeCreditBonusPercent: fc.integer({ min: 0, max: 50 }),
      exchangeBonusPercent: fc.integer({ min: 0, max: 50 }),
    }),
    exchange: fc.record({
      scope: fc.constantFrom("same_product" as const, "any_product" as const),
      whenNewItemsCostLess: fc.constantFrom("refund" as const, "store_credit" as const, "forfeit" as const),
    }),
    keepIt: fc.oneof(fc.constant<ReturnPolicyInput["keepIt"]>([]), amountIn(currency, 3_000).map((maxUnitValue) => [{ maxUnitValue }])),
    rules: fc.constantFrom<ReturnPolicyInput["rules"]>([], [{ id: "bulky", label: "Bulky", match: { tags: ["bulky"] }, effects: [{ type: "handling_fee", amount: "3" }] }]),
  });

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.constantFrom(...currencies).chain((currency) =>
  fc
    .record({
      policy: policyArbitrary(currency),
      lines: fc.array(
        fc.record({
          price: amountIn(currency),
          quantity: fc.integer({ min: 0, max: 4 }),
          fulfilled: fc.oneof({ arbitrary: fc.constant(4), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 }),
          // Mostly returnable lines, so most runs exercise fees and totals rather than refusals.
          returned: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }),
          finalSale: fc.integer({ min: 0, max: 4 }).map((roll) => roll === 0),
          bulky: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      requested: fc.uniqueArray(
        fc.record({
          n: fc.integer({ min: 1, max: 5 }),
          quantity: fc.integer({ min: 1, max: 5 }),
          reason: fc.constantFrom(...RETURN_REASONS),
          proof: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5, selector: (entry) => entry.n },
      ),
      outcome: fc.constantFrom("refund" as const, "store_credit" as const, "exchange" as const),
      exchangePrice: amountIn(currency),
      daysAfterDelivery: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ policy, lines, requested, outcome, exchangePrice, daysAfterDelivery }) => ({
      policy,
      order: order(
        lines.map((entry, index) =>
          line(index + 1, {
            unitPrice: entry.price,
            discountedUnitPrice: entry.price,
            quantity: entry.quantity,
            fulfilledQuantity: entry.fulfilled,
            alreadyReturnedQuantity: entry.returned,
            finalSaleFlag: entry.finalSale,
            tags: entry.bulky ? ["bulky"] : [],
          }),
        ),
        { currency },
      ),
      items: requested.map(({ n, quantity, reason, proof }) => ({
        lineItemId: lineId(n),
        quantity,
        reason,
        ...(proof ? { note: "A detailed enough note", photoCount: 2 } : {}),
      })),
      outcome,
      exchange: outcome === "exchange" ? { items: [{ productId: productId(1), variantId: variantId(11), title: "New", unitPrice: exchangePrice, quantity: 1 }] } : undefined,
      now: new Date(Date.parse("2026-11-24T15:00:00Z") + daysAfterDelivery * 86_400_000),
    })),
);

const minor = (decision: ReturnDecision, key: Exclude<keyof ReturnDecision["totals"], "currency">) => toMinor(decision.totals[key].amount, decision.totals.currency);

/** What the shopper paid for the requested units that the order could give back at all. */
function paidFor(scenario: Scenario): bigint {
  const currency = scenario.order?.currency ?? "USD";
  return (scenario.items ?? []).reduce((total, requested) => {
    const orderLine = scenario.order?.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
    if (!orderLine) return total;
    return total + toMinor(orderLine.discountedUnitPrice, currency) * BigInt(Math.min(requested.quantity, orderLine.quantity));
  }, 0n);
}

describe("evaluateReturnRequest: properties over random policies, orders and requests", () => {
  it("GIVEN any request THEN refund + fees never exceed what was paid, and no total is negative", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const decision = evaluateReturnRequest(input(scenario));
        const keys = ["itemsValue", "fees", "refund", "storeCredit", "bonusCredit", "exchangeValue", "amountDue"] as const;
        for (const key of keys) expect(minor(decision, key)).toBeGreaterThanOrEqual(0n);
        expect(minor(decision, "refund") + minor(decision, "fees")).toBeLessThanOrEqual(minor(decision, "itemsValue"));
        expect(minor(decision, "itemsValue")).toBeLessThanOrEqual(paidFor(scenario));
        for (const fee of decision.fees) expect(toMinor(fee.charged.amount, decision.totals.currency)).toBeLessThanOrEqual(toMinor(fee.amount.amount, decision.totals.currency));
      }),
      { numRuns: 400 },
    );
  });

  it("GIVEN any request THEN an ineligible item never contributes: dropping it leaves totals, fees and outcomes unchanged", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const decision = evaluateReturnRequest(input(scenario));
        const eligibleIds = new Set(decision.items.filter((entry) => entry.status === "eligible").map((entry) => entry.lineItemId));
        for (const entry of decision.items) if (entry.status !== "eligible") expect(entry.value.amount).toBe(toDecimal(0n, decision.totals.currency));
        const eligibleItems = (scenario.items ?? []).filter((entry) => eligibleIds.has(entry.lineItemId));
        if (eligibleItems.length === 0) {
          expect(minor(decision, "itemsValue") + minor(decision, "refund") + minor(decision, "storeCredit") + minor(decision, "fees")).toBe(0n);
          expect(decision.fees).toEqual([]);
          return;
        }
        const trimmed = evaluateReturnRequest(input({ ...scenario, items: eligibleItems }));
        expect(trimmed.totals).toEqual(decision.totals);
        expect(trimmed.fees).toEqual(decision.fees);
        expect(trimmed.allowedOutcomes).toEqual(decision.allowedOutcomes);
      }),
      { numRuns: 300 },
    );
  });

  it("GIVEN any request THEN value is conserved: net = refund (refund), = store credit − bonus (store credit), and bonus comes only with credit or exchanges", () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const decision = evaluateReturnRequest(input(scenario));
        const net = minor(decision, "itemsValue") - minor(decision, "fees");
        if (scenario.outcome === "refund") {
          expect(minor(decision, "refund")).toBe(net);
          expect(minor(decision, "storeCredit") + minor(decision, "bonusCredit")).toBe(0n);
        }
        if (scenario.outcome === "store_credit") {
          expect(minor(decision, "storeCredit") - minor(decision, "bonusCredit")).toBe(net);
          expect(minor(decision, "refund")).toBe(0n);
        }
        if (scenario.outcome === "exchange") {
          // What the shopper gets (new items, change) equals what they give (net, bonus toward the items, money paid), less forfeited change.
          const received = minor(decision, "exchangeValue") + minor(decision, "refund") + minor(decision, "storeCredit");
          const given = net + minor(decision, "bonusCredit") + minor(decision, "amountDue");
          expect(received).toBeLessThanOrEqual(given);
          expect(minor(decision, "refund")).toBeLessThanOrEqual(net);
        }
      }),
      { numRuns: 300 },
    );
  });
});
