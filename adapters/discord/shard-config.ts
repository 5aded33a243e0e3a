import { ConfigError, type Env } from "../../src/index.ts";

/** Where the README explains sharding, for error messages. */
export const README_SHARDING = 'see "Sharding" under Deployment in README.md';

/** The most shards one setting may name: far past any bot citebot serves, short of a typo. */
export const MAX_SHARDS = 10_000;

/** Which shards this process serves, parsed once at start-up. */
export type ShardConfig =
  /**
   * One machine (the default): SHARD_COUNT shards, or "auto" for the count Discord recommends.
   * One shard runs in this process; more run under a ShardingManager, one process each.
   */
  | { kind: "machine"; count: number | "auto" }
  /** Several machines: this process serves SHARD_IDS out of SHARD_COUNT, in one client. */
  | { kind: "list"; ids: number[]; count: number }
  /** A shard process spawned by citebot's ShardingManager (SHARDS and SHARD_COUNT set by it). */
  | { kind: "child"; ids: number[]; count: number };

/** Parses SHARD_COUNT and SHARD_IDS; throws ConfigError naming the variable and the fix. */
export function parseShardConfig(env: Env): ShardConfig {
  // discord.js's ShardingManager marks the processes it spawns; their SHARD_COUNT is its own.
  if (env["SHARDING_MANAGER"] === "true" && env["SHARDS"] !== undefined) {
    const count = wholeNumber(env["SHARD_COUNT"] ?? "");
    const id = wholeNumber(env["SHARDS"]);
    if (count === null || id === null || count < 1 || id >= count) {
      throw new ConfigError(
        "SHARDS and SHARD_COUNT are set by citebot's shard manager for the processes it starts; do not set SHARDING_MANAGER yourself.",
      );
    }
    return { kind: "child", ids: [id], count };
  }
  const countText = env["SHARD_COUNT"]?.trim() ?? "";
  const idsText = env["SHARD_IDS"]?.trim() ?? "";
  const count =
    countText === "" || countText.toLowerCase() === "auto" ? "auto" : parseCount(countText);
  if (idsText === "") return { kind: "machine", count };
  if (count === "auto") {
    throw new ConfigError(
      `SHARD_IDS needs SHARD_COUNT set to the total number of shards across all machines (a number, not auto: every machine must use the same one) (${README_SHARDING}).`,
    );
  }
  return { kind: "list", ids: parseIds(idsText, count), count };
}

function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function parseCount(text: string): number {
  const count = wholeNumber(text);
  if (count === null || count < 1 || count > MAX_SHARDS) {
    throw new ConfigError(
      `SHARD_COUNT must be auto (the count Discord recommends) or a whole number from 1 to ${MAX_SHARDS}, got "${text.slice(0, 40)}" (${README_SHARDING}).`,
    );
  }
  return count;
}

/** "0,1,2", "0-3", "0-3,8": each id once, each below `count`, in ascending order. */
function parseIds(text: string, count: number): number[] {
  const ids = new Set<number>();
  for (const raw of text.split(",")) {
    const part = raw.trim();
    const range = /^(\d{1,6})\s*-\s*(\d{1,6})$/.exec(part);
    const [from, to] = range ? [Number(range[1]), Number(range[2])] : [wholeNumber(part), null];
    if (from === null || (to !== null && to < from)) {
      throw new ConfigError(
        `SHARD_IDS must list shard numbers or ranges separated by commas, such as 0,1 or 0-3, got "${text.slice(0, 40)}" (${README_SHARDING}).`,
      );
    }
    for (let id = from; id <= (to ?? from); id++) {
      if (id >= count) {
        throw new ConfigError(
          `SHARD_IDS names shard ${id}, but SHARD_COUNT is ${count}: shards are numbered 0 to ${count - 1} (${README_SHARDING}).`,
        );
      }
      if (ids.has(id)) {
        throw new ConfigError(
          `SHARD_IDS names shard ${id} twice; list each shard once (${README_SHARDING}).`,
        );
      }
      ids.add(id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
