import { createCitebot, type Citebot, type CitebotOptions } from "../answering/citebot.ts";
import { corpusSteps } from "../ingest/corpus.ts";
import { loadSeeds } from "../ingest/loader.ts";
import type { FollowLinks } from "../ingest/seed-listing.ts";
import type { Logger } from "./logger.ts";
import { cacheFile, cacheKey, loadIndex, saveIndex } from "./persist.ts";
import { indexSteps } from "../search/search-index.ts";
import { runStepsInBackground } from "../ingest/steps.ts";

/** Options for {@link openCitebot}. */
export interface OpenOptions extends CitebotOptions {
  /** Folder of seed documents. */
  seedsDir: string;
  /** Folder for the persisted index; null or absent turns persistence off. */
  cacheDir?: string | null;
  /** Seed files larger than this are skipped. */
  maxSeedBytes?: number;
  /** Which symbolic links in the seeds folder are read. Default "none". */
  followLinks?: FollowLinks;
  /** Receives one warning per skipped file and cache problems. */
  logger?: Logger;
}

/** A citebot opened from a folder, with what happened while opening it. */
export interface OpenedCitebot extends Citebot {
  /** One line per skipped seed file. */
  readonly warnings: string[];
  /** Milliseconds spent loading and indexing (or restoring the index). */
  readonly loadMs: number;
  /** Whether the index came from the persisted cache. */
  readonly fromCache: boolean;
}

/**
 * Loads the seeds folder and indexes it, reusing a persisted index when one matches the seeds
 * exactly. Throws SeedsError when the folder is unusable; cache trouble is only a warning.
 */
export async function openCitebot(options: OpenOptions): Promise<OpenedCitebot> {
  const started = performance.now();
  const { logger } = options;
  const { files, warnings } = await loadSeeds(options.seedsDir, {
    ...(options.maxSeedBytes === undefined ? {} : { maxSeedBytes: options.maxSeedBytes }),
    ...(options.followLinks === undefined ? {} : { followLinks: options.followLinks }),
  });
  for (const w of warnings) logger?.warn(w);
  const cacheDir = options.cacheDir ?? null;
  const file = cacheDir ? cacheFile(cacheDir, options.seedsDir) : null;
  const key = cacheKey(options.seedsDir, files, "passages+sentences");
  if (file) {
    const loaded = await loadIndex(file, key, files);
    if ("corpus" in loaded) {
      const bot = createCitebot(loaded.corpus, loaded.index, options);
      return { ...bot, warnings, loadMs: performance.now() - started, fromCache: true };
    }
    if (!loaded.reason.startsWith("no persisted"))
      logger?.warn(`rebuilding the index: ${loaded.reason}`);
  }
  // Parsing and indexing pause now and then, so a live rebuild does not stall answering.
  const corpus = await runStepsInBackground(corpusSteps(files));
  const index = await runStepsInBackground(indexSteps(corpus));
  if (file) {
    try {
      await saveIndex(file, key, corpus, index);
    } catch (err) {
      logger?.warn(
        `could not persist the index to ${file} (${(err as Error).message}); set INDEX_CACHE_DIR to a writable folder or "off"`,
      );
    }
  }
  const bot = createCitebot(corpus, index, options);
  return { ...bot, warnings, loadMs: performance.now() - started, fromCache: false };
}
