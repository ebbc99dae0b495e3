/** How many ids one `in (…)` list carries: far below SQLite's and PostgreSQL's bound-parameter limits. */
export const IN_LIST_CHUNK = 500;

/** Runs `read` over `ids` in slices of IN_LIST_CHUNK, one after another, and concatenates the rows. */
export async function inChunks<T>(ids: readonly string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < ids.length; start += IN_LIST_CHUNK) results.push(...(await read(ids.slice(start, start + IN_LIST_CHUNK))));
  return results;
}
