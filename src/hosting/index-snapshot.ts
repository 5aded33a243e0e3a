import type { Corpus, Passage } from "../ingest/corpus.ts";
import { toCorpusDocument } from "../ingest/corpus.ts";
import { formatOf } from "../ingest/document.ts";
import type { Steps } from "../ingest/steps.ts";
import type { FieldPostings } from "../search/postings.ts";
import { restoreIndex, type SearchIndex } from "../search/search-index.ts";
import { toChunk, type SectionData } from "./index-file.ts";

/** The sections of a persisted index, as read back: a header and bytes by name. */
export interface Sections {
  header: Record<string, unknown>;
  section(name: string): Buffer;
}

/** What a snapshot restores to. */
export interface Restored {
  corpus: Corpus;
  index: SearchIndex;
  /** The load warnings of the build, repeated at each restore. */
  warnings: string[];
}

const FIELDS = ["lengths", "offsets", "docs", "tfs", "bound"] as const;
/** Passages restored between pauses when restoring in the background. */
const PASSAGES_PER_STEP = 20_000;

/**
 * The corpus layout, texts and index as named sections (see index-file.ts). Typed arrays are
 * views, and texts are encoded one document at a time as the sections are walked: no buffer
 * of the whole corpus is ever built.
 */
export function toSections(
  key: string,
  corpus: Corpus,
  index: SearchIndex,
  warnings: readonly string[],
): { header: Record<string, unknown>; sections: SectionData[] } {
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
  const documents = corpus.documents.map((d) => [
    d.doc,
    d.title,
    d.size,
    d.mtimeMs,
    Buffer.byteLength(d.text, "utf8"),
  ]);
  const one = (name: string, value: ArrayBufferView | string) => ({
    name,
    chunks: [toChunk(value)],
  });
  const texts = {
    *[Symbol.iterator]() {
      for (const d of corpus.documents) yield toChunk(d.text);
    },
  };
  return {
    header: {
      key,
      passages: postings.size,
      fields: postings.fields.map(({ avg, boost }) => ({ avg, boost })),
    },
    sections: [
      one("documents", JSON.stringify(documents)),
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
  };
}

// A copy, so that the one buffer read from the file (texts included) can be let go.
const u32 = (b: Buffer) =>
  new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const f64 = (b: Buffer) =>
  new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

function* toCorpus(f: Sections): Steps<Corpus> {
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
    if (i > 0 && i % (PASSAGES_PER_STEP * 6) === 0) yield;
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

function toIndex(f: Sections, size: number): SearchIndex {
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
 * Restores the corpus and index from sections, checking that they fit together (a checksum
 * does not catch a writer's bug or a crafted file); throws saying what does not fit. As steps
 * (see steps.ts), so that a live swap never holds the event loop for long.
 */
export function* fromSections(f: Sections): Steps<Restored> {
  const corpus = yield* toCorpus(f);
  const size = Number(f.header["passages"]);
  if (size !== corpus.passages.length) throw new Error("the passage count does not match");
  yield;
  const index = toIndex(f, size);
  return { corpus, index, warnings: json(f.section("warnings")) as string[] };
}
