import { z } from "zod";
import { exceptionSettingsSchema } from "~/exceptions/settings";
import { CHANNELS, type Channel } from "./channels";
import { FOLLOW_UP_TRIGGER, TRIGGERS, type Trigger } from "./milestones";

// Like the shop settings document, every level uses prefault({}) so a stored document missing a trigger or a
// field reads as its defaults: preferences saved by an older version stay valid as triggers are added.

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 21:00");

const triggerSchema = (defaults: { email: boolean; sms: boolean }) =>
  z.object({
    email: z.boolean().default(defaults.email),
    sms: z.boolean().default(defaults.sms),
    /** Minutes to wait after the cause before sending (e.g. a delivered follow-up the next morning). */
    delayMinutes: z.int().min(0).max(60 * 24 * 30).default(0),
  });

// Every trigger but the follow-up is on by email; SMS, costlier and more intrusive, only for the moments a shopper
// acts on. The follow-up says nothing the shopper needs, so the merchant switches it on.
const SMS_BY_DEFAULT: ReadonlySet<Trigger> = new Set(["out_for_delivery", "delivered", "attempted_delivery", "ready_for_pickup", "exception"]);
const EMAIL_OFF_BY_DEFAULT: ReadonlySet<Trigger> = new Set([FOLLOW_UP_TRIGGER]);

const triggersSchema = z.object(
  Object.fromEntries(
    TRIGGERS.map((trigger) => [trigger, triggerSchema({ email: !EMAIL_OFF_BY_DEFAULT.has(trigger), sms: SMS_BY_DEFAULT.has(trigger) }).prefault({})]),
  ) as Record<Trigger, z.ZodPrefault<ReturnType<typeof triggerSchema>>>,
);

const quietHoursSchema = z.object({
  enabled: z.boolean().default(true),
  /** Local time in the shopper's time zone when quiet hours begin; they may run past midnight. */
  start: clockTime.default("21:00"),
  end: clockTime.default("08:00"),
  channels: z.array(z.enum(CHANNELS)).default(["sms"]),
});

/** A shop's notification preferences (NotificationSettings.document), every field defaulted. */
export const notificationPreferencesSchema = z.object({
  triggers: triggersSchema.prefault({}),
  quietHours: quietHoursSchema.prefault({}),
  /**
   * Parcels of one order that reach "shipped" or "delivered" within this many minutes of each other get one
   * message: the first waits this long for its siblings.
   */
  coalesceMinutes: z.int().min(0).max(24 * 60).default(15),
  /** The follow-up goes this many days after the last parcel of an order was delivered (plus its trigger delay). */
  followUpDays: z.int("must be a whole number of days").min(1, "must be at least 1 day").max(60, "must be at most 60 days").default(3),
  /** What the exceptions scan flags (stall period, past-due grace, kinds switched on). */
  exceptions: exceptionSettingsSchema.prefault({}),
});

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type QuietHours = NotificationPreferences["quietHours"];

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = notificationPreferencesSchema.parse({});

/** The channels a trigger is switched on for. */
export function enabledChannels(preferences: NotificationPreferences, trigger: Trigger): Channel[] {
  const setting = preferences.triggers[trigger];
  return CHANNELS.filter((channel) => setting[channel]);
}
