import { readFileSync } from "node:fs";

/** Word counts of general English per stem, as read from the generated table. */
export interface FrequencyTable {
  /** Occurrences of each stem (all its word forms summed). */
  counts: ReadonlyMap<string, number>;
  /** Running words in the source corpus, stop words included. */
  total: number;
  /** Distinct words in the source list (for add-one smoothing). */
  types: number;
}

// Committed data, rebuilt by `npm run lexicon` (tools/lexicon-frequency.ts); see data/README.md.
const TABLE = new URL("./data/general-frequency.txt", import.meta.url);

/** Parses the text of general-frequency.txt; throws naming the first line that does not fit. */
export function parseFrequencyTable(text: string): FrequencyTable {
  const fail = (why: string): never => {
    throw new Error(`general-frequency: ${why}; rebuild it with \`npm run lexicon\``);
  };
  const sizes = /^# total (\d+) types (\d+)\b/m.exec(text);
  if (!sizes) fail('the table has no "# total N types N" header line');
  const total = Number(sizes?.[1]);
  const types = Number(sizes?.[2]);
  const counts = new Map<string, number>();
  // One pass of indexOf over the text, no array of lines: this runs before a restart's first answer.
  for (let at = 0, n = 1; at < text.length; n++) {
    const next = text.indexOf("\n", at);
    const end = next === -1 ? text.length : next;
    if (end > at && text.charCodeAt(at) !== 35 /* # */) {
      const found = text.indexOf("\t", at);
      const tab = found === -1 || found > end ? -1 : found;
      const count = Number(text.slice(at, tab));
      if (tab < at + 1 || !Number.isInteger(count) || count < 1)
        fail(
          `line ${n} is not "count<TAB>stems": ${JSON.stringify(text.slice(at, end).slice(0, 40))}`,
        );
      for (let from = tab + 1; from < end;) {
        const space = text.indexOf(" ", from);
        const stop = space === -1 || space > end ? end : space;
        if (stop > from) counts.set(text.slice(from, stop), count);
        from = stop + 1;
      }
    }
    at = end + 1;
  }
  if (counts.size === 0) fail("the table lists no words");
  return { counts, total, types };
}

let table: FrequencyTable | null = null;

// Read on first use, not at import: answering a question needs it, building an index does not.
function loaded(): FrequencyTable {
  table ??= parseFrequencyTable(readFileSync(TABLE, "utf8"));
  return table;
}

/** Occurrences of a stemmed term in general English (SUBTLEXus, ~50M words); 0 if never seen. */
export function generalCount(term: string): number {
  return loaded().counts.get(term) ?? 0;
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
