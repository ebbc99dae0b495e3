import { describe, expect, it } from "vitest";
import { choosePageLocale, type LocaleSources } from "../locale";
import { PAGE_LOCALES, translator } from "../messages";

describe("choosePageLocale", () => {
  it.each([
    ["nothing known", {}, "en"],
    ["?locale=fr-CA", { query: "fr-CA" }, "fr"],
    ["?locale= an unsupported language, order in German", { query: "ja", orderLocale: "de" }, "de"],
    ["the order in Spanish and a German browser", { orderLocale: "es", acceptLanguage: "de-DE,de;q=0.9" }, "es"],
    ["a browser preferring French over German", { acceptLanguage: "it;q=1, fr;q=0.8, de;q=0.5" }, "fr"],
    ["a browser asking only for Japanese, shop default German", { acceptLanguage: "ja", shopDefault: "de" }, "de"],
    ["hostile values everywhere", { query: "<script>", orderLocale: "../../etc", acceptLanguage: ";;;q=x" }, "en"],
  ] satisfies [string, LocaleSources, string][])("GIVEN %s WHEN choosing THEN the page speaks %s", (_label, sources, expected) => {
    expect(choosePageLocale(sources)).toBe(expected);
  });
});

describe("translator", () => {
  it.each(PAGE_LOCALES)("GIVEN %s WHEN a message has a placeholder THEN it is filled", (locale) => {
    expect(translator(locale)("orderHeading", { name: "#1001" })).toContain("#1001");
  });

  it("GIVEN a value missing for a placeholder WHEN translated THEN the placeholder stays visible rather than vanishing", () => {
    expect(translator("en")("parcelHeading", { index: 1 })).toBe("Parcel 1 of {count}");
  });
});
