import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(ROOT, "adapters/discord/main.ts");
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

/** Runs `npm run discord`'s entry point in `dir` (also the seeds) with only the given variables. */
export function runDiscord(dir: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", SEEDS_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const changed = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const f of [...changed]) f();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = once(child, "exit").then(([code]) => ({ code: code as number | null, output }));
  /** Resolves with the first match of `pattern` at or after `from` in the output. */
  const printed = (pattern: RegExp, from = 0) =>
    new Promise<RegExpExecArray>((resolve) => {
      const check = () => {
        const match = pattern.exec(output.slice(from));
        if (!match) return;
        changed.delete(check);
        resolve(match);
      };
      changed.add(check);
      check();
    });
  return { child, exited, printed, output: () => output };
}
