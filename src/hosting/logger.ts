import { toPrintable } from "../ingest/printable.ts";

/** Where citebot writes what it is doing; injectable so tests can capture it. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Values that must never be printed (tokens, signing secrets); replaced by `[redacted]`. */
  secrets?: readonly (string | undefined)[];
  /** Sink for finished lines. Default: stderr. */
  write?: (line: string) => void;
}

/** Replaces every occurrence of each secret (4+ characters) in `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  }
  return out;
}

// Control characters are escaped so a file name or a library's message cannot forge a log line
// or drive the terminal; only the line breaks of a stack trace are kept.
function describe(value: unknown): string {
  if (value instanceof Error) {
    return (value.stack ?? `${value.name}: ${value.message}`)
      .split("\n")
      .map(toPrintable)
      .join("\n");
  }
  if (typeof value === "string") return toPrintable(value);
  try {
    return JSON.stringify(value);
  } catch {
    return toPrintable(String(value));
  }
}

/** A line logger on stderr that redacts secrets from messages, context and stacks. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const log = (level: string, message: string, context?: Record<string, unknown>) => {
    const parts = [`[citebot] ${level} ${toPrintable(message)}`];
    for (const [k, v] of Object.entries(context ?? {})) parts.push(`${k}=${describe(v)}`);
    write(redact(parts.join(" "), secrets));
  };
  return {
    info: (m, c) => log("info", m, c),
    warn: (m, c) => log("warn", m, c),
    error: (m, c) => log("error", m, c),
  };
}

/** A logger that keeps lines in memory; for tests and quiet tools. */
export function createMemoryLogger(secrets: readonly (string | undefined)[] = []): Logger & {
  lines: string[];
} {
  const lines: string[] = [];
  return Object.assign(createLogger({ secrets, write: (l) => lines.push(l) }), { lines });
}
