/**
 * Which webhook topics Aftercare acts on. Every topic subscribed in shopify.app.toml is either applied
 * (a handler in topics.server.ts) or deliberately deferred (stored, replayable later); anything else that
 * arrives is stored and ignored.
 */
export const APPLIED_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "fulfillments/create",
  "fulfillments/update",
  "fulfillment_events/create",
  "refunds/create",
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "customers/create",
  "customers/update",
  "customers_marketing_consent/update",
  "app/uninstalled",
  "app/scopes_update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

/**
 * Topics whose handler guards its own writes (compare-and-set on Shopify's updated_at, unique inserts), so
 * processing them needs no serializable transaction (AtomicOptions.guardedWrites). These are most of a
 * peak day's webhooks.
 */
export const GUARDED_WRITE_TOPICS: ReadonlySet<AppliedTopic> = new Set<AppliedTopic>([
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
]);

export type AppliedTopic = (typeof APPLIED_TOPICS)[number];

const RETURNS_LATER = "stored for the returns feature, which replays it once built";

/** Topics we subscribe to and store, but do not act on yet; each with why. */
export const DEFERRED_TOPICS: Readonly<Record<string, string>> = {
  "returns/process": RETURNS_LATER,
  "returns/update": RETURNS_LATER,
  "reverse_deliveries/attach_deliverable": RETURNS_LATER,
  "reverse_fulfillment_orders/dispose": RETURNS_LATER,
};

export type TopicDisposition = { kind: "apply"; topic: AppliedTopic } | { kind: "defer"; reason: string } | { kind: "ignore"; reason: string };

const applied = new Set<string>(APPLIED_TOPICS);

/** What the inbox does with a topic. */
export function topicDisposition(topic: string): TopicDisposition {
  if (applied.has(topic)) return { kind: "apply", topic: topic as AppliedTopic };
  const deferral = DEFERRED_TOPICS[topic];
  if (deferral) return { kind: "defer", reason: deferral };
  return { kind: "ignore", reason: `no handler for topic ${topic}` };
}
