import { readFileSync } from "node:fs";
import { dataStart, findLine } from "./sorted-lines.ts";

/** Word counts of general English per stem, as read from the generated table. */
export interface FrequencyTable {
  /** Occurrences of each stem (all its word forms summed). */
  counts: ReadonlyMap<string, number>;
  /** Running words in the source corpus, stop words included. */
  total: number;
  /** Distinct words in the source list (for add-one smoothing). */
  types: number;
}

/** Counts looked up in the table's text, parsing nothing ahead (see {@link createFrequencyLookup}). */
export interface FrequencyLookup {
  /** Occurrences of a stem; 0 if the table does not list it. */
  count(term: string): number;
  total: number;
  types: number;
}

// Committed data, rebuilt by `npm run lexicon` (tools/lexicon-frequency.ts); see data/README.md.
const TABLE = new URL("./data/general-frequency.txt", import.meta.url);

const refusal = (why: string) =>
  new Error(`general-frequency: ${why}; rebuild it with \`npm run lexicon\``);

function sizesOf(text: string): { total: number; types: number } {
  const sizes = /^# total (\d+) types (\d+)\b/m.exec(text);
  if (!sizes) throw refusal('the table has no "# total N types N" header line');
  return { total: Number(sizes[1]), types: Number(sizes[2]) };
}

const notALine = (line: string) => refusal(`"${line.slice(0, 40)}" is not a "stem<TAB>count" line`);

/** The count of the "stem<TAB>count" line at [start, end) whose tab is at `tab`, or why not. */
function countOf(text: string, start: number, tab: number, end: number): number {
  const count = Number(text.slice(tab + 1, end));
  if (tab <= start || tab >= end || !Number.isInteger(count) || count < 1)
    throw notALine(text.slice(start, end));
  return count;
}

/**
 * Parses the whole text of general-frequency.txt ("stem<TAB>count" lines in code-unit order of
 * the stem, after "#" header lines), checking every line and the order; throws naming the
 * first line that does not fit. Answering uses {@link createFrequencyLookup} instead.
 */
export function parseFrequencyTable(text: string): FrequencyTable {
  const { total, types } = sizesOf(text);
  const counts = new Map<string, number>();
  let previous = "";
  for (let at = dataStart(text); at < text.length;) {
    const next = text.indexOf("\n", at);
    const end = next === -1 ? text.length : next;
    const found = text.indexOf("\t", at);
    const tab = found === -1 || found > end ? end : found;
    const count = countOf(text, at, tab, end);
    const stem = text.slice(at, tab);
    if (counts.size > 0 && !(previous < stem))
      throw refusal(`"${stem}" is out of order (after "${previous}")`);
    counts.set(stem, count);
    previous = stem;
    at = end + 1;
  }
  if (counts.size === 0) throw refusal("the table lists no words");
  return { counts, total, types };
}

/**
 * Counts found by binary search over the table's sorted lines (sorted-lines.ts): nothing is
 * parsed at start-up. A line the search meets that does not fit throws, naming it.
 */
export function createFrequencyLookup(text: string): FrequencyLookup {
  const { total, types } = sizesOf(text);
  const first = dataStart(text);
  const refuse = (line: string): never => {
    throw notALine(line);
  };
  const count = (term: string): number => {
    const line = findLine(text, first, term, refuse);
    return line ? countOf(text, line.start, line.tab, line.end) : 0;
  };
  return { count, total, types };
}

let table: FrequencyLookup | null = null;

// Read on first use, not at import: answering a question needs it, building an index does not.
function loaded(): FrequencyLookup {
  table ??= createFrequencyLookup(readFileSync(TABLE, "utf8"));
  return table;
}

/** Occurrences of a stemmed term in general English (SUBTLEXus, ~50M words); 0 if never seen. */
export function generalCount(term: string): number {
  return loaded().count(term);
}

/**
 * How informative a stemmed term is in general English: its self-information in nats,
 * ln((N + V) / (count + 1)). About 6–7 for chat words ("want", "kind"), 10–14 for topic
 * words ("statu", "impeach"), and the most, ln(N + V) ≈ 17.7, for words never seen (names).
 */
export function generalIdf(term: string): number {
  const { total, types } = loaded();
  return Math.log((total + types) / (generalCount(term) + 1));
}

/**
 * Zipf frequency of a stemmed term (van Heuven et al. 2014): log10 of occurrences per billion
 * words, add-one smoothed. 1–3 is rare, 4–7 common; unseen words get about 1.3.
 */
export function zipfFrequency(term: string): number {
  const { total, types } = loaded();
  return Math.log10(((generalCount(term) + 1) / (total + types)) * 1e9);
}
