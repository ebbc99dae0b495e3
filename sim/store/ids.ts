/** Shopify resource ids exceed 2^53, so they live as decimal strings produced from a BigInt counter. */
export type NumericId = string;

/**
 * Far above Number.MAX_SAFE_INTEGER (9007199254740991), in the range of the ids in Shopify's documented
 * payloads, so JSON.parse visibly mangles them.
 */
export const DEFAULT_ID_BASE = 820_982_911_946_154_000n;

export class IdAllocator {
  private next: bigint;

  constructor(base: bigint = DEFAULT_ID_BASE) {
    this.next = base;
  }

  /** The next id; ids are never reused, across all shops and resource types, as in Shopify. */
  allocate(): NumericId {
    this.next += 1n;
    return this.next.toString();
  }
}

/** `gid://shopify/Order/123` for a type name and numeric id. */
export function toGid(typeName: string, id: NumericId): string {
  return `gid://shopify/${typeName}/${id}`;
}

/** Accepts a numeric id or a gid of the given type; returns the numeric part or undefined. */
export function parseId(value: string, typeName: string): NumericId | undefined {
  if (/^\d+$/.test(value)) return value;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!match || match[1] !== typeName) return undefined;
  return match[2];
}

/** Splits any gid into its type and numeric id. */
export function splitGid(gid: string): { typeName: string; id: NumericId } | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(gid);
  if (!match) return undefined;
  return { typeName: match[1]!, id: match[2]! };
}
