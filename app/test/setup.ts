import { afterEach, vi } from "vitest";

// Tests run with a complete, valid environment; individual tests override what they exercise.
process.env.SHOPIFY_API_KEY ??= "test-api-key";
process.env.SHOPIFY_API_SECRET ??= "test-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:39999";
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV = "test";

// An unexpected console.error is a bug the test did not look for.
const consoleError = vi.spyOn(console, "error");
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockClear();
  if (calls.length) throw new Error(`console.error was called: ${calls.map((c) => c.join(" ")).join("\n")}`);
});
