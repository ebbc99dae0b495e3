import { describe, expect, it } from "vitest";
import type { Database } from "~/db.server";
import { useTestDatabase } from "~/test/database";
import { readSchemaModels, type SchemaField, type SchemaModel } from "./schema-file";

// Proves the hand-written migrations create exactly what prisma/schema.prisma describes, on this run's provider.
const test = useTestDatabase();
const models = readSchemaModels();

interface RuntimeDataModel {
  models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
}

function runtimeModels(database: Database): RuntimeDataModel["models"] {
  // The generated client's own model metadata: it is what queries are built from.
  return (database.prisma as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel.models;
}

interface Column {
  name: string;
  nullable: boolean;
  primaryKeyPosition: number;
}

async function columnsOf(database: Database, table: string): Promise<Column[]> {
  if (database.provider === "sqlite") {
    const rows = await database.prisma.$queryRaw<{ name: string; notnull: number | bigint; pk: number | bigint }[]>`
      SELECT "name", "notnull", "pk" FROM pragma_table_info(${table})`;
    return rows.map((row) => ({ name: row.name, nullable: Number(row.notnull) === 0, primaryKeyPosition: Number(row.pk) }));
  }
  const rows = await database.prisma.$queryRaw<{ name: string; is_nullable: string; pk: number | null }[]>`
    SELECT c.column_name AS "name", c.is_nullable, k.ordinal_position::int AS "pk"
    FROM information_schema.columns c
    LEFT JOIN information_schema.key_column_usage k
      ON k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
     AND k.constraint_name = ${`${table}_pkey`}
    WHERE c.table_schema = current_schema() AND c.table_name = ${table}`;
  return rows.map((row) => ({ name: row.name, nullable: row.is_nullable === "YES", primaryKeyPosition: row.pk ?? 0 }));
}

async function indexNamesOf(database: Database, table: string): Promise<string[]> {
  const rows =
    database.provider === "sqlite"
      ? await database.prisma.$queryRaw<{ name: string }[]>`
          SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = ${table} AND "name" NOT LIKE 'sqlite_autoindex_%'`
      : await database.prisma.$queryRaw<{ name: string }[]>`
          SELECT indexname AS "name" FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ${table} AND indexname <> ${`${table}_pkey`}`;
  return rows.map((row) => row.name).sort();
}

// A value unlike the column's default, so a write that silently fell back to the default would show.
function sampleValue(model: SchemaModel, field: SchemaField, index: number): unknown {
  switch (field.type) {
    case "String":
      return `${model.name}.${field.name} — “ü” 9007199254740993`;
    case "Int":
      return 1_000 + index;
    case "Boolean":
      return field.defaultValue !== "true";
    case "DateTime":
      return new Date(Date.UTC(2031, 0, 1 + index, 12, 34, 56, 789));
    default:
      throw new Error(`schema.db.test.ts has no sample value for ${model.name}.${field.name} of type ${field.type}; add one`);
  }
}

function delegateOf(database: Database, model: string) {
  const name = model[0]!.toLowerCase() + model.slice(1);
  return (database.prisma as unknown as Record<string, { create(args: unknown): Promise<unknown>; findMany(): Promise<unknown[]> }>)[name]!;
}

describe("the migrated database matches prisma/schema.prisma", () => {
  it("GIVEN the schema file WHEN compared with the generated client THEN both list the same models and fields (the client is not stale)", () => {
    const generated = runtimeModels(test.get());

    expect(Object.keys(generated).sort()).toEqual(models.map((model) => model.name).sort());
    for (const model of models) {
      const fields = generated[model.name]!.fields.filter((field) => field.kind === "scalar").map((field) => `${field.name}:${field.type}`);
      expect(fields, model.name).toEqual(model.fields.map((field) => `${field.name}:${field.type}`));
    }
  });

  it.each(models.map((model) => [model.name, model] as const))("GIVEN model %s WHEN its table is inspected THEN it has exactly its columns, nullability and primary key", async (_name, model) => {
    const columns = await columnsOf(test.get(), model.name);

    expect(columns.map((column) => column.name).sort()).toEqual(model.fields.map((field) => field.name).sort());
    for (const field of model.fields) {
      expect(columns.find((column) => column.name === field.name)?.nullable, `${model.name}.${field.name} nullable`).toBe(field.optional);
    }
    const primaryKey = columns.filter((column) => column.primaryKeyPosition > 0).sort((a, b) => a.primaryKeyPosition - b.primaryKeyPosition);
    expect(primaryKey.map((column) => column.name)).toEqual(model.primaryKey);
  });

  it.each(models.map((model) => [model.name, model] as const))("GIVEN model %s WHEN its indexes are inspected THEN every @@index/@@unique/@unique exists and nothing else", async (_name, model) => {
    expect(await indexNamesOf(test.get(), model.name)).toEqual([...model.indexes].sort());
  });

  it.each(models.map((model) => [model.name, model] as const))("GIVEN model %s WHEN a row with every field set is written through the client THEN it reads back identical", async (_name, model) => {
    const database = test.get();
    const row = Object.fromEntries(model.fields.map((field, index) => [field.name, sampleValue(model, field, index)]));
    const delegate = delegateOf(database, model.name);

    await delegate.create({ data: row });
    const stored = await delegate.findMany();

    expect(stored).toHaveLength(1);
    const updatedAt = model.fields.filter((field) => field.updatedAt).map((field) => field.name);
    const comparable = (value: unknown) => Object.fromEntries(Object.entries(value as object).filter(([key]) => !updatedAt.includes(key)));
    expect(comparable(stored[0])).toEqual(comparable(row));
    for (const field of updatedAt) expect((stored[0] as Record<string, unknown>)[field]).toBeInstanceOf(Date);
  });
});
