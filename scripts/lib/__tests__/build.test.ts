import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILD_ENTRY, isBuildStale } from "../build";

const roots: string[] = [];
const BUILT_AT = new Date("2026-11-01T12:00:00Z");

/** A repository-shaped temp dir: each file gets the given modification time. */
function repository(files: Record<string, Date>): string {
  const root = mkdtempSync(join(tmpdir(), "aftercare-build-"));
  roots.push(root);
  for (const [path, mtime] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), "");
    utimesSync(join(root, path), mtime, mtime);
  }
  return root;
}

const before = new Date(BUILT_AT.getTime() - 60_000);
const after = new Date(BUILT_AT.getTime() + 60_000);

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("isBuildStale", () => {
  it.each([
    ["no build at all", { "app/root.tsx": before }, true],
    ["a build newer than every input", { [BUILD_ENTRY]: BUILT_AT, "app/root.tsx": before, "vite.config.ts": before }, false],
    ["an app module edited after the build", { [BUILD_ENTRY]: BUILT_AT, "app/routes/app._index.tsx": after }, true],
    ["a public file edited after the build", { [BUILD_ENTRY]: BUILT_AT, "public/favicon.svg": after }, true],
    ["vite.config.ts edited after the build", { [BUILD_ENTRY]: BUILT_AT, "vite.config.ts": after }, true],
    ["dependencies changed after the build", { [BUILD_ENTRY]: BUILT_AT, "package-lock.json": after }, true],
    ["only a test edited after the build", { [BUILD_ENTRY]: BUILT_AT, "app/x/__tests__/helpers.ts": after, "app/x/y.test.ts": after }, false],
    ["only a file outside the inputs edited", { [BUILD_ENTRY]: BUILT_AT, "sim/index.ts": after, "README.md": after }, false],
  ])("GIVEN %s WHEN asked THEN stale is %s", (_case, files, stale) => {
    expect(isBuildStale(repository(files))).toBe(stale);
  });
});
