import type { Responder } from "../answering/answer.ts";
import { collectionOf } from "./collections.ts";
import type { CorpusStats } from "../answering/citebot.ts";
import type { CoreConfig } from "./config.ts";
import { createLiveResponder, type LiveResponder } from "./live.ts";
import type { Logger } from "./logger.ts";
import { waitForIndex } from "./index-reader.ts";
import { openCitebot, type OpenedCitebot } from "./open.ts";

/**
 * A citebot as a front end holds it: answers, the document list and how the seeds were
 * opened. No corpus and no index: those are the core's (tools reach them through src/tools.ts).
 */
export interface FrontEndCitebot extends Responder {
  readonly stats: CorpusStats;
  /** One line per skipped seed file. */
  readonly warnings: readonly string[];
  /** Milliseconds spent loading and indexing (or restoring the index). */
  readonly loadMs: number;
  /** Whether the index came from the persisted cache. */
  readonly fromCache: boolean;
  /** Seeds edited without a new size or time since the index was built (re-reads them all). */
  changedSeeds(): Promise<string[]>;
  /** Answers from one collection (a top-level sub-folder of the seeds), built on first use. */
  collection(name: string): Responder;
}

/** A front-end citebot rebuilt in the background when the seeds change, swapped in whole. */
export type LiveCitebot = LiveResponder<FrontEndCitebot>;

/** Keeps only what front ends use of an opened citebot. */
export function toFrontEnd(bot: OpenedCitebot): FrontEndCitebot {
  return {
    ask: (question, options) => bot.ask(question, options),
    more: (thread) => bot.more(thread),
    documents: () => bot.documents(),
    stats: bot.stats,
    warnings: bot.warnings,
    loadMs: bot.loadMs,
    fromCache: bot.fromCache,
    changedSeeds: () => bot.changedSeeds(),
    collection: (name) => collectionOf(bot, name),
  };
}

/** "1 document, 16 passages, 17 sentences, 0 skipped files, 9 ms". */
export function statsLine(bot: FrontEndCitebot): string {
  const s = bot.stats;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `${plural(s.documents, "document")}, ${plural(s.passages, "passage")}, ${plural(s.sentences, "sentence")}, ` +
    `${plural(bot.warnings.length, "skipped file")}, ${Math.round(bot.loadMs)} ms${bot.fromCache ? " (index from cache)" : ""}`
  );
}

/** Opens the seeds named by the config once, logging one stats line; `inWorker` for rebuilds. */
export async function openFromConfig(
  config: CoreConfig,
  logger: Logger,
  inWorker = false,
): Promise<FrontEndCitebot> {
  const bot = toFrontEnd(
    await openCitebot({
      seedsDir: config.seedsDir,
      cacheDir: config.cacheDir,
      maxSeedBytes: config.maxSeedBytes,
      followLinks: config.followLinks,
      inWorker,
      build: config.indexMode === "build",
      logger,
    }),
  );
  logger.info(statsLine(bot));
  return bot;
}

/**
 * Opens the seeds and rebuilds when they change (when the config says WATCH_SEEDS). A reader
 * (INDEX_MODE=read) instead waits for the shared index and reloads when the builder rewrites it.
 */
export async function openLive(config: CoreConfig, logger: Logger): Promise<LiveCitebot> {
  const open = () => openFromConfig(config, logger);
  const cacheDir = config.indexMode === "read" ? config.cacheDir : null;
  const initial = cacheDir ? await waitForIndex({ open, cacheDir, logger }) : await open();
  if (cacheDir) {
    // A reader leaves the shared index alone: the builder checks the seeds and rewrites it.
    return createLiveResponder({
      initial,
      open,
      watchDir: config.watchSeeds ? cacheDir : null,
      logger,
    });
  }
  return createLiveResponder({
    initial,
    // Rebuilds run in a worker thread: answering never waits on one.
    open: () => openFromConfig(config, logger, true),
    watchDir: config.watchSeeds ? config.seedsDir : null,
    changed: (bot) => bot.changedSeeds(),
    logger,
  });
}
