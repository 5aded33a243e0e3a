import { createHash } from "node:crypto";
import path from "node:path";
import type { Corpus, Passage } from "../ingest/corpus.ts";
import { toCorpusDocument } from "../ingest/corpus.ts";
import { formatOf } from "../ingest/document.ts";
import type { FieldPostings } from "../search/postings.ts";
import { restoreIndex, type SearchIndex } from "../search/search-index.ts";
import { readIndexFile, toChunk, writeIndexFile, type IndexFile } from "./index-file.ts";
import type { SeedStamp } from "./seed-stamps.ts";
import { CITEBOT_VERSION } from "./version.ts";

/** Bumped whenever the persisted layout or the indexing rules change. */
export const INDEX_FORMAT = 4;
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

const FIELDS = ["lengths", "offsets", "docs", "tfs", "bound"] as const;

/**
 * Writes the corpus layout, texts and index (see index-file.ts), with the load warnings to
 * repeat at each restore. Throws CacheTooLargeError over `maxBytes`, or a file system error.
 */
export async function saveIndex(
  file: string,
  key: string,
  corpus: Corpus,
  index: SearchIndex,
  warnings: readonly string[],
  maxBytes = DEFAULT_MAX_CACHE_BYTES,
): Promise<void> {
  const sections: string[] = [];
  const sectionIds = new Map<string, number>();
  const passages = new Uint32Array(corpus.passages.length * 6);
  const sentences = new Uint32Array(
    corpus.passages.reduce((n, p) => n + p.sentences.length * 2, 0),
  );
  let s = 0;
  corpus.passages.forEach((p, i) => {
    let id = sectionIds.get(p.section);
    if (id === undefined) {
      id = sections.push(p.section) - 1;
      sectionIds.set(p.section, id);
    }
    passages.set([p.docIndex, p.start, p.end, p.paragraph, id, p.sentences.length], i * 6);
    for (const span of p.sentences) {
      sentences[s++] = span.start;
      sentences[s++] = span.end;
    }
  });
  const { postings, df, words } = index.toSnapshot();
  const texts = corpus.documents.map((d) => toChunk(d.text));
  const documents = corpus.documents.map((d, i) => [
    d.doc,
    d.title,
    d.size,
    d.mtimeMs,
    texts[i]?.byteLength ?? 0,
  ]);
  const one = (name: string, value: ArrayBufferView | string) => ({
    name,
    chunks: [toChunk(value)],
  });
  await writeIndexFile(
    file,
    INDEX_FORMAT,
    {
      key,
      passages: postings.size,
      fields: postings.fields.map(({ avg, boost }) => ({ avg, boost })),
    },
    [
      one("documents", JSON.stringify(documents)),
      // Texts go one document at a time: no buffer of the whole corpus is ever built.
      { name: "texts", chunks: texts },
      one("sections", JSON.stringify(sections)),
      one("passages", passages),
      one("sentences", sentences),
      one("terms", JSON.stringify(postings.terms)),
      one("df", df),
      ...postings.fields.flatMap((f, n) => FIELDS.map((k) => one(`${k}${n}`, f[k]))),
      one("words", JSON.stringify([...words()])),
      one("warnings", JSON.stringify(warnings)),
    ],
    maxBytes,
  );
}

/** A restored index, or why a persisted one was not used. */
export type LoadOutcome =
  { corpus: Corpus; index: SearchIndex; warnings: string[] } | { reason: string };

// A copy, so that the one buffer read from the file (texts included) can be let go.
const u32 = (b: Buffer) =>
  new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const f64 = (b: Buffer) =>
  new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

function toCorpus(f: IndexFile): Corpus {
  const docs = json(f.section("documents")) as [string, string, number, number, number][];
  const sections = json(f.section("sections")) as string[];
  const textBytes = f.section("texts");
  const flat = u32(f.section("passages"));
  const spans = f.section("sentences");
  const sentenceAt = new Uint32Array(spans.buffer, spans.byteOffset, spans.byteLength / 4);
  const texts: string[] = [];
  let at = 0;
  for (const [, , , , bytes] of docs) {
    if (!(at + bytes <= textBytes.length)) throw new Error("the texts are shorter than recorded");
    texts.push(textBytes.toString("utf8", at, at + bytes));
    at += bytes;
  }
  const passages: Passage[] = [];
  const counts = new Array<number>(docs.length).fill(0);
  let s = 0;
  for (let i = 0; i < flat.length; i += 6) {
    const [docIndex = -1, start = 0, end = 0, paragraph = 0, section = 0, count = 0] =
      flat.subarray(i, i + 6);
    const text = texts[docIndex];
    if (text === undefined || start > end || end > text.length || s + count * 2 > sentenceAt.length)
      throw new Error("a passage does not fit its document");
    const sentences = [];
    for (let k = 0; k < count; k++, s += 2)
      sentences.push({ start: sentenceAt[s] ?? 0, end: sentenceAt[s + 1] ?? 0 });
    counts[docIndex] = (counts[docIndex] ?? 0) + 1;
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
  const documents = docs.map(([doc, title, size, mtimeMs], i) =>
    toCorpusDocument(
      { doc, text: texts[i] ?? "", format: formatOf(doc), size, mtimeMs },
      title,
      counts[i] ?? 0,
    ),
  );
  return { documents, passages };
}

function toIndex(f: IndexFile, size: number): SearchIndex {
  const terms = json(f.section("terms")) as string[];
  const ids = new Map<string, number>();
  terms.forEach((t, i) => ids.set(t, i));
  const meta = (f.header["fields"] ?? []) as { avg: number; boost: number }[];
  const fields: FieldPostings[] = meta.map(({ avg, boost }, n) => {
    const field = {
      boost: Number(boost),
      avg: Number(avg),
      lengths: u32(f.section(`lengths${n}`)),
      offsets: u32(f.section(`offsets${n}`)),
      docs: u32(f.section(`docs${n}`)),
      tfs: u32(f.section(`tfs${n}`)),
      bound: f64(f.section(`bound${n}`)),
    };
    if (
      field.lengths.length !== size ||
      field.offsets.length !== terms.length + 1 ||
      field.bound.length !== terms.length ||
      field.tfs.length !== field.docs.length ||
      field.offsets.at(-1) !== field.docs.length ||
      field.docs.some((d) => d >= size)
    )
      throw new Error("the postings do not fit together");
    return field;
  });
  const df = u32(f.section("df"));
  if (df.length !== terms.length) throw new Error("the term statistics do not fit the terms");
  // A copy: a view would keep the whole file's bytes alive until the first misspelling.
  const words = Buffer.from(f.section("words"));
  return restoreIndex({
    postings: { ids, terms, fields, size },
    df,
    words: () => json(words) as [string, number][],
  });
}

/**
 * Reads a persisted index if it was written for `key` (the same seeds, options and version).
 * Never throws and never hangs: a missing, foreign, truncated, corrupt or special file (FIFO,
 * device, folder) comes back as a reason, for one warning and a rebuild.
 */
export async function loadIndex(
  file: string,
  key: string,
  maxBytes = DEFAULT_MAX_CACHE_BYTES,
): Promise<LoadOutcome> {
  try {
    const f = await readIndexFile(file, INDEX_FORMAT, maxBytes, (header) =>
      header["key"] === key ? null : "the seeds, options or citebot version changed",
    );
    if (!f) return { reason: "no persisted index yet" };
    const corpus = toCorpus(f);
    const size = Number(f.header["passages"]);
    if (size !== corpus.passages.length) throw new Error("the passage count does not match");
    const index = toIndex(f, size);
    return { corpus, index, warnings: json(f.section("warnings")) as string[] };
  } catch (err) {
    return {
      reason: `${file} cannot be used: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
