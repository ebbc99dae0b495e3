/** What the merchant can have done automatically when a flag opens. */
export const EXCEPTION_ACTIONS = ["tag_order", "reship_draft", "notify_support"] as const;
export type ExceptionActionName = (typeof EXCEPTION_ACTIONS)[number];

/** off: never; manual: offered as "run now" in the list; auto: run as soon as the flag opens. */
export const ACTION_MODES = ["off", "manual", "auto"] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

/** How the merchant's list and settings name each action. */
export const EXCEPTION_ACTION_LABELS: Record<ExceptionActionName, string> = {
  tag_order: "Tag the order",
  reship_draft: "Create a reship draft order",
  notify_support: "Email support",
};

/** Actions that repeat harmlessly (adding a tag twice leaves one tag): a run cut short may simply run again. */
export const REPEATABLE_ACTIONS: ReadonlySet<ExceptionActionName> = new Set(["tag_order"]);

/** An action row's lifecycle (ExceptionAction.status). */
export const ACTION_STATUS = { pending: "pending", running: "running", succeeded: "succeeded", failed: "failed", cancelled: "cancelled" } as const;
