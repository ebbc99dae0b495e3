import { describe, expect, it, vi } from "vitest";
import { createGroupCommit } from "../group-commit";

/** A flush that records its batches and doubles each item, failing on any item listed in `poison`. */
function recordingFlush(poison: number[] = []) {
  const batches: number[][] = [];
  const flush = vi.fn(async (items: number[]) => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (items.some((item) => poison.includes(item))) throw new Error("poison");
    return items.map((item) => item * 2);
  });
  return { flush, batches };
}

describe("createGroupCommit", () => {
  it("GIVEN one item WHEN submitted THEN it is flushed at once, alone", async () => {
    const { flush, batches } = recordingFlush();

    await expect(createGroupCommit(flush, { maxBatch: 10, maxConcurrent: 1 })(21)).resolves.toBe(42);

    expect(batches).toEqual([[21]]);
  });

  it("GIVEN items submitted while a flush runs WHEN it ends THEN they share the next flush, each getting its own result", async () => {
    const { flush, batches } = recordingFlush();
    const submit = createGroupCommit(flush, { maxBatch: 3, maxConcurrent: 1 });

    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(submit));

    expect(results).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("GIVEN a batch with one bad item WHEN it fails THEN only that item's caller sees the error", async () => {
    const { flush } = recordingFlush([3]);
    const submit = createGroupCommit(flush, { maxBatch: 10, maxConcurrent: 1 });

    const results = await Promise.allSettled([1, 2, 3, 4].map(submit));

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  });

  it("GIVEN two flushes allowed WHEN items pile up THEN no more than two run at once", async () => {
    let running = 0;
    let peak = 0;
    const submit = createGroupCommit(
      async (items: number[]) => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return items;
      },
      { maxBatch: 1, maxConcurrent: 2 },
    );

    await Promise.all([1, 2, 3, 4, 5].map(submit));

    expect(peak).toBe(2);
  });
});
