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
 * Child mode: collects, opens from the cache, answers once, reads every text, collects again,
 * measures, and prints a {@link ColdStart} as JSON. `external` includes ArrayBuffers and Node's external strings.
 */
export async function coldChild(seeds: string, cache: string): Promise<void> {
  gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const bot = await openCitebot({ seedsDir: seeds, cacheDir: cache });
  const openMs = performance.now() - started;
  const asked = performance.now();
  bot.ask("warm up");
  const ms = openMs + performance.now() - asked;
  // Texts are decoded on first use: memory is measured with every one decoded, as a bot that
  // has been asked about every document holds it.
  let characters = 0;
  for (const d of bot.corpus.documents) characters += d.text.length;
  gc();
  const after = process.memoryUsage();
  if (characters !== bot.stats.characters) throw new Error("the texts do not match the stats");
  const heapMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
  const externalMb = (after.external - before.external) / 2 ** 20;
  console.log(JSON.stringify({ ms, fromCache: bot.fromCache, heapMb, externalMb }));
}

/** Runs {@link coldChild} in a fresh process: `self` are the node arguments that run the bench. */
export function coldStart(self: readonly string[], seeds: string, cache: string): ColdStart {
  const child = spawnSync(process.execPath, [...self, "--cold-child", seeds, cache], {
    encoding: "utf8",
  });
  return JSON.parse(child.stdout.trim().split("\n").at(-1) || "{}") as ColdStart;
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
