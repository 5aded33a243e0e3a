import { corpusSteps, type Corpus } from "../ingest/corpus.ts";
import { loadSeeds } from "../ingest/loader.ts";
import type { FollowLinks } from "../ingest/seed-listing.ts";
import { runStepsInBackground } from "../ingest/steps.ts";
import { indexSteps, type SearchIndex } from "../search/search-index.ts";
import { CacheTooLargeError } from "./index-file.ts";
import { saveIndex } from "./persist.ts";

/** What a build needs: plain data, so that it can be handed to a worker thread. */
export interface BuildRequest {
  seedsDir: string;
  maxSeedBytes?: number;
  followLinks?: FollowLinks;
  /** The persisted index to write, with its key and size bound; null to keep it in memory. */
  cache: { file: string; key: string; maxBytes: number } | null;
}

/** A built corpus and index, with the load warnings. */
export interface Built {
  corpus: Corpus;
  index: SearchIndex;
  warnings: string[];
}

/**
 * Reads the seeds, parses and indexes them (pausing now and then), and persists the result.
 * Throws SeedsError when the folder is unusable; `warn` receives each skipped file and any
 * trouble persisting, which never fails the build.
 */
export async function buildAndSave(
  req: BuildRequest,
  warn: (line: string) => void,
): Promise<Built> {
  const { files, warnings } = await loadSeeds(req.seedsDir, {
    ...(req.maxSeedBytes === undefined ? {} : { maxSeedBytes: req.maxSeedBytes }),
    ...(req.followLinks === undefined ? {} : { followLinks: req.followLinks }),
  });
  for (const w of warnings) warn(w);
  const corpus = await runStepsInBackground(corpusSteps(files));
  const index = await runStepsInBackground(indexSteps(corpus));
  if (req.cache) {
    const { file, key, maxBytes } = req.cache;
    try {
      await saveIndex(file, key, corpus, index, warnings, maxBytes);
    } catch (err) {
      warn(
        err instanceof CacheTooLargeError
          ? `not persisting the index: ${err.message}; restarts will re-index (raise the bound or split the seeds)`
          : `could not persist the index to ${file} (${(err as Error).message}); set INDEX_CACHE_DIR to a writable folder or "off"`,
      );
    }
  }
  return { corpus, index, warnings };
}
