import { crc32 } from "node:zlib";
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
  /**
   * Set when the sections are read from a file that stays open: a document's text is then read
   * from it (`bytes` from `at` of its text section) when first asked for, not at restore.
   */
  range?(name: string, at: number, bytes: number): Buffer;
  /** A section's length in bytes; with `range`. */
  bytesOf?(name: string): number;
  /** Closes the file; with `range`, called once the corpus reading from it is collected. */
  close?(): Promise<void>;
}

/** Where a restored corpus turns when a text read from the file fails its checksum. */
export interface RestoreOptions {
  /**
   * Told of each document whose persisted text was corrupt (to warn, and drop the file), and
   * whether its seed file gave the very text indexed instead (`recovered`).
   */
  onCorruptText?: (doc: string, recovered: boolean) => void;
  /** Reads a document's seed file (of the size recorded) as text, or gives null: the fallback. */
  readSeedText?: (doc: string, size: number) => string | null;
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

/** Where a document's text is: piece, character offset and length, byte offset and length, checksum. */
type Place = [
  piece: number,
  at: number,
  length: number,
  byteAt: number,
  bytes: number,
  crc: number,
];

/** Groups documents into text pieces (one open piece per encoding), in document order. */
function piecesOf(documents: readonly CorpusDocument[]) {
  const pieces: Piece[] = [];
  const open = new Map<Encoding, Piece>();
  const where: Place[] = []; // by document
  documents.forEach((d, i) => {
    const encoding: Encoding = ONE_BYTE.test(d.text) ? "latin1" : "utf8";
    let piece = open.get(encoding);
    if (!piece || piece.bytes >= TEXT_PIECE_BYTES) {
      piece = { encoding, docs: [], bytes: 0, chars: 0 };
      open.set(encoding, piece);
      pieces.push(piece);
    }
    // Each text has its own checksum: a restart reads a document's bytes when it is first
    // asked for, not the whole section, and checks them then.
    const bytes = Buffer.from(d.text, encoding);
    where.push([
      pieces.lastIndexOf(piece),
      piece.chars,
      d.text.length,
      piece.bytes,
      bytes.length,
      crc32(bytes),
    ]);
    piece.docs.push(i);
    piece.bytes += bytes.length;
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
    ...(where[i] ?? [0, 0, 0, 0, 0, 0]),
  ]);
  const one = (name: string, value: ArrayBufferView | string) => ({
    name,
    chunks: [toChunk(value)],
  });
  return {
    // The section count is in the header, so a restore can check the passage table without
    // parsing the section headings (they are parsed when a passage is first read).
    header: { texts: pieces.map((p) => p.encoding), sectionCount: sections.length },
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

/** The texts of a restored corpus, each read when its document's text is first asked for. */
interface TextSource {
  text(doc: string, size: number, place: Place): string;
  /** Whether `text` is the document's text, read from the file or not. */
  same(text: string, place: Place, own: () => string): boolean;
}

/** Whether `text` is exactly the text a place's length, encoding and checksum describe. */
function fits(text: string, encoding: Encoding, [, , length, , , crc]: Place): boolean {
  return (
    text.length === length &&
    (encoding === "utf8" || ONE_BYTE.test(text)) &&
    crc32(Buffer.from(text, encoding)) === crc
  );
}

/**
 * Texts over section bytes held in memory (a fresh build, a worker's transfer): one string per
 * piece, decoded on first use, its bytes let go once decoded.
 */
class PieceTexts implements TextSource {
  readonly #bytes: (Buffer | null)[];
  readonly #texts: (string | undefined)[] = [];
  constructor(
    bytes: Buffer[],
    readonly encodings: readonly Encoding[],
  ) {
    this.#bytes = bytes;
  }
  text(doc: string, _size: number, [piece, at, length]: Place): string {
    let whole = this.#texts[piece];
    if (whole === undefined) {
      whole = this.#bytes[piece]?.toString(this.encodings[piece]) ?? "";
      this.#texts[piece] = whole;
      this.#bytes[piece] = null;
    }
    // The bytes' checksum held at open, so only a writer's bug (or a crafted file) gets here.
    if (at + length > whole.length) throw corrupt(doc, "is shorter than recorded");
    return at === 0 && length === whole.length ? whole : whole.slice(at, at + length);
  }
  same(text: string, _place: Place, own: () => string): boolean {
    return text === own();
  }
}

const corrupt = (doc: string, why: string) =>
  new Error(
    `the persisted index is corrupt: ${doc} ${why}; ` +
      "delete the cache folder's index file to rebuild it",
  );

/** Closes an index file once the texts reading from it are collected. */
const closeWhenCollected = new FinalizationRegistry<{ close?(): Promise<void> }>((file) => {
  void file.close?.();
});

/**
 * Texts read from the open index file, one document at a time, each checked against its own
 * checksum. A text that fails it is read from its seed file instead when that file still holds
 * exactly the text indexed (same checksum); the corruption is reported once.
 */
class FileTexts implements TextSource {
  constructor(
    private readonly f: Required<Pick<Sections, "range">>,
    private readonly encodings: readonly Encoding[],
    private readonly options: RestoreOptions,
  ) {}
  text(doc: string, size: number, place: Place): string {
    const [piece, , length, byteAt, bytes, crc] = place;
    const encoding = this.encodings[piece] ?? "utf8";
    const raw = this.f.range(`text${piece}`, byteAt, bytes);
    if (crc32(raw) === crc) {
      const text = raw.toString(encoding);
      if (text.length === length) return text;
    }
    // latin1 keeps only each character's low byte: a seed edited to a character past U+00FF
    // would otherwise pass for the original (fits() checks the length and the range too).
    const fromSeed = this.options.readSeedText?.(doc, size) ?? null;
    const recovered = fromSeed !== null && fits(fromSeed, encoding, place);
    this.options.onCorruptText?.(doc, recovered);
    if (!recovered)
      throw corrupt(doc, "does not match its checksum, and its seed file has changed since");
    return fromSeed;
  }
  same(text: string, place: Place): boolean {
    return fits(text, this.encodings[place[0]] ?? "utf8", place);
  }
}

/**
 * A restored document: its text is a slice of a text piece, decoded when first read (a restart's
 * first answer reads a few documents, not all), its line starts made on first use.
 */
class RestoredDocument implements CorpusDocument {
  readonly format: Format;
  // Where the text comes from is no part of the document's value (a restored corpus equals
  // the built one): kept in # fields.
  readonly #texts: TextSource;
  readonly #place: Place;
  #text: string | null = null;
  #lineStarts: number[] | null = null;
  constructor(
    readonly doc: string,
    readonly title: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly passages: number,
    texts: TextSource,
    place: Place,
  ) {
    this.format = formatOf(doc);
    this.#texts = texts;
    this.#place = place;
  }
  get text(): string {
    return (this.#text ??= this.#texts.text(this.doc, this.size, this.#place));
  }
  get lineStarts(): number[] {
    return (this.#lineStarts ??= lineStartsOf(this.text));
  }
  /**
   * Whether `text` is this document's text. From an index file this checks its length and
   * checksum without reading the text (the background seed check compares every document).
   */
  sameText(text: string): boolean {
    return this.#text !== null
      ? text === this.#text
      : this.#texts.same(text, this.#place, () => this.text);
  }
}

const u32 = (b: Buffer) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
const json = (b: Buffer): unknown => JSON.parse(b.toString("utf8"));

/**
 * Restores the corpus: documents over their texts, and passages read from the table when asked
 * for (passage-list.ts). From an open file (`f.range`), nothing of the texts is read here: each
 * is read and checked when first asked for, and the file is closed once the corpus is collected;
 * otherwise the text pieces are decoded on first use. Throws saying what does not fit.
 */
export function* restoreCorpus(f: Sections, options: RestoreOptions = {}): Steps<Corpus> {
  type Row = [string, string, number, number, number, ...Place];
  const rows = json(f.section("documents")) as Row[];
  const encodings = (f.header["texts"] ?? []) as Encoding[];
  if (encodings.some((e) => e !== "latin1" && e !== "utf8"))
    throw new Error("a text has no encoding");
  const { range, bytesOf } = f;
  let texts: TextSource;
  let pieceBytes: number[];
  if (range && bytesOf) {
    texts = new FileTexts({ range: range.bind(f) }, encodings, options);
    closeWhenCollected.register(texts, f);
    pieceBytes = encodings.map((_, n) => bytesOf.call(f, `text${n}`));
  } else {
    const bytes: Buffer[] = [];
    for (const n of encodings.keys()) {
      if (n > 0) yield;
      bytes.push(f.section(`text${n}`));
    }
    texts = new PieceTexts(bytes, encodings);
    pieceBytes = bytes.map((b) => b.length);
  }
  let characters = 0;
  const documents = rows.map(([doc, title, size, mtimeMs, passages, ...place]) => {
    const [piece, at, length, byteAt, bytes, crc] = place;
    const own = pieceBytes[piece];
    // UTF-8 takes at least one byte a character, latin1 exactly one.
    const inRange =
      own !== undefined &&
      [at, length, byteAt, bytes, crc].every((n) => Number.isSafeInteger(n) && n >= 0) &&
      at + length <= own &&
      byteAt + bytes <= own &&
      length <= bytes;
    if (!inRange) throw new Error("the texts are shorter than recorded");
    characters += length;
    return new RestoredDocument(doc, title, size, mtimeMs, passages, texts, place);
  });
  yield;
  const sectionCount = Number(f.header["sectionCount"]);
  if (!Number.isSafeInteger(sectionCount)) throw new Error("the section count is missing");
  const sectionBytes = f.section("sections");
  let sections: string[] | null = null;
  const headings = (): readonly string[] => {
    if (sections) return sections;
    const parsed = json(sectionBytes);
    // Checksummed and counted at write: a mismatch is a writer's bug or a crafted file.
    if (!Array.isArray(parsed) || parsed.length !== sectionCount)
      throw new Error("the persisted index is corrupt: its section headings do not fit");
    return (sections = parsed as string[]);
  };
  const table = u32(f.section("passages"));
  const spans = u32(f.section("sentences"));
  const sentences = checkPassageTable(
    table,
    spans,
    sectionCount,
    rows.map((r) => r[7]),
  );
  return {
    documents,
    passages: toPassageList(table, spans, headings),
    totals: { sentences, characters },
  };
}
