import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A command line that cannot be run as given; entry points print it as one line and exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Which flags a command takes: `values` need a value (and may repeat), `booleans` take none. */
export interface ArgsSpec {
  values?: readonly string[];
  booleans?: readonly string[];
}

/** Parsed command-line flags: `--name value` (every occurrence), `--flag`, and the other words. */
export interface Args {
  flags: Map<string, string[] | true>;
  rest: string[];
}

/**
 * Splits argv into flags and words. An unknown flag, or a value flag without its value, is a
 * {@link UsageError} naming it; `--` ends the flags.
 */
export function parseArgs(argv: readonly string[], spec: ArgsSpec = {}): Args {
  const values = spec.values ?? [];
  const booleans = spec.booleans ?? [];
  const flags = new Map<string, string[] | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("--")) {
      rest.push(a);
      continue;
    }
    const [name = "", inline] = a.slice(2).split(/=(.*)/s);
    if (booleans.includes(name) && inline === undefined) {
      flags.set(name, true);
      continue;
    }
    if (!values.includes(name)) {
      const known = [...values, ...booleans].map((f) => `--${f}`).join(", ");
      throw new UsageError(`unknown flag --${name}${known ? ` (known: ${known})` : ""}`);
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--")) || value === "")
      throw new UsageError(`--${name} needs a value`);
    if (inline === undefined) i++;
    const seen = flags.get(name);
    flags.set(name, Array.isArray(seen) ? [...seen, value] : [value]);
  }
  return { flags, rest };
}

/** The last value of a flag, or the fallback. */
export function flag(args: Args, name: string, fallback?: string): string | undefined {
  const v = args.flags.get(name);
  return Array.isArray(v) ? (v.at(-1) ?? fallback) : fallback;
}

/** Every value of a repeatable flag, in order. */
export function flags(args: Args, name: string): string[] {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v : [];
}

/** A numeric flag within [min, max] (whole when `integer`); anything else is a UsageError. */
export function numberFlag(
  args: Args,
  name: string,
  fallback: number,
  range: { min: number; max: number; integer?: boolean },
): number {
  const raw = flag(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  const kind = range.integer ? "a whole number" : "a number";
  if (raw.trim() === "" || !Number.isFinite(n) || (range.integer && !Number.isInteger(n)))
    throw new UsageError(`--${name} must be ${kind}, got "${raw}"`);
  if (n < range.min || n > range.max)
    throw new UsageError(`--${name} must be from ${range.min} to ${range.max}, got ${n}`);
  return n;
}

/** A flag that must be one of `choices`. */
export function choiceFlag<T extends string>(
  args: Args,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = flag(args, name, fallback);
  if (!choices.includes(raw as T))
    throw new UsageError(`--${name} must be one of ${choices.join(", ")}, got "${raw}"`);
  return raw as T;
}

/** The repository's root folder (the one holding package.json), wherever this file runs from. */
export const REPO_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** The squad-dev-a data set kept in the repository (data/squad-dev-a), the tools' default `--data`. */
export const DEFAULT_DATA_DIR = path.resolve(REPO_ROOT, "data/squad-dev-a");

/**
 * Where a tool's seeds and questions come from: `--data DIR` (a folder with `seeds/` and
 * `questions.jsonl`, default {@link DEFAULT_DATA_DIR}), each overridable by `--seeds` and
 * `--questions`. Relative paths are taken from the working directory.
 */
export function dataPaths(args: Args): { seedsDir: string; questionsFile: string } {
  const data = path.resolve(flag(args, "data", DEFAULT_DATA_DIR) ?? DEFAULT_DATA_DIR);
  return {
    seedsDir: path.resolve(flag(args, "seeds") ?? path.join(data, "seeds")),
    questionsFile: path.resolve(flag(args, "questions") ?? path.join(data, "questions.jsonl")),
  };
}

/**
 * Runs `read` (parsing a command line); a {@link UsageError} becomes one line on stderr, with
 * `usage` at its end, and exit status 2 instead of a stack trace.
 */
export function orUsage<T>(read: () => T, usage: string): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`citebot: ${error.message}; usage: ${usage}\n`);
    process.exit(2);
  }
}
