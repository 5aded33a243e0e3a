import { promises as fs } from "node:fs";
import path from "node:path";
import { listSeeds, type LoadOptions } from "../ingest/loader.ts";

/** A seed file as the cache key sees it: name, size and modification time, nothing read. */
export interface SeedStamp {
  doc: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the seeds and stats each one without reading it: enough to tell whether a persisted
 * index is still current (a restart reads no seed file when none changed). A file that cannot
 * be stat'ed gets size -1, so it still counts in the key. Throws SeedsError as listSeeds does.
 */
export async function stampSeeds(
  dir: string,
  options: Pick<LoadOptions, "followLinks"> = {},
): Promise<SeedStamp[]> {
  const docs = await listSeeds(dir, options);
  return Promise.all(
    docs.map(async (doc) => {
      try {
        const stat = await fs.stat(path.join(dir, ...doc.split("/")));
        return { doc, size: stat.size, mtimeMs: stat.mtimeMs };
      } catch {
        return { doc, size: -1, mtimeMs: 0 };
      }
    }),
  );
}
