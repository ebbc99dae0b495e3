export interface GroupCommitOptions {
  /** Most items written by one flush; bounds how long the last item of a batch waits. */
  maxBatch: number;
  /** Flushes allowed at once (1 for SQLite's single writer). */
  maxConcurrent: number;
}

/**
 * Turns a batch writer into a per-item one. Items submitted while a flush runs wait for the next flush, so
 * under load many writes share one transaction (one commit, one fsync) while a lone item is written at once.
 * If a batch fails, its items are retried one by one, so one bad item cannot fail its neighbours.
 */
export function createGroupCommit<Item, Result>(
  flush: (items: Item[]) => Promise<Result[]>,
  options: GroupCommitOptions,
): (item: Item) => Promise<Result> {
  type Pending = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const queue: Pending[] = [];
  let running = 0;

  async function settle(batch: Pending[]): Promise<void> {
    try {
      const results = await flush(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) await settle([pending]);
    }
  }

  function drain(): void {
    while (running < options.maxConcurrent && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      running++;
      void settle(batch).finally(() => {
        running--;
        drain();
      });
    }
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      drain();
    });
}
