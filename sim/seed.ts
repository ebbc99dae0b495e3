import { carriersFor, trackingNumberFor, type Carrier } from "./seed/tracking-numbers.ts";
import { seedCatalog } from "./seed/catalog.ts";
import { seedCustomers } from "./seed/people.ts";
import { Random } from "./seed/random.ts";
import { SCENARIOS, SCENARIO_SPECS, scenarioSteps, type Scenario, type Step, type Where } from "./seed/scenarios.ts";
import type { NumericId } from "./store/ids.ts";
import type { SimStore } from "./store/store.ts";
import type { CustomerRecord, OrderRecord, VariantRecord } from "./store/types.ts";
import type { WebhookDeliverer } from "./webhooks/deliverer.ts";

/** What each carrier's checkout rate costs the shopper in the demo (cents, domestic). */
export const SHIPPING_RATE_CENTS: Record<Carrier, number> = {
  USPS: 600,
  "Royal Mail": 550,
  "Canada Post": 700,
  "Australia Post": 800,
  UPS: 1100,
  FedEx: 1400,
  "DHL Express": 1900,
};

export interface SeedOptions {
  shop: string;
  orders?: number;
  days?: number;
  seed?: number;
}

export interface SeedSummary {
  shop: string;
  products: number;
  customers: number;
  orders: number;
  scenarios: Record<Scenario, number>;
}

const HOUR_MS = 3600_000;
/** Carriers report scans a little after they happen; Shopify records (and notifies) them then. */
const SCAN_REPORT_DELAY_MS = 5 * 60_000;
const MIN_PER_SCENARIO = 2;

const HUBS: Record<Carrier, { city: string; province: string | null; country: string; zip: string | null }> = {
  UPS: { city: "Louisville", province: "KY", country: "US", zip: "40209" },
  USPS: { city: "Chicago", province: "IL", country: "US", zip: "60607" },
  FedEx: { city: "Memphis", province: "TN", country: "US", zip: "38118" },
  "DHL Express": { city: "Leipzig", province: null, country: "DE", zip: "04435" },
  "Canada Post": { city: "Mississauga", province: "ON", country: "CA", zip: "L5T 2T4" },
  "Royal Mail": { city: "Warrington", province: "ENG", country: "GB", zip: "WA5 7ZZ" },
  "Australia Post": { city: "Melbourne", province: "VIC", country: "AU", zip: "3000" },
};

interface PlannedOrder {
  placedAt: Date;
  scenario: Scenario;
  customer: CustomerRecord;
  variants: { variant: VariantRecord; quantity: number }[];
  carrier: Carrier;
  steps: Step[];
  order?: OrderRecord;
  shipments: NumericId[];
}

function assignScenarios(ages: number[], random: Random): Scenario[] {
  const eligible = (scenario: Scenario, age: number) => {
    const spec = SCENARIO_SPECS[scenario];
    return age >= spec.minAgeHours && (spec.maxAgeHours === undefined || age <= spec.maxAgeHours);
  };
  const assigned = ages.map((age) => {
    const options = SCENARIOS.filter((s) => eligible(s, age)).map((s) => [s, s === "unfulfilled" && age < 36 ? 60 : SCENARIO_SPECS[s].weight] as const);
    return random.weighted(options);
  });
  // Make sure every state appears: move orders from the most common scenarios to missing ones.
  for (const scenario of SCENARIOS) {
    for (let n = assigned.filter((s) => s === scenario).length; n < MIN_PER_SCENARIO; n++) {
      const counts = new Map<Scenario, number>();
      assigned.forEach((s) => counts.set(s, (counts.get(s) ?? 0) + 1));
      const donors = ages
        .map((age, index) => ({ age, index }))
        .filter(({ age, index }) => eligible(scenario, age) && (counts.get(assigned[index]!) ?? 0) > MIN_PER_SCENARIO)
        .sort((a, b) => (counts.get(assigned[b.index]!) ?? 0) - (counts.get(assigned[a.index]!) ?? 0));
      const donor = donors[0];
      if (!donor) break;
      assigned[donor.index] = scenario;
    }
  }
  return assigned;
}

/** Stretches or shifts step times so they fit before now, ending a few hours ago for "end"-anchored states. */
function placeSteps(steps: Step[], ageHours: number, anchor: "start" | "end", random: Random): Step[] {
  if (steps.length === 0) return steps;
  const last = Math.max(...steps.map((s) => s.hours));
  const latest = ageHours - random.int(1, 8);
  if (anchor === "end" && last < latest) {
    const first = Math.min(...steps.map((s) => s.hours));
    const shift = Math.min(latest - last, Math.max(0, ageHours * 0.8 - first));
    return steps.map((s) => ({ ...s, hours: s.hours + shift }));
  }
  if (last <= latest) return steps;
  const factor = Math.max(0, latest) / last;
  return steps.map((s) => ({ ...s, hours: s.hours * factor }));
}

/**
 * Fills a shop with a realistic outdoor-clothing store: catalogue, international customers, and orders
 * over the past `days` whose shipments reach every state. Everything happens through store operations
 * in time order, so a running app receives it all as signed webhooks. Same seed, same store.
 */
export async function seedStore(
  standIn: { url: string; store: SimStore; webhooks?: WebhookDeliverer },
  options: SeedOptions,
): Promise<SeedSummary> {
  const { store } = standIn;
  const random = new Random(options.seed ?? 42);
  const days = options.days ?? 30;
  const orderCount = options.orders ?? 240;
  const now = store.clock();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  if (!store.hasShop(options.shop)) store.createShop({ domain: options.shop, name: "Demo Outfitters" });
  const state = store.state(options.shop);

  const products = seedCatalog(standIn.url).map((input) => store.createProduct(options.shop, { ...input, at: at((days + 90) * 24) }));
  const variants = products.flatMap((p) => p.variants);
  const customerInputs = seedCustomers(random, Math.max(20, Math.round(orderCount * 0.625)));
  const customers = customerInputs
    .map((input) => ({ input, hoursAgo: (days + 10) * 24 + random.int(0, 60 * 24) }))
    .sort((a, b) => b.hoursAgo - a.hoursAgo)
    .map(({ input, hoursAgo }) => store.createCustomer(options.shop, { ...input, at: at(hoursAgo) }));

  const ages = Array.from({ length: orderCount }, () => random.next() * days * 24).sort((a, b) => b - a);
  const scenarios = assignScenarios(ages, random);
  const plans: PlannedOrder[] = ages.map((age, index) => {
    const scenario = scenarios[index]!;
    const spec = SCENARIO_SPECS[scenario];
    const customer = random.pick(customers);
    const itemCount = Math.max(spec.minLineItems ?? 1, random.weighted([[1, 55], [2, 30], [3, 15]] as const));
    const picked = new Set<VariantRecord>();
    while (picked.size < itemCount) picked.add(random.pick(variants));
    const steps = placeSteps(scenarioSteps(scenario, random.int(4, 30)), age, spec.anchor, random);
    return {
      placedAt: at(age),
      scenario,
      customer,
      variants: [...picked].map((variant) => ({ variant, quantity: random.weighted([[1, 80], [2, 15], [3, 5]] as const) })),
      carrier: random.pick(carriersFor(customer.address.countryCode)),
      steps,
      shipments: [],
    };
  });

  const timeline: { time: number; run: () => void }[] = [];
  for (const plan of plans) {
    timeline.push({ time: plan.placedAt.getTime(), run: () => placeOrder(plan) });
    for (const step of plan.steps) {
      const recordedAt = plan.placedAt.getTime() + step.hours * HOUR_MS + (step.kind === "event" ? SCAN_REPORT_DELAY_MS : 0);
      timeline.push({ time: recordedAt, run: () => runStep(plan, step) });
    }
  }
  timeline.sort((a, b) => a.time - b.time);

  function placeOrder(plan: PlannedOrder) {
    plan.order = store.createOrder(options.shop, {
      customerId: plan.customer.id,
      lineItems: plan.variants.map(({ variant, quantity }) => ({ variantId: variant.id, quantity })),
      shipping: shippingFor(plan),
      at: plan.placedAt,
    });
  }

  // The carrier's rate, so the carriers page has real cost differences to weigh; now and then free shipping.
  function shippingFor(plan: PlannedOrder) {
    const domestic = plan.customer.address.countryCode === state.shop.address.countryCode;
    const rate = SHIPPING_RATE_CENTS[plan.carrier] * (domestic ? 1 : 2);
    return { title: `${plan.carrier} ${domestic ? "Standard" : "International Express"}`, priceCents: random.pick([0, rate, rate, rate + 300]) };
  }

  function where(plan: PlannedOrder, place: Where) {
    const address = plan.customer.address;
    if (place === "destination") return { city: address.city, province: address.provinceCode, country: address.countryCode, zip: address.zip };
    if (place === "hub") return HUBS[plan.carrier];
    const origin = state.shop.address;
    return { city: origin.city, province: origin.provinceCode, country: origin.countryCode, zip: origin.zip };
  }

  function runStep(plan: PlannedOrder, step: Step) {
    const order = plan.order!;
    const time = new Date(plan.placedAt.getTime() + step.hours * HOUR_MS);
    switch (step.kind) {
      case "fulfill": {
        const items = step.items === "first" ? order.lineItems.slice(0, 1) : step.items === "rest" ? order.lineItems.slice(1) : order.lineItems;
        const tracking = Array.from({ length: step.trackingNumbers }, () => ({ number: trackingNumberFor(plan.carrier, random), company: plan.carrier }));
        const fulfillment = store.fulfillOrder(options.shop, order.id, {
          lineItems: items.map((item) => ({ lineItemId: item.id, quantity: item.quantity })),
          tracking,
          at: time,
        });
        plan.shipments[step.shipment] = fulfillment.id;
        return;
      }
      case "event":
        store.addFulfillmentEvent(options.shop, plan.shipments[step.shipment]!, {
          status: step.status,
          message: step.message,
          happenedAt: time,
          estimatedDeliveryAt: step.etaDays ? new Date(time.getTime() + step.etaDays * 24 * HOUR_MS) : null,
          ...where(plan, step.where),
          at: new Date(time.getTime() + SCAN_REPORT_DELAY_MS),
        });
        return;
      case "cancel":
        store.cancelOrder(options.shop, order.id, { reason: random.pick(["customer", "inventory", "fraud"] as const), refund: true, at: time });
        return;
      case "refund": {
        const item = order.lineItems[0]!;
        store.createRefund(options.shop, order.id, { lineItems: [{ lineItemId: item.id, quantity: 1, restockType: "return" }], note: "Returned: wrong size", at: time });
        return;
      }
    }
  }

  for (const entry of timeline) entry.run();

  const counts = Object.fromEntries(SCENARIOS.map((s) => [s, 0])) as Record<Scenario, number>;
  for (const scenario of scenarios) counts[scenario]++;
  return { shop: options.shop, products: products.length, customers: customers.length, orders: plans.length, scenarios: counts };
}
