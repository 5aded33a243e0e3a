import dotenv from "dotenv";
import {
  ConfigError,
  SeedsError,
  createLogger,
  openLive,
  parseCoreConfig,
  redact,
  type CoreConfig,
  type Env,
  type LiveCitebot,
  type Logger,
} from "../../src/index.ts";
import { UsageError } from "./args.ts";
import { startHealthServer, type Health } from "./health.ts";

/** A started entry point. */
export interface Running {
  /** Settles when it ends by itself (end of input, one answer given); absent = until a signal. */
  done?: Promise<void>;
  /** Stops taking questions, lets answers in flight finish, then disconnects. */
  stop(): Promise<void>;
  /** Ready once connected, for the probes; absent = no health server. */
  health?(): Health;
}

/** What an entry point's `start` receives: everything parsed and opened, nothing connected. */
export interface EntryContext<C> {
  /** The entry point's own settings, from {@link EntryPoint.configure}. */
  config: C;
  core: CoreConfig;
  /** Redacts the secrets named by {@link EntryPoint.secretVars}. */
  logger: Logger;
  /** The seeds, rebuilt in the background when they change (if watching). */
  citebot: LiveCitebot;
  /** Logs why and exits with status 1, for a supervisor to restart the process. */
  fatal(message: string, context?: Record<string, unknown>): void;
}

/** One entry point: `npm start`, `ask`, `npm run discord`, `npm run slack`. */
export interface EntryPoint<C> {
  /** Prefix of the harness's own log lines ("discord: SIGTERM received …"). */
  name: string;
  /** How to call it, shown after a usage error. */
  usage?: string;
  /** Environment variables holding secrets: redacted from every log line and the error line. */
  secretVars?: readonly string[];
  /** Secret values inside the parsed settings (a database password), redacted from the log. */
  secrets?(config: C): readonly (string | undefined)[];
  /** Parses the entry point's settings (throw ConfigError); runs before the seeds are opened. */
  configure(env: Env): C;
  /** Adjusts the core settings (e.g. `ask --seeds DIR`); default: as parsed. */
  core?(core: CoreConfig, config: C): CoreConfig;
  /** Port of a small /healthz + /readyz server, up from before the seeds load; null = none. */
  healthPort?(config: C, env: Env): number | null;
  /** Rebuild when the seeds change (long-running front ends). Default true; WATCH_SEEDS can veto. */
  watch?: boolean;
  start(context: EntryContext<C>): Promise<Running>;
}

/**
 * Runs an entry point: reads `.env`, parses the settings, opens the seeds, starts it; a
 * start-up failure is one `citebot: …` line with secrets redacted (exit 1, or 2 for a usage
 * error). SIGINT/SIGTERM stop it (answers in flight finish, the watcher closes) and exit 0;
 * a second signal exits 1 at once.
 */
export function runEntryPoint<C>(entry: EntryPoint<C>): void {
  loadEnv();
  const secrets = (entry.secretVars ?? []).map((name) => process.env[name]?.trim());
  run(entry, secrets).catch((error: unknown) => {
    const usage = error instanceof UsageError && entry.usage ? `; usage: ${entry.usage}` : "";
    process.stderr.write(redact(startupLine(error) + usage, secrets) + "\n");
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}

async function run<C>(entry: EntryPoint<C>, secrets: readonly (string | undefined)[]) {
  const env = process.env;
  const config = entry.configure(env);
  const parsed = parseCoreConfig(env);
  const core = entry.core?.(parsed, config) ?? parsed;
  const logger = createLogger({ secrets: [...secrets, ...(entry.secrets?.(config) ?? [])] });
  // A library can reject outside any listener (a failed reconnect): log it, keep answering.
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));
  // Probes answer from the start: alive while the index loads, ready once connected.
  let running: Running | null = null;
  let loaded = false;
  const check = (): Health =>
    running?.health?.() ?? {
      ready: false,
      waitingFor: loaded ? ["platform"] : ["index", "platform"],
    };
  const healthPort = entry.healthPort?.(config, env) ?? null;
  const health =
    healthPort === null ? null : await startHealthServer({ port: healthPort, check, logger });
  const citebot = await openLive(
    { ...core, watchSeeds: core.watchSeeds && entry.watch !== false },
    logger,
  );
  loaded = true;
  const fatal = (message: string, context?: Record<string, unknown>) => {
    logger.error(`${entry.name}: ${message}`, context);
    process.exit(1);
  };
  // Listening from here on: a question can arrive before start-up has quite finished, and a
  // signal then must still let its answer complete.
  const started = entry.start({ config, core, logger, citebot, fatal });
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) process.exit(1);
    signalled = true;
    logger.info(`${entry.name}: ${signal} received, stopping`);
    citebot.close();
    started
      .then((r) => r.stop())
      .then(() => health?.close())
      .then(
        () => process.exit(0),
        (error: unknown) => fatal("stopping failed", { error }),
      );
  };
  const onInt = () => shutdown("SIGINT");
  const onTerm = () => shutdown("SIGTERM");
  process.on("SIGINT", onInt).on("SIGTERM", onTerm);
  running = await started;
  if (!running.done) return;
  await running.done;
  citebot.close();
  await health?.close();
  process.off("SIGINT", onInt).off("SIGTERM", onTerm);
}

/** Reads `.env` when present (quietly: stdout belongs to the program's output). */
export function loadEnv(): void {
  dotenv.config({ quiet: true });
}

/** For one-shot tools: prints a failure as the one start-up line and sets the exit status. */
export function reportStartupError(error: unknown): void {
  process.stderr.write(startupLine(error) + "\n");
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

/** The one line a start-up failure prints: the user's to fix, or what went wrong (no stack). */
function startupLine(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/^citebot: /, "");
  const expected =
    error instanceof ConfigError || error instanceof SeedsError || error instanceof UsageError;
  return `citebot: ${expected ? reason : `could not start: ${reason}`}`.replace(/\s*\n\s*/g, " ");
}
