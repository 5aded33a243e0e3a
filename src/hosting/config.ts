import path from "node:path";
import type { FollowLinks } from "../ingest/seed-listing.ts";

/** Environment variables as read from `process.env` (after dotenv). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A missing or malformed setting; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Settings every front end shares, parsed once at start-up. */
export interface CoreConfig {
  /** Folder of seed documents (SEEDS_DIR), absolute. */
  seedsDir: string;
  /** Folder for the persisted index (INDEX_CACHE_DIR), absolute; null when caching is off. */
  cacheDir: string | null;
  /** Base URL that citations link to (SEEDS_BASE_URL), without a trailing slash. */
  seedsBaseUrl: string | null;
  /** Questions per user per minute in chat (RATE_LIMIT_PER_MINUTE); 0 = unlimited. */
  rateLimitPerMinute: number;
  /** Seed files larger than this many bytes are skipped (MAX_SEED_BYTES). */
  maxSeedBytes: number;
  /** Whether long-running front ends rebuild when seeds change (WATCH_SEEDS). */
  watchSeeds: boolean;
  /** Which symbolic links in the seeds folder are read (SEEDS_FOLLOW_LINKS). */
  followLinks: FollowLinks;
  /**
   * INDEX_MODE: "build" indexes the seeds when the persisted index is missing or stale (one
   * process, or `npm run index`); "read" only loads the index another process persisted in a
   * shared INDEX_CACHE_DIR, and waits for it (replicas).
   */
  indexMode: "build" | "read";
}

/** Where the README documents each variable, for error messages. */
export const README_CONFIG = "see the Configuration section of README.md and .env.example";

/** Reads a whole number within [min, max], or the fallback when unset or empty. */
export function intVar(
  env: Env,
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"; fix or remove it (${README_CONFIG}).`,
    );
  }
  return Number(raw);
}

/** Reads an on/off switch (1/0, true/false, yes/no, on/off). */
export function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(
    `${name} must be true or false, got "${raw.slice(0, 40)}" (${README_CONFIG}).`,
  );
}

/** Reads an http(s) URL without its trailing slash, or null when unset. */
export function urlVar(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be a URL such as https://example.com/docs, got "${raw.slice(0, 80)}" (${README_CONFIG}).`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(
      `${name} must start with http:// or https://, got "${raw.slice(0, 80)}" (${README_CONFIG}).`,
    );
  }
  return raw.replace(/\/+$/, "");
}

/** Reads a required secret; the message says where to get it. */
export function requiredVar(env: Env, name: string, hint: string): string {
  const raw = env[name]?.trim();
  if (!raw) throw new ConfigError(`${name} is not set: ${hint}`);
  if (/\s/.test(raw))
    throw new ConfigError(`${name} contains white space; paste the value again (${hint}).`);
  return raw;
}

function followLinksVar(env: Env): FollowLinks {
  const raw = env["SEEDS_FOLLOW_LINKS"]?.trim().toLowerCase();
  if (raw === undefined || raw === "" || raw === "none") return "none";
  if (raw === "inside") return "inside";
  throw new ConfigError(
    `SEEDS_FOLLOW_LINKS must be "none" or "inside", got "${raw.slice(0, 40)}" (${README_CONFIG}).`,
  );
}

/** Parses the shared settings; `cwd` resolves relative paths. Throws ConfigError. */
export function parseCoreConfig(env: Env, cwd = process.cwd()): CoreConfig {
  const seeds = env["SEEDS_DIR"]?.trim() || "seeds";
  const cache = env["INDEX_CACHE_DIR"]?.trim() || ".cache";
  return {
    seedsDir: path.resolve(cwd, seeds),
    cacheDir: cache.toLowerCase() === "off" ? null : path.resolve(cwd, cache),
    seedsBaseUrl: urlVar(env, "SEEDS_BASE_URL"),
    rateLimitPerMinute: intVar(env, "RATE_LIMIT_PER_MINUTE", 5, 0, 10_000),
    maxSeedBytes: intVar(env, "MAX_SEED_BYTES", 20 * 1024 * 1024, 1, 2 ** 31),
    watchSeeds: boolVar(env, "WATCH_SEEDS", true),
    followLinks: followLinksVar(env),
    indexMode: indexModeVar(env, cache.toLowerCase() === "off"),
  };
}

function indexModeVar(env: Env, cacheOff: boolean): "build" | "read" {
  const raw = env["INDEX_MODE"]?.trim().toLowerCase() || "build";
  if (raw !== "build" && raw !== "read") {
    throw new ConfigError(
      `INDEX_MODE must be "build" or "read", got "${raw.slice(0, 40)}" (${README_CONFIG}).`,
    );
  }
  if (raw === "read" && cacheOff) {
    throw new ConfigError(
      `INDEX_MODE=read loads the index another process keeps in INDEX_CACHE_DIR, which is off; set INDEX_CACHE_DIR to the shared folder (${README_CONFIG}).`,
    );
  }
  return raw;
}

/** Link to a cited line, or null when SEEDS_BASE_URL is unset. */
export function sourceUrl(baseUrl: string | null, doc: string, line: number): string | null {
  if (!baseUrl) return null;
  return `${baseUrl}/${doc.split("/").map(encodeURIComponent).join("/")}#L${line}`;
}
