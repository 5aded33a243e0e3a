import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { runStepsInBackground } from "../ingest/steps.ts";
import { readIndexFile, writeIndexFile, type SectionData } from "./index-file.ts";
import { isTextSection, type RestoreOptions } from "./corpus-sections.ts";
import { fromSections, type Restored } from "./index-snapshot.ts";
import type { SeedStamp } from "./seed-stamps.ts";
import { CITEBOT_VERSION } from "./version.ts";

/** Bumped whenever the persisted layout or the indexing rules change. */
export const INDEX_FORMAT = 8;
/** Default bound on the cache file: a larger index is kept in memory only, with a warning. */
export const DEFAULT_MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/** A fingerprint of the seeds (names, sizes, modification times), the options and the version. */
export function cacheKey(seedsDir: string, stamps: readonly SeedStamp[], options: unknown): string {
  const h = createHash("sha256");
  h.update(JSON.stringify([INDEX_FORMAT, CITEBOT_VERSION, path.resolve(seedsDir), options]));
  for (const s of stamps) h.update(`\n${s.doc}\t${s.size}\t${s.mtimeMs}`);
  return h.digest("hex");
}

/** Where the index of a seeds folder is kept inside the cache folder. */
export function cacheFile(cacheDir: string, seedsDir: string): string {
  const id = createHash("sha256").update(path.resolve(seedsDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `index-${id}.bin`);
}

/** Writes sections from {@link toSections} to `file` (see index-snapshot.ts). */
export async function saveSections(
  file: string,
  header: Record<string, unknown>,
  sections: readonly SectionData[],
  maxBytes = DEFAULT_MAX_CACHE_BYTES,
): Promise<void> {
  await writeIndexFile(file, INDEX_FORMAT, header, sections, maxBytes);
}

/**
 * Removes `file` if it is still the file that was opened (same device and inode): a rebuild may
 * have renamed a good one into its place since, which must stay.
 */
async function dropIfStill(file: string, opened: { dev: number; ino: number }): Promise<void> {
  const now = await fs.stat(file).catch(() => null);
  if (now && now.dev === opened.dev && now.ino === opened.ino)
    await fs.rm(file, { force: true }).catch(() => {});
}

/** A restored index, or why a persisted one was not used. */
export type LoadOutcome = Restored | { reason: string };

/**
 * Reads a persisted index if it was written for `key` (the same seeds, options and version).
 * Never throws and never hangs: a missing, foreign, truncated, corrupt or special file (FIFO,
 * device, folder) comes back as a reason, for one warning and a rebuild.
 */
export async function loadIndex(
  file: string,
  key: string,
  maxBytes = DEFAULT_MAX_CACHE_BYTES,
  restore: RestoreOptions = {},
  /** Whether a text found corrupt later drops the file, for a rebuild (a reader leaves it). */
  dropWhenCorrupt = true,
): Promise<LoadOutcome> {
  try {
    const f = await readIndexFile(
      file,
      INDEX_FORMAT,
      maxBytes,
      (header) => (header["key"] === key ? null : "the seeds, options or citebot version changed"),
      isTextSection,
    );
    if (!f) return { reason: "no persisted index yet" };
    try {
      // The file stays open: texts are read from it as documents are first quoted, and it is
      // closed once the restored corpus is collected (corpus-sections.ts).
      let dropped = false;
      const onCorruptText = (doc: string, recovered: boolean) => {
        restore.onCorruptText?.(doc, recovered);
        if (!dropWhenCorrupt || dropped) return;
        dropped = true;
        void dropIfStill(file, f.identity);
      };
      return await runStepsInBackground(fromSections(f, { ...restore, onCorruptText }));
    } catch (err) {
      await f.close();
      throw err;
    }
  } catch (err) {
    return {
      reason: `${file} cannot be used: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
