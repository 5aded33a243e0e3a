import { promises as fs } from "node:fs";
import path from "node:path";
import { decodeSeed } from "../ingest/loader.ts";

/**
 * Seeds whose content differs from the text the index was built from, although their size and
 * modification time did not change (a tool restoring times, two writes within the file system's
 * time granularity). A restart trusts size and time so that it reads no seed; this re-reads
 * them one at a time, in the background, so that such an edit is still caught.
 */
export async function findChangedSeeds(
  seedsDir: string,
  documents: readonly { doc: string; text: string; sameText?(text: string): boolean }[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const d of documents) {
    const { doc } = d;
    try {
      const decoded = decodeSeed(await fs.readFile(path.join(seedsDir, ...doc.split("/"))));
      // A restored document checks the seed against its length and checksum, so this check
      // does not read (and keep) every text of the index; a text that cannot be read counts
      // as changed, and the rebuild that follows replaces the index.
      const same =
        "text" in decoded && (d.sameText ? d.sameText(decoded.text) : decoded.text === d.text);
      if (!same) changed.push(doc);
    } catch {
      changed.push(doc);
    }
  }
  return changed;
}
