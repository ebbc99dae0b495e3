import type { Channel } from "~/notifications/channels";
import type { Trigger } from "~/notifications/milestones";
import type { NotificationPreferences } from "~/notifications/preferences";

/** The settings form's state: numbers kept as typed so a bad value reaches the server's validation as is. */
export interface SettingsDraft {
  triggers: Record<
    Trigger,
    { email: boolean; sms: boolean; delayMinutes: string }
  >;
  quietHours: {
    enabled: boolean;
    start: string;
    end: string;
    channels: Channel[];
  };
  coalesceMinutes: string;
  followUpDays: string;
}

/** The form state for stored preferences. */
export function draftOf(
  preferences: Pick<
    NotificationPreferences,
    "triggers" | "quietHours" | "coalesceMinutes" | "followUpDays"
  >
): SettingsDraft {
  const triggers = Object.fromEntries(
    Object.entries(preferences.triggers).map(([trigger, setting]) => [
      trigger,
      { ...setting, delayMinutes: String(setting.delayMinutes) },
    ])
  ) as SettingsDraft["triggers"];
  return {
    triggers,
    quietHours: { ...preferences.quietHours },
    coalesceMinutes: String(preferences.coalesceMinutes),
    followUpDays: String(preferences.followUpDays),
  };
}

/** The JSON body the settings action validates: whole-number text becomes a number, anything else is sent as typed. */
export function submissionOf(draft: SettingsDraft) {
  const triggers = Object.fromEntries(
    Object.entries(draft.triggers).map(([trigger, setting]) => [
      trigger,
      { ...setting, delayMinutes: numberOrText(setting.delayMinutes) },
    ])
  );
  return {
    triggers,
    quietHours: draft.quietHours,
    coalesceMinutes: numberOrText(draft.coalesceMinutes),
    followUpDays: numberOrText(draft.followUpDays),
  };
}

function numberOrText(value: string): number | string {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}
