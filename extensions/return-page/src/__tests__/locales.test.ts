import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeLocales } from "../../../shared/__tests__/locale-checks";

const FOLDER = fileURLToPath(new URL("../../locales", import.meta.url));
const ORDER_ACTION = fileURLToPath(new URL("../../../return-request/locales", import.meta.url));

describeLocales("return-page", FOLDER);

// Shopify reads each extension's strings from its own locales folder, so the page carries a copy of the order
// action's catalogue: the same flow must read the same in both places.
describe("return-page strings", () => {
  it.each(["en.default.json", "de.json", "fr.json", "es.json"])("GIVEN %s WHEN compared with return-request's THEN every string but the extension's name is the same", (file) => {
    const read = (folder: string) => JSON.parse(readFileSync(`${folder}/${file}`, "utf8")) as Record<string, string>;
    const { name: pageName, ...page } = read(FOLDER);
    const { name: actionName, ...action } = read(ORDER_ACTION);

    expect(page).toEqual(action);
    expect(pageName).not.toBe(actionName);
  });
});
