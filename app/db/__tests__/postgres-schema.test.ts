import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../../prisma/derive-postgres-schema.ts";

describe("prisma/postgres/schema.prisma", () => {
  it("GIVEN prisma/schema.prisma WHEN the PostgreSQL schema is derived THEN the committed file is identical (run npm run db:generate if not)", () => {
    const source = readFileSync(join(process.cwd(), "prisma/schema.prisma"), "utf8");
    const committed = readFileSync(join(process.cwd(), "prisma/postgres/schema.prisma"), "utf8");

    expect(committed).toBe(derivePostgresSchema(source));
  });
});
