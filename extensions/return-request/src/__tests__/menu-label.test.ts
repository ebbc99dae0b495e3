import { describe, expect, it, vi } from "vitest";
import { returnsClient } from "../../../shared/returns/returns-client";
import { fakeHost, orderAnswer } from "../../../shared/returns/__tests__/fake-host";
import { menuLabelKey } from "../menu-label";

/** A backend whose order endpoint gives one answer. */
function backend(answer: () => Response) {
  return { client: returnsClient("https://app.example", fakeHost(), vi.fn(async () => answer()) as unknown as typeof fetch) };
}

describe("menuLabelKey", () => {
  it.each([
    ["an item can be returned", { canStart: true }, "menuStart"],
    ["only an open return", { canStart: false }, "menuView"],
    ["nothing to return and no open return", { canStart: false, openReturnId: null }, null],
  ])("GIVEN %s WHEN the menu item asks THEN its label is %s", async (_, change, label) => {
    const { client } = backend(() => Response.json({ ...orderAnswer, ...change }));

    expect(await menuLabelKey(client)).toBe(label);
  });

  it("GIVEN the backend refuses the session WHEN the menu item asks THEN it shows nothing", async () => {
    const { client } = backend(() => Response.json({ error: "not_logged_in" }, { status: 401 }));

    expect(await menuLabelKey(client)).toBeNull();
  });
});
