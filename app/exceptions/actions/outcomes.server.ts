import type { DbClient } from "~/db.server";
import { EXCEPTION_ACTIONS } from "./kinds";
import type { ActionOutcome } from "./outcome";

export type { ActionOutcome };

/** The recorded actions of the given flags, by flag id, in a stable order. */
export async function actionOutcomesByFlag(client: DbClient, shop: string, exceptionIds: readonly string[]): Promise<Map<string, ActionOutcome[]>> {
  const byFlag = new Map<string, ActionOutcome[]>();
  if (!exceptionIds.length) return byFlag;
  const rows = await client.exceptionAction.findMany({ where: { shop, exceptionId: { in: [...exceptionIds] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  for (const row of rows) {
    const action = EXCEPTION_ACTIONS.find((known) => known === row.action);
    if (!action) continue;
    const outcomes = byFlag.get(row.exceptionId) ?? [];
    outcomes.push({ action, requestedBy: row.requestedBy, status: row.status, error: row.error, result: row.result, completedAt: row.completedAt?.toISOString() ?? null });
    byFlag.set(row.exceptionId, outcomes);
  }
  return byFlag;
}
