import { IntlMessageFormat } from "intl-messageformat";

type Ast = ReturnType<NonNullable<typeof IntlMessageFormat.__parse>>;
type Element = Ast[number];
interface Position {
  line: number;
  column: number;
}

// The parser's element kinds (TYPE in @formatjs/icu-messageformat-parser): argument, number, date, time, select, plural.
const NAMED_KINDS = new Set([1, 2, 3, 4, 5, 6]);
const SELECT = 5;
const PLURAL = 6;

// The parser's error kinds, said the way a merchant reads them.
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: "a { is not closed with }",
  EMPTY_ARGUMENT: "empty placeholder {}",
  MALFORMED_ARGUMENT: "a placeholder name may only use letters and digits",
  EXPECT_ARGUMENT_TYPE: "expected a type after the comma (select or plural)",
  INVALID_ARGUMENT_TYPE: "unknown placeholder type; use select or plural",
  EXPECT_SELECT_ARGUMENT_OPTIONS: "select needs options such as other {…}",
  EXPECT_PLURAL_ARGUMENT_OPTIONS: "plural needs options such as one {…} other {…}",
  MISSING_OTHER_CLAUSE: "select and plural need an other {…} option",
  UNMATCHED_CLOSING_TAG: "unbalanced braces",
};

/** Where and why a template does not parse or uses a placeholder it may not; null when it is fine. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

/** "line 2, column 5: …" — the form the editor shows under the field. */
export function describeProblem(problem: TemplateProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/**
 * Checks a merchant's ICU MessageFormat text: it must parse (balanced braces, select/plural with an other option)
 * and name only `allowed` placeholders. Markup is not interpreted (tags are plain text, escaped when rendered), so
 * there is no MJML to get wrong. Returns the first problem with its line and column (1-based), or null.
 */
export function findTemplateProblem(text: string, allowed: readonly string[]): TemplateProblem | null {
  let ast: Ast;
  try {
    ast = IntlMessageFormat.__parse!(text, { captureLocation: true, ignoreTag: true, requiresOtherClause: true });
  } catch (error) {
    const { location, message } = error as Error & { location?: { start: Position } };
    const start = location?.start ?? { line: 1, column: 1 };
    // A stray } is literal text to the parser's tokenizer only when quoted; report it as the merchant sees it.
    return { line: start.line, column: start.column, message: PARSE_ERRORS[message] ?? message.toLowerCase().replaceAll("_", " ") };
  }
  const stray = strayClosingBrace(text, ast);
  if (stray) return stray;
  return unknownPlaceholder(ast, new Set(allowed));
}

function unknownPlaceholder(elements: Ast, allowed: ReadonlySet<string>): TemplateProblem | null {
  for (const element of elements) {
    if (NAMED_KINDS.has(element.type) && "value" in element && typeof element.value === "string" && !allowed.has(element.value)) {
      const start = element.location?.start ?? { line: 1, column: 1 };
      return { line: start.line, column: start.column, message: `unknown placeholder {${element.value}}; use ${[...allowed].map((name) => `{${name}}`).join(", ")}` };
    }
    for (const nested of childrenOf(element)) {
      const problem = unknownPlaceholder(nested, allowed);
      if (problem) return problem;
    }
  }
  return null;
}

function childrenOf(element: Element): Ast[] {
  if (element.type !== SELECT && element.type !== PLURAL) return [];
  return Object.values((element as Element & { options: Record<string, { value: Ast }> }).options).map((option) => option.value);
}

// The parser accepts "}" outside a placeholder as text; to a merchant it is a brace without its opening partner.
function strayClosingBrace(text: string, ast: Ast): TemplateProblem | null {
  for (const element of ast) {
    if (element.type !== 0 || !element.location) continue;
    const index = text.indexOf("}", element.location.start.offset);
    if (index !== -1 && index < element.location.end.offset) return { ...positionOf(text, index), message: "a } has no matching {" };
  }
  return null;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
