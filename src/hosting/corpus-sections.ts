import type { Corpus, CorpusDocument } from "../ingest/corpus.ts";
import { lineStartsOf } from "../ingest/corpus.ts";
import { formatOf, type Format } from "../ingest/document.ts";
import type { Steps } from "../ingest/steps.ts";
import { toChunk, type SectionData } from "./index-file.ts";
import { checkPassageTable, PASSAGE_FIELDS, toPassageList } from "./passage-list.ts";

/** The sections of a persisted index, as read back: a header and bytes by name. */
export interface Sections {
  header: Record<string, unknown>;
  /** A section's bytes; those of a text section are only valid until the next text read. */
  section(name: string): Buffer;
}

/** Texts are written in pieces of about this many bytes: each is one string when read back. */
const TEXT_PIECE_BYTES = 1024 * 1024;
/** Sections holding the texts, read once and decoded, never kept as bytes. */
export const isTextSection = (name: string) => name.startsWith("text");

// One-byte texts are stored as latin1 (one byte a character, and V8 keeps them one byte a
// character); the rest as UTF-8, smaller on disk than UTF-16 for mostly-English text.
type Encoding = "latin1" | "utf8";
const ONE_BYTE = /^[^\u0100-\uffff]*$/;

interface Piece {
  encoding: Encoding;
  docs: number[];
  bytes: number;
  chars: number;
}

/** Groups documents into text pieces (one open piece per encoding), in document order. */
function piecesOf(documents: readonly CorpusDocument[]) {
  const pieces: Piece[] = [];
  const open = new Map<Encoding, Piece>();
  const where: [number, number][] = []; // piece and character offset, by document
  documents.forEach((d, i) => {
    const encoding: Encoding = ONE_BYTE.test(d.text) ? "latin1" : "utf8";
    let piece = open.get(encoding);
    if (!piece || piece.bytes >= TEXT_PIECE_BYTES) {
      piece = { encoding, docs: [], bytes: 0, chars: 0 };
      open.set(encoding, piece);
      pieces.push(piece);
    }
    where.push([pieces.lastIndexOf(piece), piece.chars]);
    piece.docs.push(i);
    piece.bytes += Buffer.byteLength(d.text, encoding);
    piece.chars += d.text.length;
  });
  return { pieces, where };
}

/** The corpus as a header part and sections (texts last: they are read apart, see index-file.ts). */
export function corpusSections(corpus: Corpus): {
  header: Record<string, unknown>;
  first: SectionData[];
  texts: SectionData[];
} {
  const sections: string[] = [];
  const sectionIds = new Map<string, number>();
  const table = new Uint32Array(corpus.passages.length * PASSAGE_FIELDS);
  const spans = new Uint32Array(corpus.passages.reduce((n, p) => n + p.sentences.length * 2, 0));
  let s = 0;
  corpus.passages.forEach((p, i) => {
    let id = sectionIds.get(p.section);
    if (id === undefined) {
      id = sections.push(p.section) - 1;
      sectionIds.set(p.section, id);
    }
    const row = [p.docIndex, p.start, p.end, p.paragraph, id, s / 2, p.sentences.length];
    table.set(row, i * PASSAGE_FIELDS);
    for (const span of p.sentences) {
      spans[s++] = span.start;
      spans[s++] = span.end;
    }
  });
  const { pieces, where } = piecesOf(corpus.documents);
  const documents = corpus.documents.map((d, i) => [
    d.doc,
    d.title,
    d.size,
    d.mtimeMs,
    d.passages,
    ...(where[i] ?? [0, 0]),
    d.text.length,
  ]);
  const one = (name: string, value: ArrayBufferView | string) => ({
    name,
    chunks: [toChunk(value)],
  });
  return {
    header: { texts: pieces.map((p) => p.encoding) },
    first: [
      one("documents", JSON.stringify(documents)),
      one("sections", JSON.stringify(sections)),
      one("passages", table),
      one("sentences", spans),
    ],
    // Each document is encoded when the writer reaches it: no buffer of all texts is built.
    texts: pieces.map((p, n) => ({
      name: `text${n}`,
      chunks: {
        *[Symbol.iterator]() {
          for (const k of p.docs) yield Buffer.from(corpus.documents[k]?.text ?? "", p.encoding);
        },
      },
    })),
  };
}

/** A restored document: its text is a slice of a decoded piece, its line starts made on first use. */
class RestoredDocument implements CorpusDocument {
  readonly format: Format;
  #lineStarts: number[] | null = null;
  constructor(
    readonly doc: string,
    readonly title: string,
    readonly text: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly passages: number,
  ) {
    this.format = formatOf(doc);
  }
  get lineStarts(): number[] {
    return (this.#lineStarts ??= lineStartsOf(this.text));
  }
}

const u32 = (b: Buffer) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

/**
 * Restores the corpus: one string per text piece (a pause after each), documents as slices of
 * them, and passages read from the table when asked for (passage-list.ts). Throws saying what
 * does not fit.
 */
export function* restoreCorpus(f: Sections): Steps<Corpus> {
  type Row = [string, string, number, number, number, number, number, number];
  const rows = json(f.section("documents")) as Row[];
  const encodings = (f.header["texts"] ?? []) as Encoding[];
  const pieces: string[] = [];
  for (const [n, encoding] of encodings.entries()) {
    if (n > 0) yield;
    const b = f.section(`text${n}`);
    pieces.push(b.toString(encoding));
  }
  const documents = rows.map(([doc, title, size, mtimeMs, passages, piece, at, length]) => {
    const text = pieces[piece];
    if (text === undefined || !(at >= 0 && at + length <= text.length))
      throw new Error("the texts are shorter than recorded");
    const own = at === 0 && length === text.length ? text : text.slice(at, at + length);
    return new RestoredDocument(doc, title, own, size, mtimeMs, passages);
  });
  yield;
  const sections = json(f.section("sections")) as string[];
  const table = u32(f.section("passages"));
  const spans = u32(f.section("sentences"));
  checkPassageTable(
    table,
    spans,
    sections.length,
    documents.map((d) => d.text.length),
  );
  return { documents, passages: toPassageList(table, spans, sections) };
}
