import dotenv from "dotenv";
import {
  ConfigError,
  SeedsError,
  createLiveResponder,
  openCitebot,
  type CoreConfig,
  type LiveResponder,
  type Logger,
  type OpenedCitebot,
} from "../../src/index.ts";

/** Reads `.env` when present (quietly: stdout belongs to the program's output). */
export function loadEnv(): void {
  dotenv.config({ quiet: true });
}

/** Opens the seeds named by the config, logging one stats line. */
export async function openFromConfig(config: CoreConfig, logger: Logger): Promise<OpenedCitebot> {
  const bot = await openCitebot({
    seedsDir: config.seedsDir,
    cacheDir: config.cacheDir,
    maxSeedBytes: config.maxSeedBytes,
    followLinks: config.followLinks,
    logger,
  });
  logger.info(statsLine(bot));
  return bot;
}

/** "1 document, 16 passages, 17 sentences, 0 skipped files, 9 ms". */
export function statsLine(bot: OpenedCitebot): string {
  const s = bot.stats;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `${plural(s.documents, "document")}, ${plural(s.passages, "passage")}, ${plural(s.sentences, "sentence")}, ` +
    `${plural(bot.warnings.length, "skipped file")}, ${Math.round(bot.loadMs)} ms${bot.fromCache ? " (index from cache)" : ""}`
  );
}

/** Prints a start-up failure as one clear line (no stack for expected ones) and sets the exit code. */
export function reportStartupError(err: unknown): void {
  if (err instanceof ConfigError || err instanceof SeedsError) {
    process.stderr.write(`citebot: ${err.message.replace(/^citebot: /, "")}\n`);
  } else {
    process.stderr.write(
      `citebot: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exitCode = 1;
}

/** Opens the seeds and, for long-running front ends, rebuilds when they change (WATCH_SEEDS). */
export async function openLive(
  config: CoreConfig,
  logger: Logger,
): Promise<LiveResponder<OpenedCitebot>> {
  const initial = await openFromConfig(config, logger);
  return createLiveResponder({
    initial,
    open: () => openFromConfig(config, logger),
    watchDir: config.watchSeeds ? config.seedsDir : null,
    logger,
  });
}
