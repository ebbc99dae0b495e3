import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(node: unknown): Record<string, string[]> {
  const valueOf = (key: string) => key.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], node);
  return Object.fromEntries(keysOf(node).map((key) => [key, [...String(valueOf(key)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()]));
}

/** Every extension ships English, German, French and Spanish with the same keys and placeholders. */
export function describeLocales(extension: string, folder: string): void {
  const read = (file: string) => JSON.parse(readFileSync(`${folder}/${file}`, "utf8")) as Record<string, unknown>;
  const english = read("en.default.json");
  const others = readdirSync(folder).filter((file) => file !== "en.default.json");

  describe(`${extension} locales`, () => {
    it("GIVEN the extension WHEN its locales are listed THEN German, French and Spanish are there", () => {
      expect(others.sort()).toEqual(["de.json", "es.json", "fr.json"]);
    });

    it.each(others)("GIVEN %s WHEN compared with English THEN it has every key with the same placeholders", (file) => {
      const locale = read(file);

      expect(keysOf(locale).sort()).toEqual(keysOf(english).sort());
      expect(placeholdersOf(locale)).toEqual(placeholdersOf(english));
    });
  });
}
