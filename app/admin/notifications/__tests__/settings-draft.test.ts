import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "~/notifications/preferences";
import { draftOf, submissionOf } from "../settings-draft";

describe("settings draft", () => {
  it("GIVEN stored preferences WHEN turned into a draft and submitted unchanged THEN the submission equals the stored parts", () => {
    const { triggers, quietHours, coalesceMinutes, followUpDays } = DEFAULT_NOTIFICATION_PREFERENCES;

    expect(submissionOf(draftOf(DEFAULT_NOTIFICATION_PREFERENCES))).toEqual({ triggers, quietHours, coalesceMinutes, followUpDays });
  });

  it.each([
    ["15", 15],
    [" 30 ", 30],
    ["-5", -5],
    ["1.5", "1.5"],
    ["soon", "soon"],
    ["", ""],
  ])("GIVEN %j typed as the coalescing window WHEN submitted THEN it is sent as %j for the server to validate", (typed, sent) => {
    const draft = { ...draftOf(DEFAULT_NOTIFICATION_PREFERENCES), coalesceMinutes: typed };

    expect(submissionOf(draft).coalesceMinutes).toBe(sent);
  });
});
