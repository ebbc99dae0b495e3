import { describe, expect, it, vi } from "vitest";
import { postPurchaseClient, PostPurchaseRequestFailed } from "../client";

const APP = "https://app.example";
const clientAnswering = (answer: () => Response) => {
  const fetchImpl = vi.fn(async () => answer());
  return { client: postPurchaseClient(APP, "input-token", fetchImpl as unknown as typeof fetch), fetchImpl };
};

describe("postPurchaseClient", () => {
  it("GIVEN a signed changeset WHEN signing THEN the token comes back, requested with the input token", async () => {
    const { client, fetchImpl } = clientAnswering(() => Response.json({ token: "jwt" }));

    await expect(client.sign({ referenceId: "ref-1", offerId: "o", armId: "a" })).resolves.toBe("jwt");
    expect(fetchImpl).toHaveBeenCalledWith(`${APP}/api/post-purchase/sign`, expect.objectContaining({ headers: expect.objectContaining({ Authorization: "Bearer input-token" }) }));
  });

  it.each([
    ["401", () => new Response(null, { status: 401 })],
    ["no token", () => Response.json({})],
    ["an empty token", () => Response.json({ token: "" })],
  ])("GIVEN the app answers %s WHEN signing THEN it fails as a request failure", async (_, answer) => {
    await expect(clientAnswering(answer).client.sign({ referenceId: "r", offerId: "o", armId: "a" })).rejects.toBeInstanceOf(PostPurchaseRequestFailed);
  });

  it("GIVEN a decision WHEN recorded THEN it is posted as given and 204 is success", async () => {
    const { client, fetchImpl } = clientAnswering(() => new Response(null, { status: 204 }));

    await client.decide({ referenceId: "r", offerId: "o", armId: "a", decision: "declined" });

    expect(fetchImpl).toHaveBeenCalledWith(`${APP}/api/post-purchase/decision`, expect.objectContaining({ body: JSON.stringify({ referenceId: "r", offerId: "o", armId: "a", decision: "declined" }) }));
  });
});
