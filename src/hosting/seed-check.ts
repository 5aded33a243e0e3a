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
  documents: readonly { doc: string; text: string }[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const { doc, text } of documents) {
    try {
      const decoded = decodeSeed(await fs.readFile(path.join(seedsDir, ...doc.split("/"))));
      if (!("text" in decoded) || decoded.text !== text) changed.push(doc);
    } catch {
      changed.push(doc);
    }
  }
  return changed;
}
