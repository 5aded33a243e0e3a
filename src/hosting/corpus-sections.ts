import type { Corpus, CorpusDocument } from "../ingest/corpus.ts";
import { lineStartsOf } from "../ingest/corpus.ts";
import { formatOf, type Format } from "../ingest/document.ts";
import type { Steps } from "../ingest/steps.ts";
import { toChunk, type SectionData } from "./index-file.ts";
import {
  checkPassageTable,
  PASSAGE_FIELDS,
  sentenceCountIn,
  toPassageList,
} from "./passage-list.ts";

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

/** The texts of a restored corpus: one string per piece, decoded from its bytes on first use. */
class TextPieces {
  readonly #bytes: (Buffer | null)[];
  readonly #texts: (string | undefined)[] = [];
  constructor(
    bytes: Buffer[],
    readonly encodings: readonly Encoding[],
  ) {
    this.#bytes = bytes;
  }
  /** Piece `n` as a string; its bytes are let go once decoded. */
  text(n: number): string {
    let text = this.#texts[n];
    if (text === undefined) {
      text = this.#bytes[n]?.toString(this.encodings[n]) ?? "";
      this.#texts[n] = text;
      this.#bytes[n] = null;
    }
    return text;
  }
}

/**
 * A restored document: its text is a slice of a text piece, decoded when first read (a restart's
 * first answer reads a few documents, not all), its line starts made on first use.
 */
class RestoredDocument implements CorpusDocument {
  readonly format: Format;
  #text: string | null = null;
  #lineStarts: number[] | null = null;
  constructor(
    readonly doc: string,
    readonly title: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly passages: number,
    private readonly pieces: TextPieces,
    private readonly where: readonly [piece: number, at: number, length: number],
  ) {
    this.format = formatOf(doc);
  }
  get text(): string {
    if (this.#text === null) {
      const [piece, at, length] = this.where;
      const whole = this.pieces.text(piece);
      // The bytes' checksum held at open, so only a writer's bug (or a crafted file) gets here.
      if (at + length > whole.length)
        throw new Error(
          `the persisted index is corrupt: ${this.doc} is shorter than recorded; ` +
            "delete the cache folder's index file to rebuild it",
        );
      this.#text = at === 0 && length === whole.length ? whole : whole.slice(at, at + length);
    }
    return this.#text;
  }
  get lineStarts(): number[] {
    return (this.#lineStarts ??= lineStartsOf(this.text));
  }
}

const u32 = (b: Buffer) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

/**
 * Restores the corpus: the bytes of each text piece read (and checksummed; a pause after each)
 * but decoded only when a document's text is first read, documents over them, and passages
 * read from the table when asked for (passage-list.ts). Throws saying what does not fit.
 */
export function* restoreCorpus(f: Sections): Steps<Corpus> {
  type Row = [string, string, number, number, number, number, number, number];
  const rows = json(f.section("documents")) as Row[];
  const encodings = (f.header["texts"] ?? []) as Encoding[];
  const bytes: Buffer[] = [];
  for (const [n, encoding] of encodings.entries()) {
    if (n > 0) yield;
    if (encoding !== "latin1" && encoding !== "utf8") throw new Error("a text has no encoding");
    bytes.push(f.section(`text${n}`));
  }
  const pieces = new TextPieces(bytes, encodings);
  let characters = 0;
  const documents = rows.map(([doc, title, size, mtimeMs, passages, piece, at, length]) => {
    const own = bytes[piece];
    // UTF-8 takes at least one byte a character, latin1 exactly one.
    if (own === undefined || !(at >= 0 && length >= 0 && at + length <= own.length))
      throw new Error("the texts are shorter than recorded");
    characters += length;
    return new RestoredDocument(doc, title, size, mtimeMs, passages, pieces, [piece, at, length]);
  });
  yield;
  const sections = json(f.section("sections")) as string[];
  const table = u32(f.section("passages"));
  const spans = u32(f.section("sentences"));
  checkPassageTable(
    table,
    spans,
    sections.length,
    rows.map((r) => r[7]),
  );
  return {
    documents,
    passages: toPassageList(table, spans, sections),
    totals: { sentences: sentenceCountIn(table), characters },
  };
}
