/**
 * `npm run bench:edd-rebuild [-- --full]`: what rebuilding a shop's estimator costs (ADR 9). The live rebuild
 * replays every stored shipment of the last year through the causal replay, promising each at purchase and
 * hand-off; this replays the shared Olist orders the same way (the most recent 1,000 and 5,000, and all of them
 * with --full) and reports milliseconds per shipment. Last line: one JSON object.
 */
import { parseArgs } from "node:util";
import { createEstimator } from "../app/delivery-estimates/estimator";
import { OLIST_TIME_ZONE } from "../app/delivery-estimates/evaluation/olist-order";
import { readOlistOrders, readOlistSellers } from "../app/delivery-estimates/evaluation/read-olist.server";
import { replayHistory, type ShipmentHistory } from "../app/delivery-estimates/replay";

const { values } = parseArgs({ options: { full: { type: "boolean" }, data: { type: "string", default: "../shared/data/olist" } } });
const dir = values.data!;
const histories: ShipmentHistory[] = readOlistOrders(dir, readOlistSellers([dir]))
  .sort((a, b) => a.purchasedAt.getTime() - b.purchasedAt.getTime())
  .map((order) => ({ shipmentId: order.orderId, facts: order.facts, placedAt: order.purchasedAt, handedOffAt: order.handedOffAt, deliveredAt: order.deliveredAt }));

// One throw-away replay first, so the figures are not the JIT's warm-up.
replayHistory(createEstimator({ timeZone: OLIST_TIME_ZONE }), histories.slice(-500));

const sizes = values.full ? [1_000, 5_000, histories.length] : [1_000, 5_000];
const figures: Record<string, number> = {};
for (const size of sizes) {
  const slice = histories.slice(-size);
  const started = performance.now();
  replayHistory(createEstimator({ timeZone: OLIST_TIME_ZONE }), slice);
  const ms = performance.now() - started;
  console.log(`${slice.length} shipments: ${Math.round(ms)} ms (${(ms / slice.length).toFixed(3)} ms each)`);
  figures[`ms${slice.length}`] = Math.round(ms);
  figures.msPerShipment = Math.round((ms / slice.length) * 1000) / 1000;
}
console.log(JSON.stringify({ bench: "edd-rebuild", ...figures }));
