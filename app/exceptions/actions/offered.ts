import type { ExceptionKind } from "../kinds";
import { EXCEPTION_ACTIONS, type ExceptionActionName } from "./kinds";
import type { ActionsByKind } from "./settings";

/** Actions that need a parcel: an order-level flag (not shipped in time) has none to reship. */
const NEEDS_PARCEL: ReadonlySet<ExceptionActionName> = new Set(["reship_draft"]);

/** The actions a kind runs on its own as soon as a flag of that kind opens. */
export function automaticActions(actions: ActionsByKind, kind: ExceptionKind, hasParcel: boolean): ExceptionActionName[] {
  return EXCEPTION_ACTIONS.filter((action) => actions[kind][action] === "auto" && (hasParcel || !NEEDS_PARCEL.has(action)));
}

/** The actions the merchant may start by hand for a flag: every action of its kind that is switched on. */
export function offeredActions(actions: ActionsByKind, kind: ExceptionKind, hasParcel: boolean): ExceptionActionName[] {
  return EXCEPTION_ACTIONS.filter((action) => actions[kind][action] !== "off" && (hasParcel || !NEEDS_PARCEL.has(action)));
}

/**
 * The "run now" buttons of a flag: actions switched on by hand (manual) not yet run, and any action whose run
 * failed (the merchant may have fixed what Shopify objected to).
 */
export function runNowActions(
  actions: ActionsByKind,
  flag: { kind: ExceptionKind; shipmentId: string | null; actions: readonly { action: ExceptionActionName; status: string }[] },
): ExceptionActionName[] {
  const recorded = new Map(flag.actions.map((outcome) => [outcome.action, outcome.status]));
  return offeredActions(actions, flag.kind, flag.shipmentId !== null).filter((action) => {
    const status = recorded.get(action);
    return status === "failed" || (status === undefined && actions[flag.kind][action] === "manual");
  });
}
