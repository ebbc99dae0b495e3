import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  defaultValue?: string;
  updatedAt: boolean;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  primaryKey: string[];
  /** Index names as Prisma derives them in migrations: Model_col1_col2_key / _idx. */
  indexes: string[];
}

export const SCHEMA_PATH = join(process.cwd(), "prisma/schema.prisma");

const columnList = (text: string) => text.split(",").map((column) => column.trim());

/** The models of prisma/schema.prisma: scalar fields, primary key and named indexes (enough to check a database against). */
export function readSchemaModels(schema = readFileSync(SCHEMA_PATH, "utf8")): SchemaModel[] {
  const models: SchemaModel[] = [];
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const model: SchemaModel = { name: name!, fields: [], primaryKey: [], indexes: [] };
    for (const raw of body!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]+)\]/);
      if (block) {
        const columns = columnList(block[2]!);
        if (block[1] === "id") model.primaryKey = columns;
        else model.indexes.push(`${model.name}_${columns.join("_")}_${block[1] === "unique" ? "key" : "idx"}`);
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\?|\[\])?(.*)$/);
      if (!field) continue;
      const [, fieldName, type, modifier, attributes] = field as unknown as [string, string, string, string | undefined, string];
      model.fields.push({
        name: fieldName,
        type,
        optional: modifier === "?",
        defaultValue: attributes.match(/@default\(([^)]*\)?)\)/)?.[1],
        updatedAt: attributes.includes("@updatedAt"),
      });
      if (attributes.includes("@id")) model.primaryKey = [fieldName];
      if (/@unique\b/.test(attributes)) model.indexes.push(`${model.name}_${fieldName}_key`);
    }
    models.push(model);
  }
  if (models.length === 0) throw new Error(`No models found in ${SCHEMA_PATH}`);
  return models;
}
