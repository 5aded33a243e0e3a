import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  boolVar,
  intVar,
  parseCoreConfig,
  requiredVar,
  sourceUrl,
  urlVar,
  type Env,
} from "../../src/index.ts";

const CWD = path.resolve("/srv/citebot");

/** The ConfigError thrown by `fn`, or a failure when it does not throw one. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("parseCoreConfig", () => {
  it("uses the documented defaults for an empty environment", () => {
    expect(parseCoreConfig({}, CWD)).toEqual({
      seedsDir: path.join(CWD, "seeds"),
      cacheDir: path.join(CWD, ".cache"),
      seedsBaseUrl: null,
      rateLimitPerMinute: 5,
      maxSeedBytes: 20 * 1024 * 1024,
      watchSeeds: true,
      followLinks: "none",
      indexMode: "build",
    });
  });

  it("reads SEEDS_FOLLOW_LINKS as none or inside, and names it when it is neither", () => {
    expect(parseCoreConfig({ SEEDS_FOLLOW_LINKS: "inside" }, CWD).followLinks).toBe("inside");
    expect(parseCoreConfig({ SEEDS_FOLLOW_LINKS: " None " }, CWD).followLinks).toBe("none");
    expect(configError(() => parseCoreConfig({ SEEDS_FOLLOW_LINKS: "yes" }, CWD)).message).toMatch(
      /^SEEDS_FOLLOW_LINKS must be "none" or "inside", got "yes"/,
    );
  });

  it("treats empty and blank values as unset", () => {
    const env: Env = {
      SEEDS_DIR: "  ",
      RATE_LIMIT_PER_MINUTE: "",
      WATCH_SEEDS: " ",
      SEEDS_BASE_URL: "",
    };
    expect(parseCoreConfig(env, CWD)).toEqual(parseCoreConfig({}, CWD));
  });

  it("resolves relative folders against cwd and keeps absolute ones", () => {
    const config = parseCoreConfig(
      { SEEDS_DIR: "docs/seeds", INDEX_CACHE_DIR: "/var/cache/citebot" },
      CWD,
    );
    expect(config.seedsDir).toBe(path.join(CWD, "docs", "seeds"));
    expect(config.cacheDir).toBe(path.resolve("/var/cache/citebot"));
  });

  it("turns the index cache off with INDEX_CACHE_DIR=off", () => {
    expect(parseCoreConfig({ INDEX_CACHE_DIR: "OFF" }, CWD).cacheDir).toBeNull();
  });

  it("reads whole numbers, trimming white space", () => {
    const config = parseCoreConfig({ RATE_LIMIT_PER_MINUTE: " 0 ", MAX_SEED_BYTES: "1024" }, CWD);
    expect(config.rateLimitPerMinute).toBe(0);
    expect(config.maxSeedBytes).toBe(1024);
  });

  it.each([
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["RATE_LIMIT_PER_MINUTE", "5.5"],
    ["RATE_LIMIT_PER_MINUTE", "five"],
    ["RATE_LIMIT_PER_MINUTE", "10001"],
    ["MAX_SEED_BYTES", "0"],
    ["MAX_SEED_BYTES", "-20"],
    ["MAX_SEED_BYTES", "1e6"],
  ])("rejects %s=%s, naming the variable and the value", (name, value) => {
    const err = configError(() => parseCoreConfig({ [name]: value }, CWD));
    expect(err.message).toContain(name);
    expect(err.message).toContain(value);
    expect(err.message).toMatch(/README|\.env\.example/);
  });

  it("keeps an http(s) SEEDS_BASE_URL without its trailing slashes", () => {
    expect(
      parseCoreConfig({ SEEDS_BASE_URL: "https://example.com/docs//" }, CWD).seedsBaseUrl,
    ).toBe("https://example.com/docs");
  });

  it.each(["not a url", "example.com/docs", "ftp://example.com/docs", "javascript:alert(1)"])(
    "rejects SEEDS_BASE_URL=%s",
    (value) => {
      const err = configError(() => parseCoreConfig({ SEEDS_BASE_URL: value }, CWD));
      expect(err.message).toContain("SEEDS_BASE_URL");
    },
  );

  it.each([
    ["1", true],
    ["true", true],
    ["YES", true],
    ["on", true],
    ["0", false],
    ["False", false],
    ["no", false],
    [" off ", false],
  ])("reads WATCH_SEEDS=%j as %s", (value, expected) => {
    expect(parseCoreConfig({ WATCH_SEEDS: value }, CWD).watchSeeds).toBe(expected);
  });

  it("rejects an on/off switch that is neither", () => {
    const err = configError(() => parseCoreConfig({ WATCH_SEEDS: "maybe" }, CWD));
    expect(err.message).toContain("WATCH_SEEDS");
    expect(err.message).toContain("maybe");
  });

  it("does not read process.env when given an environment", () => {
    const saved = process.env["RATE_LIMIT_PER_MINUTE"];
    process.env["RATE_LIMIT_PER_MINUTE"] = "-5";
    try {
      expect(parseCoreConfig({}, CWD).rateLimitPerMinute).toBe(5);
    } finally {
      if (saved === undefined) delete process.env["RATE_LIMIT_PER_MINUTE"];
      else process.env["RATE_LIMIT_PER_MINUTE"] = saved;
    }
  });
});

describe("variable readers", () => {
  it("intVar honours its bounds and fallback", () => {
    expect(intVar({}, "N", 7)).toBe(7);
    expect(intVar({ N: "3" }, "N", 7, 1, 3)).toBe(3);
    expect(configError(() => intVar({ N: "4" }, "N", 7, 1, 3)).message).toContain("from 1 to 3");
  });

  it("boolVar falls back when unset", () => {
    expect(boolVar({}, "B", false)).toBe(false);
    expect(boolVar({}, "B", true)).toBe(true);
  });

  it("urlVar returns null when unset", () => {
    expect(urlVar({}, "U")).toBeNull();
  });

  it("requiredVar names a missing secret with the hint, and refuses white space inside", () => {
    expect(requiredVar({ TOKEN: " abc " }, "TOKEN", "hint")).toBe("abc");
    const missing = configError(() => requiredVar({}, "TOKEN", "create one at the portal"));
    expect(missing.message).toContain("TOKEN");
    expect(missing.message).toContain("create one at the portal");
    expect(configError(() => requiredVar({ TOKEN: "ab cd" }, "TOKEN", "h")).message).toMatch(
      /white space/,
    );
  });
});

describe("sourceUrl", () => {
  it("links to the cited line, encoding each path segment", () => {
    expect(sourceUrl("https://x.org/seeds", "dir/a b#1.md", 12)).toBe(
      "https://x.org/seeds/dir/a%20b%231.md#L12",
    );
  });

  it("is null without a base URL", () => {
    expect(sourceUrl(null, "a.txt", 1)).toBeNull();
  });
});
