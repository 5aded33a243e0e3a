import { createCitebot, type Citebot, type CitebotOptions } from "./citebot.ts";
import { buildCorpus } from "./corpus.ts";
import { loadSeeds } from "./loader.ts";
import type { Logger } from "./logger.ts";
import { buildIndex } from "./search-index.ts";

/** Options for {@link openCitebot}. */
export interface OpenOptions extends CitebotOptions {
  /** Folder of seed documents. */
  seedsDir: string;
  /** Folder for the persisted index; null or absent turns persistence off. */
  cacheDir?: string | null;
  /** Seed files larger than this are skipped. */
  maxSeedBytes?: number;
  /** Receives one warning per skipped file. */
  logger?: Logger;
}

/** A citebot opened from a folder, with what happened while opening it. */
export interface OpenedCitebot extends Citebot {
  /** One line per skipped seed file. */
  readonly warnings: string[];
  /** Milliseconds spent loading and indexing. */
  readonly loadMs: number;
  /** Whether the index came from the persisted cache. */
  readonly fromCache: boolean;
}

/** Loads the seeds folder and indexes it. Throws SeedsError when the folder is unusable. */
export async function openCitebot(options: OpenOptions): Promise<OpenedCitebot> {
  const started = performance.now();
  const { files, warnings } = await loadSeeds(
    options.seedsDir,
    options.maxSeedBytes === undefined ? {} : { maxSeedBytes: options.maxSeedBytes },
  );
  for (const w of warnings) options.logger?.warn(w);
  const corpus = buildCorpus(files);
  const index = buildIndex(corpus);
  const bot = createCitebot(corpus, index, options);
  return { ...bot, warnings, loadMs: performance.now() - started, fromCache: false };
}
