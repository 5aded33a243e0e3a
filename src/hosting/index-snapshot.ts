import type { Corpus } from "../ingest/corpus.ts";
import type { Steps } from "../ingest/steps.ts";
import type { Counts, FieldPostings } from "../search/postings.ts";
import { restoreIndex, type SearchIndex } from "../search/search-index.ts";
import { sortedTermIds, sortedTermsFit, termsOf, toSortedTerms } from "../search/term-ids.ts";
import {
  corpusSections,
  restoreCorpus,
  type RestoreOptions,
  type Sections,
} from "./corpus-sections.ts";
import { toChunk, type SectionData } from "./index-file.ts";

export type { RestoreOptions, Sections } from "./corpus-sections.ts";

/** What a snapshot restores to. */
export interface Restored {
  corpus: Corpus;
  index: SearchIndex;
  /** The load warnings of the build, repeated at each restore. */
  warnings: string[];
}

const FIELDS = ["lengths", "offsets", "docs", "tfs", "bound"] as const;

function termSections(terms: readonly string[]): SectionData[] {
  const { text, starts, order } = toSortedTerms(terms);
  return [
    { name: "terms", chunks: [toChunk(text)] },
    { name: "termStarts", chunks: [toChunk(starts)] },
    { name: "termOrder", chunks: [toChunk(order)] },
  ];
}

/**
 * The corpus layout, texts and index as named sections (see index-file.ts): typed arrays are
 * views, and texts are encoded one document at a time as the sections are walked, so no
 * buffer of the whole corpus is ever built. Text sections come last (read apart at restore).
 */
export function toSections(
  key: string,
  corpus: Corpus,
  index: SearchIndex,
  warnings: readonly string[],
): { header: Record<string, unknown>; sections: SectionData[] } {
  const { postings, df, words } = index.toSnapshot();
  const { header, first, texts } = corpusSections(corpus);
  const one = (name: string, value: ArrayBufferView | string) => ({
    name,
    chunks: [toChunk(value)],
  });
  return {
    header: {
      ...header,
      key,
      passages: postings.size,
      fields: postings.fields.map(({ avg, boost, lengths, tfs }) => ({
        avg,
        boost,
        lengths: lengths.BYTES_PER_ELEMENT,
        tfs: tfs.BYTES_PER_ELEMENT,
      })),
    },
    sections: [
      ...first,
      // The terms by id as one text, and their ids in sorted order: looked up by binary search
      // at restore, with no Map built (term-ids.ts).
      ...termSections(postings.terms),
      one("df", df),
      ...postings.fields.flatMap((f, n) => FIELDS.map((k) => one(`${k}${n}`, f[k]))),
      one("words", JSON.stringify([...words()])),
      one("warnings", JSON.stringify(warnings)),
      ...texts,
    ],
  };
}

/** The sections as one buffer each, as a worker transfers them or a fresh build keeps them. */
export function toBuffers(sections: readonly SectionData[]): Record<string, ArrayBuffer> {
  const buffers: Record<string, ArrayBuffer> = {};
  for (const s of sections) {
    const chunks = [...s.chunks];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    buffers[s.name] = out.buffer;
  }
  return buffers;
}

/** Sections over buffers from {@link toBuffers}. */
export function fromBuffers(
  header: Record<string, unknown>,
  buffers: Readonly<Record<string, ArrayBuffer>>,
): Sections {
  return {
    header,
    section(name) {
      const b = buffers[name];
      if (!b) throw new Error(`there is no ${name} section`);
      return Buffer.from(b);
    },
  };
}

// Views on the bytes read, not copies: everything the index keeps is in that one buffer (the
// texts are read apart and decoded), so nothing is copied or parsed before the first answer.
const u32 = (b: Buffer) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const f64 = (b: Buffer) => new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
const counts = (b: Buffer, bytes: unknown): Counts =>
  bytes === 1
    ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    : bytes === 2
      ? new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2)
      : u32(b);
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

/** Postings checked between pauses (a live swap of a large index must not hold the loop). */
const POSTINGS_PER_STEP = 1 << 20;

/**
 * The largest of `docs[from, end)`. A plain function called from the steps: V8 does not optimise
 * a loop inside a generator while it runs (no on-stack replacement), and a fresh process would
 * scan a million postings in the interpreter (~15 ms at 1x).
 */
function maxOf(docs: Uint32Array, from: number, end: number): number {
  let max = 0;
  for (let i = from; i < end; i++) {
    const d = docs[i] as number;
    if (d > max) max = d;
  }
  return max;
}

/** Whether every passage id in `docs` is below `size`, in steps. */
function* idsBelow(docs: Uint32Array, size: number): Steps<boolean> {
  for (let from = 0; from < docs.length; from += POSTINGS_PER_STEP) {
    if (from > 0) yield;
    if (maxOf(docs, from, Math.min(docs.length, from + POSTINGS_PER_STEP)) >= size) return false;
  }
  return true;
}

function* toIndex(f: Sections, size: number): Steps<SearchIndex> {
  const text = f.section("terms").toString("utf8");
  const starts = u32(f.section("termStarts"));
  const order = u32(f.section("termOrder"));
  const count = order.length;
  if (!sortedTermsFit(text, starts, order)) throw new Error("the terms do not fit together");
  // The term list itself is only made if the index is persisted again.
  let terms: string[] | null = null;
  type Meta = { avg: number; boost: number; lengths: number; tfs: number };
  const meta = (f.header["fields"] ?? []) as Meta[];
  const fields: FieldPostings[] = [];
  for (const [n, { avg, boost, lengths, tfs }] of meta.entries()) {
    yield;
    const field = {
      boost: Number(boost),
      avg: Number(avg),
      lengths: counts(f.section(`lengths${n}`), lengths),
      offsets: u32(f.section(`offsets${n}`)),
      docs: u32(f.section(`docs${n}`)),
      tfs: counts(f.section(`tfs${n}`), tfs),
      bound: f64(f.section(`bound${n}`)),
    };
    if (
      field.lengths.length !== size ||
      field.offsets.length !== count + 1 ||
      field.bound.length !== count ||
      field.tfs.length !== field.docs.length ||
      field.offsets.at(-1) !== field.docs.length ||
      !(yield* idsBelow(field.docs, size))
    )
      throw new Error("the postings do not fit together");
    fields.push(field);
  }
  const df = u32(f.section("df"));
  if (df.length !== count) throw new Error("the term statistics do not fit the terms");
  const words = f.section("words");
  return restoreIndex({
    postings: {
      ids: sortedTermIds(text, starts, order),
      get terms() {
        return (terms ??= termsOf(text, starts));
      },
      fields,
      size,
    },
    df,
    words: () => json(words) as [string, number][],
  });
}

/**
 * Restores the corpus and index from sections, checking that they fit together (a checksum
 * does not catch a writer's bug or a crafted file); throws saying what does not fit. As steps
 * (see steps.ts), so that a live swap never holds the event loop for long.
 */
export function* fromSections(f: Sections, options: RestoreOptions = {}): Steps<Restored> {
  const corpus = yield* restoreCorpus(f, options);
  const size = Number(f.header["passages"]);
  if (size !== corpus.passages.length) throw new Error("the passage count does not match");
  yield;
  const index = yield* toIndex(f, size);
  return { corpus, index, warnings: json(f.section("warnings")) as string[] };
}
