import { readFileSync } from "node:fs";
import { dataStart, findLine } from "./sorted-lines.ts";

/** How a related stem stands to the one looked up, as WordNet relates their words. */
export type RelationKind = "derived" | "synonym" | "broader" | "narrower";

/** A stem that may stand for another in a question, and how much a match through it is worth. */
export interface RelatedStem {
  readonly stem: string;
  readonly kind: RelationKind;
  /** RELATION_WEIGHTS of the kind, against 1 for the stem itself. */
  readonly weight: number;
}

/**
 * Default worth of a match through each kind, against 1 for an exact one: a derivation
 * (agree/agreement) keeps most of the meaning, a synonym in a common sense less, a broader or
 * narrower word (money/fund) least. Starting points, not tuned: ranking should fit its own.
 */
export const RELATION_WEIGHTS: Readonly<Record<RelationKind, number>> = {
  derived: 0.8,
  synonym: 0.6,
  broader: 0.4,
  narrower: 0.4,
};

const KIND_OF: Readonly<Record<string, RelationKind>> = {
  d: "derived",
  s: "synonym",
  b: "broader",
  n: "narrower",
};

// Committed data, rebuilt by `npm run lexicon` (tools/lexicon-related.ts); see data/README.md.
const TABLE = new URL("./data/related-stems.txt", import.meta.url);

/** One line's related stems, or null when the line does not fit. */
function parseEntries(from: string, entries: string): readonly RelatedStem[] | null {
  const related: RelatedStem[] = [];
  for (const entry of entries.split(" ")) {
    const kind = KIND_OF[entry.slice(0, entry.indexOf(":"))];
    const stem = entry.slice(entry.indexOf(":") + 1);
    if (!from || !kind || !stem || stem === from) return null;
    related.push(Object.freeze({ stem, kind, weight: RELATION_WEIGHTS[kind] }));
  }
  return Object.freeze(related);
}

const refusal = (line: string, n: number) =>
  new Error(
    `related-stems: line ${n} is not "stem<TAB>kind:stem …" (kinds d, s, b, n): ` +
      `${JSON.stringify(line.slice(0, 60))}; rebuild it with \`npm run lexicon\``,
  );

/**
 * Parses the text of related-stems.txt, checking every line and that the stems are in
 * code-unit order (the lookup's binary search needs it); throws naming the first line that
 * does not fit.
 */
export function parseRelationTable(text: string): ReadonlyMap<string, readonly RelatedStem[]> {
  const table = new Map<string, readonly RelatedStem[]>();
  const lines = text.split("\n");
  let previous = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "" || line.startsWith("#")) continue;
    const [from = "", entries = ""] = line.split("\t");
    const related = parseEntries(from, entries);
    if (!related || (table.size > 0 && !(previous < from))) throw refusal(line, i + 1);
    table.set(from, related);
    previous = from;
  }
  return table;
}

const NONE: readonly RelatedStem[] = Object.freeze([]);

/**
 * A lookup over the text of related-stems.txt that finds a stem's line by binary search over
 * the sorted lines (sorted-lines.ts) and parses it when the stem is first asked for: a start-up
 * parses nothing of the ~15,000 lines. Gives what {@link parseRelationTable} gives; a line that
 * does not fit throws when the search meets it.
 */
export function createRelationLookup(text: string): (stem: string) => readonly RelatedStem[] {
  const first = dataStart(text);
  const lineNumber = (at: number) => text.slice(0, at).split("\n").length;
  const parsed = new Map<string, readonly RelatedStem[]>();
  return (stem) => {
    const done = parsed.get(stem);
    if (done) return done;
    const found = findLine(text, first, stem, (line) => {
      throw refusal(line, lineNumber(text.indexOf(line)));
    });
    if (!found) return NONE;
    const related = parseEntries(stem, text.slice(found.tab + 1, found.end));
    if (!related) throw refusal(text.slice(found.start, found.end), lineNumber(found.start));
    parsed.set(stem, related);
    return related;
  };
}

let lookup: ((stem: string) => readonly RelatedStem[]) | null = null;

/**
 * Stems related to a stemmed term in its common senses ("monei" → "fund", narrower; "agre" →
 * "agreement", derived), derivations first, then synonyms, broader and narrower; [] if none.
 * Read on first use.
 */
export function relatedStems(stem: string): readonly RelatedStem[] {
  lookup ??= createRelationLookup(readFileSync(TABLE, "utf8"));
  return lookup(stem);
}
