// npm run build (and `prepare`, so `npm ci` runs it): compiles bin/, src/, adapters/ and
// tools/ to plain JavaScript with source maps in dist/, then copies the data files the code
// reads at run time (e.g. src/search/data/*.txt) beside it.
import { execFileSync } from "node:child_process";
import process from "node:process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
for (const folder of ["src", "adapters", "tools"]) {
  for (const entry of readdirSync(path.join(root, folder), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || entry.name.endsWith(".ts")) continue;
    const from = path.join(entry.parentPath, entry.name);
    cpSync(from, path.join(dist, path.relative(root, from)));
  }
}
