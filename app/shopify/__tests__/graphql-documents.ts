import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/** A `#graphql`-tagged document found in the source, with where it was found. */
export interface TaggedDocument {
  file: string;
  line: number;
  source: string;
  /** Why the document could not be assembled (an interpolation we cannot resolve), if so. */
  problem?: string;
}

const GRAPHQL_TAG = /^\s*#graphql\b/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * Every template literal whose text starts with `#graphql` in the TypeScript files under `root`. An
 * interpolated `${NAME}` is resolved when NAME is a tagged template constant of the same file (a fragment).
 */
export function findTaggedDocuments(root: string, base = process.cwd()): TaggedDocument[] {
  return sourceFiles(root).flatMap((path) => documentsIn(relative(base, path), readFileSync(path, "utf8")));
}

function documentsIn(file: string, text: string): TaggedDocument[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const templates: (ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression)[] = [];
  const constants = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) && GRAPHQL_TAG.test(node.text)) {
      templates.push(node);
      if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) constants.set(node.parent.name.text, node.text);
    } else if (ts.isTemplateExpression(node) && GRAPHQL_TAG.test(node.head.text)) {
      templates.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  return templates.map((node) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isNoSubstitutionTemplateLiteral(node)) return { file, line, source: node.text };
    let source = node.head.text;
    for (const span of node.templateSpans) {
      const name = ts.isIdentifier(span.expression) ? span.expression.text : undefined;
      const resolved = name === undefined ? undefined : constants.get(name);
      if (resolved === undefined) return { file, line, source, problem: `cannot resolve the interpolation \${${span.expression.getText()}}` };
      source += resolved + span.literal.text;
    }
    return { file, line, source };
  });
}
