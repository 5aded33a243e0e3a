import type { Span } from "./span.ts";
import { parseDocument, type Format } from "./document.ts";
import type { SeedFile } from "./loader.ts";
import { runSteps, type Steps } from "./steps.ts";

/** One seed document held in memory, with what citations need. */
export interface CorpusDocument {
  doc: string;
  title: string;
  text: string;
  format: Format;
  size: number;
  mtimeMs: number;
  /** Offsets where each line starts, for line numbers. */
  lineStarts: number[];
  passages: number;
}

/** A passage as indexed: MiniSearch ranks these, sentences are cut from them. */
export interface Passage {
  id: number;
  docIndex: number;
  start: number;
  end: number;
  paragraph: number;
  section: string;
  sentences: Span[];
}

/** The parsed seeds: documents and their passages, numbered in load order. */
export interface Corpus {
  documents: CorpusDocument[];
  passages: Passage[];
  /**
   * Sentences and characters over the whole corpus, when known without walking it (a restored
   * corpus reads them off its tables: its passages are made on each read and its texts decoded
   * on first use).
   */
  totals?: CorpusTotals;
}

/** Sentences over all passages and characters over all texts. */
export interface CorpusTotals {
  sentences: number;
  characters: number;
}

/** The totals of a corpus, walking it only when it does not carry them. */
export function totalsOf(corpus: Corpus): CorpusTotals {
  return (
    corpus.totals ?? {
      sentences: corpus.passages.reduce((n, p) => n + p.sentences.length, 0),
      characters: corpus.documents.reduce((n, d) => n + d.text.length, 0),
    }
  );
}

/** A loaded seed file as the corpus holds it (after parsing, or restored from the cache). */
export function toCorpusDocument(file: SeedFile, title: string, passages: number): CorpusDocument {
  return {
    doc: file.doc,
    title,
    text: file.text,
    format: file.format,
    size: file.size,
    mtimeMs: file.mtimeMs,
    lineStarts: lineStartsOf(file.text),
    passages,
  };
}

/** Offsets at which each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line number of `offset`, by binary search over line starts. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function fileNameTitle(doc: string): string {
  const base = doc.split("/").at(-1) ?? doc;
  return base.replace(/\.(rst\.txt|txt|md|markdown|rst)$/i, "");
}

/** Parses every file into documents and passages. */
export function buildCorpus(files: readonly SeedFile[]): Corpus {
  return runSteps(corpusSteps(files));
}

/** Characters parsed between pauses when parsing in the background. */
const CHARACTERS_PER_STEP = 1_000_000;

/** Parsing as steps (see steps.ts): `runStepsInBackground(corpusSteps(files))`. */
export function* corpusSteps(files: readonly SeedFile[]): Steps<Corpus> {
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  let sincePause = 0;
  for (const file of files) {
    sincePause += file.text.length;
    if (sincePause > CHARACTERS_PER_STEP) {
      sincePause = 0;
      yield;
    }
    const parsed = parseDocument(file.text, file.format, fileNameTitle(file.doc));
    const docIndex = documents.length;
    for (const p of parsed.passages) passages.push({ id: passages.length, docIndex, ...p });
    documents.push(toCorpusDocument(file, parsed.title, parsed.passages.length));
  }
  return { documents, passages };
}
