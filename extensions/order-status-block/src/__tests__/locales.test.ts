import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LOCALES = fileURLToPath(new URL("../../locales", import.meta.url));
const read = (file: string) => JSON.parse(readFileSync(`${LOCALES}/${file}`, "utf8")) as Record<string, unknown>;

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(node: unknown): Record<string, string[]> {
  return Object.fromEntries(keysOf(node).map((key) => [key, [...String(key.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], node)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()]));
}

const english = read("en.default.json");
const others = readdirSync(LOCALES).filter((file) => file !== "en.default.json");

describe("order-status-block locales", () => {
  it("GIVEN the block WHEN its locales are listed THEN German, French and Spanish are there", () => {
    expect(others.sort()).toEqual(["de.json", "es.json", "fr.json"]);
  });

  it.each(others)("GIVEN %s WHEN compared with English THEN it has every key with the same placeholders", (file) => {
    const locale = read(file);

    expect(keysOf(locale).sort()).toEqual(keysOf(english).sort());
    expect(placeholdersOf(locale)).toEqual(placeholdersOf(english));
  });
});
