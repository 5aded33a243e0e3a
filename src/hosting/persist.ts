import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Span } from "../answering/answer.ts";
import type { Corpus, Passage } from "../ingest/corpus.ts";
import { toCorpusDocument } from "../ingest/corpus.ts";
import type { SeedFile } from "../ingest/loader.ts";
import { restoreIndex, type IndexSnapshot, type SearchIndex } from "../search/search-index.ts";
import { CITEBOT_VERSION } from "./version.ts";

/** Bumped whenever the persisted layout or the indexing rules change. */
export const INDEX_FORMAT = 3;
const MAGIC = "citebot-index";

interface Snapshot {
  magic: string;
  format: number;
  key: string;
  titles: string[];
  sections: string[];
  /** Per passage: docIndex, start, end, paragraph, section index, sentence count, then start/end pairs. */
  passages: number[];
  index: IndexSnapshot;
}

/** A fingerprint of the seeds (names, sizes, times, contents), the options and the version. */
export function cacheKey(seedsDir: string, files: readonly SeedFile[], options: unknown): string {
  const h = createHash("sha256");
  h.update(JSON.stringify([MAGIC, INDEX_FORMAT, CITEBOT_VERSION, path.resolve(seedsDir), options]));
  // The texts are in memory anyway: hashing them catches edits that keep size and mtime.
  for (const f of files)
    h.update(`\n${f.doc}\t${f.size}\t${f.mtimeMs}\t${f.text.length}\n`).update(f.text);
  return h.digest("hex");
}

/** Where the index of a seeds folder is kept inside the cache folder. */
export function cacheFile(cacheDir: string, seedsDir: string): string {
  const id = createHash("sha256").update(path.resolve(seedsDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `index-${id}.json`);
}

/** Writes the corpus layout and index atomically (temp file, then rename). */
export async function saveIndex(
  file: string,
  key: string,
  corpus: Corpus,
  index: SearchIndex,
): Promise<void> {
  const sections: string[] = [];
  const sectionIds = new Map<string, number>();
  const passages: number[] = [];
  for (const p of corpus.passages) {
    let s = sectionIds.get(p.section);
    if (s === undefined) {
      s = sections.push(p.section) - 1;
      sectionIds.set(p.section, s);
    }
    passages.push(p.docIndex, p.start, p.end, p.paragraph, s, p.sentences.length);
    for (const span of p.sentences) passages.push(span.start, span.end);
  }
  const snapshot: Snapshot = {
    magic: MAGIC,
    format: INDEX_FORMAT,
    key,
    titles: corpus.documents.map((d) => d.title),
    sections,
    passages,
    index: index.toJSON(),
  };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(snapshot));
  await fs.rename(tmp, file);
}

/** Why a persisted index was not used; null when it was. */
export type LoadOutcome = { corpus: Corpus; index: SearchIndex } | { reason: string };

/** Reads a persisted index if it matches `key` exactly; otherwise says why not. Never throws. */
export async function loadIndex(
  file: string,
  key: string,
  files: readonly SeedFile[],
): Promise<LoadOutcome> {
  let raw: string;
  try {
    raw = await fs.readFile(file, "utf8");
  } catch {
    return { reason: "no persisted index yet" };
  }
  try {
    const s = JSON.parse(raw) as Partial<Snapshot>;
    if (s.magic !== MAGIC) return { reason: `${file} is not a citebot index` };
    if (s.format !== INDEX_FORMAT || s.key !== key)
      return { reason: "the seeds, options or citebot version changed" };
    const { titles = [], sections = [], passages: flat = [], index } = s;
    if (!index || titles.length !== files.length) return { reason: `${file} is incomplete` };
    const passages: Passage[] = [];
    for (let i = 0; i < flat.length;) {
      const [docIndex = -1, start = 0, end = 0, paragraph = 0, section = 0, count = 0] = flat.slice(
        i,
        i + 6,
      );
      i += 6;
      const sentences: Span[] = [];
      for (let k = 0; k < count; k++, i += 2)
        sentences.push({ start: flat[i] ?? 0, end: flat[i + 1] ?? 0 });
      const doc = files[docIndex];
      if (!doc || end > doc.text.length) return { reason: `${file} does not match the seeds` };
      passages.push({
        id: passages.length,
        docIndex,
        start,
        end,
        paragraph,
        section: sections[section] ?? "",
        sentences,
      });
    }
    const counts = new Array<number>(files.length).fill(0);
    for (const p of passages) counts[p.docIndex] = (counts[p.docIndex] ?? 0) + 1;
    const documents = files.map((f, i) => toCorpusDocument(f, titles[i] ?? f.doc, counts[i] ?? 0));
    return { corpus: { documents, passages }, index: restoreIndex(index) };
  } catch (err) {
    return {
      reason: `${file} is corrupt (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`,
    };
  }
}
