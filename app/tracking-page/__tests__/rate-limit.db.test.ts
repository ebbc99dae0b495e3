import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { consumeRateLimit } from "../rate-limit.server";

const database = useTestDatabase();
const POLICY = { limit: 3, windowSeconds: 60 };
const WINDOW_START = new Date("2026-11-20T10:00:00Z");
const later = (seconds: number) => new Date(WINDOW_START.getTime() + seconds * 1000);

describe("consumeRateLimit", () => {
  it("GIVEN a limit of 3 a minute WHEN a shopper tries 4 times THEN the fourth is refused until the next window, which starts clean", async () => {
    const prisma = database.get().prisma;
    const verdicts = [];
    for (const second of [0, 10, 20, 30]) verdicts.push(await consumeRateLimit(prisma, "a.myshopify.com", "198.51.100.1", POLICY, later(second)));

    const nextWindow = await consumeRateLimit(prisma, "a.myshopify.com", "198.51.100.1", POLICY, later(61));

    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]!.retryAfterSeconds).toBe(30);
    expect(nextWindow.allowed).toBe(true);
    expect(await prisma.trackingPageRateLimit.count({ where: { shop: "a.myshopify.com" } })).toBe(1);
  });

  it("GIVEN twenty attempts at once WHEN counted THEN none is lost (the increment is atomic)", async () => {
    const prisma = database.get().prisma;

    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(prisma, "b.myshopify.com", "198.51.100.2", POLICY, later(5))));

    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
    const [row] = await prisma.trackingPageRateLimit.findMany({ where: { shop: "b.myshopify.com" } });
    expect(row!.hits).toBe(20);
  });

  it("GIVEN one address exhausted at one shop WHEN it tries another shop THEN it is counted separately", async () => {
    const prisma = database.get().prisma;
    for (let attempt = 0; attempt < 4; attempt++) await consumeRateLimit(prisma, "c.myshopify.com", "198.51.100.3", POLICY, later(1));

    expect((await consumeRateLimit(prisma, "d.myshopify.com", "198.51.100.3", POLICY, later(1))).allowed).toBe(true);
  });
});
