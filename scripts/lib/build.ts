import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./repo-root";

/** The file the production server loads; its age is the build's age. */
export const BUILD_ENTRY = "build/server/index.js";
/** What `remix vite:build` reads: a change to any of these makes build/ stale. */
export const BUILD_INPUTS = ["app", "public", "vite.config.ts", "tsconfig.json", "package-lock.json"];

// Tests are never bundled (vite.config.ts ignores them as routes), so editing one needs no rebuild.
const NOT_BUILT = /(^|\/)__tests__\/|\.test\.tsx?$/;

function mtimeMs(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time among the files under `paths` (files or directories), relative to `root`. */
export function newestMtimeMs(root: string, paths: readonly string[]): number {
  let newest = 0;
  for (const path of paths) {
    const absolute = join(root, path);
    const stat = mtimeMs(absolute);
    if (stat === undefined) continue;
    if (!statSync(absolute).isDirectory()) {
      newest = Math.max(newest, stat);
      continue;
    }
    for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath, entry.name);
      if (entry.isFile() && !NOT_BUILT.test(file.slice(root.length))) newest = Math.max(newest, mtimeMs(file) ?? 0);
    }
  }
  return newest;
}

/** Whether build/ is missing or older than any of its inputs. */
export function isBuildStale(root = REPO_ROOT): boolean {
  const built = mtimeMs(join(root, BUILD_ENTRY));
  return built === undefined || newestMtimeMs(root, BUILD_INPUTS) > built;
}

/** Runs `remix vite:build` when build/ is missing or stale (or `force`); resolves to whether it built. */
export async function ensureAppBuilt(options: { root?: string; force?: boolean; onBuild?: () => void } = {}): Promise<boolean> {
  const root = options.root ?? REPO_ROOT;
  if (!options.force && !isBuildStale(root)) return false;
  options.onBuild?.();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`remix vite:build exited with ${code}:\n${output}`))));
  });
  return true;
}
