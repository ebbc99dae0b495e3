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
