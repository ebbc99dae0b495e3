import { z } from "zod";
import { actionsByKindSchema, digestSettingsSchema } from "./actions/settings";
import { EXCEPTION_KINDS, type ExceptionKind } from "./kinds";

/** Which exception kinds the shop watches for: all by default. */
const kindSwitchesSchema = z.object(
  Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, z.boolean().default(true)])) as Record<ExceptionKind, z.ZodDefault<z.ZodBoolean>>,
);

/** The exception-detection section of a shop's notification preferences, every field defaulted. */
export const exceptionSettingsSchema = z.object({
  /** A parcel on its way with no carrier event for this many days is stalled. */
  stalledAfterDays: z.int().min(1).max(60).default(5),
  /** How long after its estimated delivery date an undelivered parcel counts as past due (carriers run late by hours). */
  pastDueGraceHours: z.int().min(0).max(24 * 14).default(24),
  kinds: kindSwitchesSchema.prefault({}),
  /** What runs when a flag opens, per kind (tag the order, reship draft, email support). */
  actions: actionsByKindSchema.prefault({}),
  /** Where "Email support" writes; required while any kind has that action on. */
  supportEmail: z.email("must be an email address").nullable().default(null),
  digest: digestSettingsSchema.prefault({}),
}).refine(
  (settings) => settings.supportEmail !== null || Object.values(settings.actions).every((actions) => actions.notify_support === "off"),
  { path: ["supportEmail"], message: "is required while a kind emails support" },
);

export type ExceptionSettings = z.infer<typeof exceptionSettingsSchema>;

/** What detection needs: the shop's exception settings plus its handling time (from the shop settings). */
export interface DetectionPolicy extends ExceptionSettings {
  /** Business days between an order and its parcel leaving the warehouse (ShopSettings.fulfillment.handlingDays). */
  handlingDays: number;
  /** ISO weekdays the warehouse ships on (1 = Monday … 7 = Sunday). */
  shippingWeekdays: number[];
}

export const DEFAULT_EXCEPTION_SETTINGS: ExceptionSettings = exceptionSettingsSchema.parse({});
