import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (e.g. `prisma migrate deploy` on a machine that can run it). The app applies
// prisma/migrations itself (app/db/migrate.server.ts) and records them the way Prisma does.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
