/**
 * Shopify's search syntax (`query:` argument): `field:value`, comparators `field:>=value`, negation
 * `-field:value` / `NOT`, implicit AND, `OR`, quoted values and `prefix*` wildcards.
 */
export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** Terms in each group are ANDed; groups are ORed. */
export type SearchQuery = SearchTerm[][];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (/\s/.test(char) || char === "(" || char === ")") {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  let body = token;
  if (body.startsWith("-")) {
    negated = !negated;
    body = body.slice(1);
  }
  const match = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(body);
  if (!match) return { field: null, comparator: ":", value: body, negated };
  return { field: match[1]!.toLowerCase(), comparator: (match[2] as Comparator | undefined) ?? ":", value: match[3]!, negated };
}

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  if (!query?.trim()) return [];
  const groups: SearchQuery = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === "OR") groups.push([]);
    else if (token === "AND") continue;
    else if (token === "NOT") negateNext = true;
    else {
      groups.at(-1)!.push(parseTerm(token, negateNext));
      negateNext = false;
    }
  }
  return groups.filter((group) => group.length > 0);
}

/** How a search field reads an item: a date, a number, or text values (tags have several). */
export type FieldMatcher<T> =
  | { kind: "date"; read: (item: T) => Date | null }
  | { kind: "number"; read: (item: T) => bigint | null }
  | { kind: "text"; read: (item: T) => (string | null)[] }
  | { kind: "custom"; test: (item: T, term: SearchTerm) => boolean };

export interface SearchWarning {
  field: string;
  message: string;
}

function compare(diff: number, comparator: Comparator): boolean {
  switch (comparator) {
    case ":":
      return diff === 0;
    case ">":
      return diff > 0;
    case ">=":
      return diff >= 0;
    case "<":
      return diff < 0;
    case "<=":
      return diff <= 0;
  }
}

function textMatches(values: (string | null)[], expected: string): boolean {
  const wanted = expected.toLowerCase();
  return values.some((value) => {
    if (value === null) return false;
    const actual = value.toLowerCase();
    return wanted.endsWith("*") ? actual.startsWith(wanted.slice(0, -1)) : actual === wanted;
  });
}

/**
 * Filters items by a parsed query. Unknown fields are ignored with a warning, as Shopify does; date-only
 * values mean midnight in the shop's time zone (`parseDate`).
 */
export function applySearch<T>(
  items: readonly T[],
  query: SearchQuery,
  fields: Record<string, FieldMatcher<T>>,
  defaultText: (item: T) => (string | null)[],
  parseDate: (value: string) => Date | null,
): { items: T[]; warnings: SearchWarning[] } {
  const warnings: SearchWarning[] = [];
  const matchesTerm = (item: T, term: SearchTerm): boolean => {
    if (term.field === null) {
      const needle = term.value.toLowerCase().replace(/\*$/, "");
      return defaultText(item).some((text) => text?.toLowerCase().includes(needle));
    }
    const field = fields[term.field];
    if (!field) return true;
    switch (field.kind) {
      case "date": {
        const actual = field.read(item);
        const expected = parseDate(term.value);
        if (!actual || !expected) return false;
        return compare(actual.getTime() - expected.getTime(), term.comparator);
      }
      case "number": {
        const actual = field.read(item);
        if (actual === null || !/^\d+$/.test(term.value)) return false;
        const diff = actual - BigInt(term.value);
        return compare(diff === 0n ? 0 : diff < 0n ? -1 : 1, term.comparator);
      }
      case "text":
        return textMatches(field.read(item), term.value);
      case "custom":
        return field.test(item, term);
    }
  };
  for (const term of query.flat()) {
    if (term.field !== null && !fields[term.field] && !warnings.some((w) => w.field === term.field)) {
      warnings.push({ field: term.field, message: "Invalid search field for this query." });
    }
  }
  if (query.length === 0) return { items: [...items], warnings };
  const filtered = items.filter((item) =>
    query.some((group) => group.every((term) => matchesTerm(item, term) !== term.negated)),
  );
  return { items: filtered, warnings };
}
