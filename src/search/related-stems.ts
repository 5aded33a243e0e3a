import { readFileSync } from "node:fs";

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

/** Parses the text of related-stems.txt; throws naming the first line that does not fit. */
export function parseRelationTable(text: string): ReadonlyMap<string, readonly RelatedStem[]> {
  const table = new Map<string, readonly RelatedStem[]>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "" || line.startsWith("#")) continue;
    const [from = "", entries = ""] = line.split("\t");
    const related = entries.split(" ").map((entry) => {
      const kind = KIND_OF[entry.slice(0, entry.indexOf(":"))];
      const stem = entry.slice(entry.indexOf(":") + 1);
      if (!kind || !stem || stem === from) return null;
      return Object.freeze({ stem, kind, weight: RELATION_WEIGHTS[kind] });
    });
    if (!from || related.includes(null))
      throw new Error(
        `related-stems: line ${i + 1} is not "stem<TAB>kind:stem …" (kinds d, s, b, n): ` +
          `${JSON.stringify(line.slice(0, 60))}; rebuild it with \`npm run lexicon\``,
      );
    table.set(from, Object.freeze(related as RelatedStem[]));
  }
  return table;
}

let table: ReadonlyMap<string, readonly RelatedStem[]> | null = null;
const NONE: readonly RelatedStem[] = Object.freeze([]);

/**
 * Stems related to a stemmed term in its common senses ("monei" → "fund", narrower; "agre" →
 * "agreement", derived), derivations first, then synonyms, broader and narrower; [] if none.
 * Read on first use.
 */
export function relatedStems(stem: string): readonly RelatedStem[] {
  table ??= parseRelationTable(readFileSync(TABLE, "utf8"));
  return table.get(stem) ?? NONE;
}
