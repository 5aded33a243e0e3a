import { describe, expect, test } from "vitest";
import { ConfigError } from "../../src/index.ts";
import { parseShardConfig } from "../../adapters/discord/shard-config.ts";

describe("parseShardConfig", () => {
  test.each([
    [
      "nothing set: one machine, the count Discord recommends",
      {},
      { kind: "machine", count: "auto" },
    ],
    ["SHARD_COUNT=auto, any case", { SHARD_COUNT: " Auto " }, { kind: "machine", count: "auto" }],
    [
      "SHARD_COUNT=1: one process, Discord is not asked",
      { SHARD_COUNT: "1" },
      { kind: "machine", count: 1 },
    ],
    ["SHARD_COUNT=8 on one machine", { SHARD_COUNT: "8" }, { kind: "machine", count: 8 }],
    [
      "a list of shards for this machine",
      { SHARD_COUNT: "4", SHARD_IDS: "2, 3" },
      { kind: "list", ids: [2, 3], count: 4 },
    ],
    [
      "ranges and single ids, sorted",
      { SHARD_COUNT: "16", SHARD_IDS: "8-11,0, 3 - 4" },
      { kind: "list", ids: [0, 3, 4, 8, 9, 10, 11], count: 16 },
    ],
    ["an empty SHARD_IDS is unset", { SHARD_IDS: " " }, { kind: "machine", count: "auto" }],
    [
      "a process the shard manager spawned (its SHARD_COUNT wins over ours)",
      { SHARDING_MANAGER: "true", SHARDS: "3", SHARD_COUNT: "4", SHARD_IDS: "0" },
      { kind: "child", ids: [3], count: 4 },
    ],
  ])("%s", (_name, env, expected) => {
    expect(parseShardConfig(env)).toEqual(expected);
  });

  test.each([
    [
      "SHARD_COUNT not a number",
      { SHARD_COUNT: "four" },
      /^SHARD_COUNT must be auto .* or a whole number from 1 to 10000, got "four"/,
    ],
    ["SHARD_COUNT zero", { SHARD_COUNT: "0" }, /^SHARD_COUNT must be .* got "0"/],
    ["SHARD_COUNT negative", { SHARD_COUNT: "-2" }, /^SHARD_COUNT must be .* got "-2"/],
    ["SHARD_COUNT a fraction", { SHARD_COUNT: "2.5" }, /^SHARD_COUNT must be .* got "2.5"/],
    [
      "SHARD_COUNT absurdly large",
      { SHARD_COUNT: "100000" },
      /^SHARD_COUNT must be .* from 1 to 10000/,
    ],
    [
      "SHARD_IDS without SHARD_COUNT",
      { SHARD_IDS: "0,1" },
      /^SHARD_IDS needs SHARD_COUNT set to the total number of shards across all machines/,
    ],
    [
      "SHARD_IDS with SHARD_COUNT=auto",
      { SHARD_IDS: "0", SHARD_COUNT: "auto" },
      /^SHARD_IDS needs SHARD_COUNT .*not auto/,
    ],
    [
      "an id past the count",
      { SHARD_IDS: "3,4", SHARD_COUNT: "4" },
      /^SHARD_IDS names shard 4, but SHARD_COUNT is 4: shards are numbered 0 to 3/,
    ],
    [
      "a range past the count",
      { SHARD_IDS: "2-9", SHARD_COUNT: "4" },
      /^SHARD_IDS names shard 4, but SHARD_COUNT is 4/,
    ],
    ["an id twice", { SHARD_IDS: "0,1,1", SHARD_COUNT: "4" }, /^SHARD_IDS names shard 1 twice/],
    [
      "overlapping ranges",
      { SHARD_IDS: "0-2,2-3", SHARD_COUNT: "4" },
      /^SHARD_IDS names shard 2 twice/,
    ],
    [
      "a word",
      { SHARD_IDS: "first", SHARD_COUNT: "4" },
      /^SHARD_IDS must list shard numbers or ranges .* such as 0,1 or 0-3, got "first"/,
    ],
    [
      "a backwards range",
      { SHARD_IDS: "3-1", SHARD_COUNT: "4" },
      /^SHARD_IDS must list .* got "3-1"/,
    ],
    [
      "an empty item",
      { SHARD_IDS: "0,,1", SHARD_COUNT: "4" },
      /^SHARD_IDS must list .* got "0,,1"/,
    ],
    ["a negative id", { SHARD_IDS: "-1", SHARD_COUNT: "4" }, /^SHARD_IDS must list .* got "-1"/],
    [
      "SHARDING_MANAGER set by hand",
      { SHARDING_MANAGER: "true", SHARDS: "x" },
      /^SHARDS and SHARD_COUNT are set by citebot's shard manager/,
    ],
  ])("%s is refused, naming the variable and the fix", (_name, env, message) => {
    let error: unknown;
    try {
      parseShardConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    if (!/SHARDING_MANAGER/.test(_name)) {
      expect((error as Error).message).toContain('"Sharding" under Deployment in README.md');
    }
  });
});
