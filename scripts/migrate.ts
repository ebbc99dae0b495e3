/** `npm run db:migrate`: applies prisma/migrations (or prisma/postgres/migrations) to DATABASE_URL. */
import { migrate } from "../app/db/migrate.server";
import { env } from "../app/env.server";

const url = process.env.DATABASE_URL ?? env().DATABASE_URL;
const applied = await migrate(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date");
