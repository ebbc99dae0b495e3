import { db } from "~/db.server";
import { loadReturnContext, loadReturnSummary, submitReturnRequest } from "../submit.server";
import type { ReturnsBackend } from "./backend";
import type { PortalDeps } from "./portal.server";

/** The real returns backend with the process-wide database and the shop's offline Admin API session. */
export function portalDeps(): PortalDeps {
  const backend: ReturnsBackend = {
    loadReturnContext: (args) => loadReturnContext(args),
    submitReturnRequest: (input) => submitReturnRequest(input),
    loadReturnSummary: (args) => loadReturnSummary(args),
  };
  return { db: db(), backend };
}
