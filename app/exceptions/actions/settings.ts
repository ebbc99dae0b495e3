import { z } from "zod";
import { EXCEPTION_KINDS, type ExceptionKind } from "../kinds";
import { ACTION_MODES } from "./kinds";

/** A Shopify order tag: 1–40 characters, no comma (Shopify splits tags on commas). */
export const orderTagSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(40, "must be at most 40 characters")
  .regex(/^[^,]+$/, "must not contain a comma");

const modeSchema = z.enum(ACTION_MODES);

const kindActionsSchema = (kind: ExceptionKind) =>
  z.object({
    tag_order: modeSchema.default("off"),
    reship_draft: modeSchema.default("off"),
    notify_support: modeSchema.default("off"),
    /** The tag "Tag the order" adds, e.g. aftercare-stalled. */
    tag: orderTagSchema.default(`aftercare-${kind.replaceAll("_", "-")}`),
  });

/** Per exception kind, which actions run and how; every kind defaults to none. */
export const actionsByKindSchema = z.object(
  Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, kindActionsSchema(kind).prefault({})])) as Record<
    ExceptionKind,
    z.ZodPrefault<ReturnType<typeof kindActionsSchema>>
  >,
);

export type ActionsByKind = z.infer<typeof actionsByKindSchema>;
export type KindActions = ActionsByKind[ExceptionKind];

/** The merchant's daily digest: the hour (0–23, shop's time zone) it goes out, or null for off. */
export const digestSettingsSchema = z.object({
  hour: z.int().min(0, "must be an hour from 0 to 23").max(23, "must be an hour from 0 to 23").nullable().default(null),
  /** Where it goes; null means the shop's own email address. */
  email: z.email("must be an email address").nullable().default(null),
});

export type DigestSettings = z.infer<typeof digestSettingsSchema>;
