import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Browser tests: build and start the app and the stand-in, drive Debian chromium with playwright-core.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
