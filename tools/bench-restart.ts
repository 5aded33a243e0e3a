// Restarts for the bench (tools/bench.ts): a cold start in a fresh process, timing the open from
// the persisted index and the first answer and measuring what the opened index holds, and a
// whole `ask` process answering one question (wall clock).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../adapters/shared/args.ts";
import { openCitebot } from "../src/tools.ts";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** What a cold start reports; fields are missing when the child failed. */
export interface ColdStart {
  /** Opening from the cache plus the first answer (the collections excluded). */
  ms?: number;
  fromCache?: boolean;
  /** JS heap the opened index holds. */
  heapMb?: number;
  /** Memory outside the heap it holds: ArrayBuffers (most of the index) and large strings. */
  externalMb?: number;
}

/**
 * Child mode, in one of two fresh processes. "time": opens from the cache and answers once,
 * timed. "memory": collects, opens, reads every text (texts are decoded on first use; this is
 * what the index holds once every document has been read), collects again and measures; no
 * answer, so the answering's own tables are not counted. Prints a {@link ColdStart} part as JSON;
 * `external` includes ArrayBuffers and Node's external strings.
 */
export async function coldChild(seeds: string, cache: string, mode: string): Promise<void> {
  if (mode === "time") {
    const started = performance.now();
    const bot = await openCitebot({ seedsDir: seeds, cacheDir: cache });
    bot.ask("warm up");
    console.log(JSON.stringify({ ms: performance.now() - started, fromCache: bot.fromCache }));
    return;
  }
  gc();
  const before = process.memoryUsage();
  const bot = await openCitebot({ seedsDir: seeds, cacheDir: cache });
  let characters = 0;
  for (const d of bot.corpus.documents) characters += d.text.length;
  if (characters !== bot.stats.characters) throw new Error("the texts do not match the stats");
  // The let-go text bytes' backing stores are freed by a sweep after the collection: a second
  // collection a turn later counts them as freed.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const after = process.memoryUsage();
  const heapMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
  const externalMb = (after.external - before.external) / 2 ** 20;
  console.log(JSON.stringify({ heapMb, externalMb }));
}

/** Runs {@link coldChild} in fresh processes: `self` are the node arguments that run the bench. */
export function coldStart(self: readonly string[], seeds: string, cache: string): ColdStart {
  const run = (mode: string) => {
    const child = spawnSync(process.execPath, [...self, "--cold-child", seeds, cache, mode], {
      encoding: "utf8",
    });
    return JSON.parse(child.stdout.trim().split("\n").at(-1) || "{}") as ColdStart;
  };
  return { ...run("time"), ...run("memory") };
}

// The compiled `citebot ask` (npm run build), or the TypeScript entry through tsx without one.
const COMPILED_CLI = path.join(REPO_ROOT, "dist/bin/citebot.js");
const askCommand = existsSync(COMPILED_CLI)
  ? [COMPILED_CLI, "ask"]
  : ["--import", "tsx", path.join(REPO_ROOT, "adapters/cli/ask.ts")];

/** Wall clock of a whole `ask` process answering one question from a warm cache (median of 3). */
export function restartMs(seeds: string, cache: string, question: string): number {
  const runs = [0, 1, 2].map(() => {
    const s = performance.now();
    spawnSync(process.execPath, [...askCommand, "--seeds", seeds, question], {
      encoding: "utf8",
      env: { ...process.env, INDEX_CACHE_DIR: cache, NO_COLOR: "1" },
    });
    return performance.now() - s;
  });
  return Math.round(runs.sort((a, b) => a - b)[1] ?? 0);
}
