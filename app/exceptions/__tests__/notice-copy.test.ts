import { describe, expect, it } from "vitest";
import { translator } from "~/notifications/messages";

describe("the exception notice's copy", () => {
  it.each(["en", "de", "fr", "es"] as const)("GIVEN the %s catalogue THEN the apology differs for each kind that sends one", (locale) => {
    const t = translator(locale);
    const intros = ["stalled", "past_due", "unfulfilled_past_handling"].map((kind) => t("shipment_exception_intro", { kind }));

    expect(new Set(intros).size).toBe(3);
    expect(intros.every((intro) => intro.length > 40 && !intro.includes("{"))).toBe(true);
  });
});
