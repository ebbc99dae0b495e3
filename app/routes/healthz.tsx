import { checkHealth } from "~/analytics/health.server";
import { db } from "~/db.server";

/** Liveness and database reachability for load balancers and uptime checks; no auth, no shop data. */
export async function loader() {
  const health = await checkHealth(db());
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
