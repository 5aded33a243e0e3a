import { corpusSteps, type Corpus } from "../ingest/corpus.ts";
import { loadSeeds } from "../ingest/loader.ts";
import type { FollowLinks } from "../ingest/seed-listing.ts";
import { runStepsInBackground } from "../ingest/steps.ts";
import { indexSteps, type SearchIndex } from "../search/search-index.ts";
import { CacheTooLargeError } from "./index-file.ts";
import { fromBuffers, fromSections, toBuffers, toSections } from "./index-snapshot.ts";
import { saveSections } from "./persist.ts";

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

/** A build as the persisted file lays it out: a header and one buffer per section. */
export interface BuiltSections {
  header: Record<string, unknown>;
  buffers: Record<string, ArrayBuffer>;
}

/**
 * Reads the seeds, parses and indexes them (pausing now and then), persists the result and
 * returns its sections (what a worker transfers). Throws SeedsError when the folder is
 * unusable; `warn` receives each skipped file and any trouble persisting, which never fails
 * the build.
 */
export async function buildSections(
  req: BuildRequest,
  warn: (line: string) => void,
): Promise<BuiltSections> {
  const { files, warnings } = await loadSeeds(req.seedsDir, {
    ...(req.maxSeedBytes === undefined ? {} : { maxSeedBytes: req.maxSeedBytes }),
    ...(req.followLinks === undefined ? {} : { followLinks: req.followLinks }),
  });
  for (const w of warnings) warn(w);
  const corpus = await runStepsInBackground(corpusSteps(files));
  const index = await runStepsInBackground(indexSteps(corpus));
  const { header, sections } = toSections(req.cache?.key ?? "", corpus, index, warnings);
  if (req.cache) {
    const { file, maxBytes } = req.cache;
    try {
      await saveSections(file, header, sections, maxBytes);
    } catch (err) {
      warn(
        err instanceof CacheTooLargeError
          ? `not persisting the index: ${err.message}; restarts will re-index (raise the bound or split the seeds)`
          : `could not persist the index to ${file} (${(err as Error).message}); set INDEX_CACHE_DIR to a writable folder or "off"`,
      );
    }
  }
  return { header, buffers: toBuffers(sections) };
}

/**
 * Builds as {@link buildSections} does, then keeps the index as a restart restores it: typed
 * arrays and one string per text piece instead of an object per passage, so a fresh build
 * and a restored one take the same memory and give the same answers.
 */
export async function buildAndSave(
  req: BuildRequest,
  warn: (line: string) => void,
): Promise<Built> {
  const { header, buffers } = await buildSections(req, warn);
  return runStepsInBackground(fromSections(fromBuffers(header, buffers)));
}
