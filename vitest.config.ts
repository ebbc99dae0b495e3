import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Tests that touch the database are named *.db.test.ts and run twice: on SQLite and on PostgreSQL.
const shared = {
  setupFiles: ["app/test/setup.ts"],
  exclude: ["node_modules/**", "build/**", "e2e/**", ".scratch/**"],
  testTimeout: 20_000,
  hookTimeout: 30_000,
};

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Vitest's default is one worker on two cores; test files each use their own database, and much of a DB
    // test's time is waiting on it, so two workers keep both cores busy (CI time nearly halves).
    maxWorkers: 2,
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: { ...shared, name: "sqlite", include: ["**/*.test.ts", "**/*.test.tsx"], env: { TEST_DB: "sqlite" } },
      },
      {
        plugins: [tsconfigPaths()],
        test: { ...shared, name: "postgres", include: ["**/*.db.test.ts"], env: { TEST_DB: "postgres" } },
      },
    ],
  },
});
