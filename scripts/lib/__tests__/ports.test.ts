import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, preferredOrFreePort } from "../ports";

const servers: Server[] = [];

function occupy(port: number): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("preferredOrFreePort", () => {
  it("GIVEN nothing listens on the preferred port WHEN asked THEN it is the preferred port", async () => {
    const preferred = await freePort();

    expect(await preferredOrFreePort(preferred)).toBe(preferred);
  });

  it("GIVEN the preferred port is taken WHEN asked THEN another port that can be listened on", async () => {
    const preferred = await freePort();
    await occupy(preferred);

    const chosen = await preferredOrFreePort(preferred);

    expect(chosen).not.toBe(preferred);
    await expect(occupy(chosen)).resolves.toBeUndefined();
  });
});
