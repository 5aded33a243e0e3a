import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { buildCorpus, type Corpus } from "../../src/ingest/corpus.ts";
import { formatOf } from "../../src/ingest/document.ts";
import { buildIndex } from "../../src/search/search-index.ts";
import { tokenize } from "../../src/search/tokenize.ts";

const FILES: Record<string, string> = {
  "boats.txt":
    "Boats\n\n" +
    "The ferry crosses the river twice a day.\n\n" +
    "A ferry ferry ferry horn sounds when the ferry leaves the ferry dock.\n\n" +
    "Fishing boats return to the harbour at dawn with their nets full of herring and cod and mackerel and sprats.\n\n" +
    "The lighthouse keeper counted seventeen ships in the harbour.\n",
  "garden.txt":
    "Garden\n\n" +
    "The orchard grows forty apple trees and six pear trees.\n\n" +
    "Bees from the village pollinate the apple blossom in spring.\n\n" +
    "The gardener prunes the pear trees every winter with a long ladder and sharp shears and patience.\n\n" +
    "The river floods the lower orchard each spring.\n",
};

function corpusOf(files: Record<string, string>): Corpus {
  return buildCorpus(
    Object.entries(files).map(([doc, text]) => ({
      doc,
      text,
      format: formatOf(doc),
      size: text.length,
      mtimeMs: 0,
    })),
  );
}

const corpus = corpusOf(FILES);
const index = buildIndex(corpus);

/** Stemmed terms of a question, as ranking passes them to search(). */
const termsOf = (q: string) => [...new Set(tokenize(q).map((t) => t.term))];

/** The text of a passage, to make failures readable. */
const passageText = (id: number) => {
  const p = corpus.passages[id];
  const d = p ? corpus.documents[p.docIndex] : undefined;
  return p && d ? d.text.slice(p.start, p.end) : `#${id}`;
};

/** MiniSearch's own search over the same passages, with the same fields and boosts. */
function miniSearchOf(c: Corpus): MiniSearch {
  const ms = new MiniSearch({
    fields: ["text", "section"],
    idField: "id",
    tokenize: (s: string) => s.split(" "),
    processTerm: (t: string) => t || null,
    searchOptions: { combineWith: "OR", boost: { section: 0.6 } },
  });
  const terms = (s: string) =>
    tokenize(s)
      .map((t) => t.term)
      .join(" ");
  for (const p of c.passages)
    ms.add({ id: p.id, text: terms(passageText(p.id)), section: terms(p.section) });
  return ms;
}
const ms = miniSearchOf(corpus);
const msTop = (terms: string[], limit: number) =>
  ms
    .search(terms.join(" "))
    .slice(0, limit)
    .map((r) => r.id as number);

describe("fast BM25 over MiniSearch's postings", () => {
  it("has passages to work on", () => {
    expect(corpus.passages.length).toBe(8);
  });

  it.each([
    ["ferry", "A ferry ferry ferry horn sounds when the ferry leaves the ferry dock."],
    ["lighthouse keeper", "The lighthouse keeper counted seventeen ships in the harbour."],
    ["pear trees prune", "The gardener prunes the pear trees every winter"],
    ["apple blossom bees", "Bees from the village pollinate the apple blossom in spring."],
    ["herring", "Fishing boats return to the harbour"],
  ])("puts the obvious passage first for %j, as MiniSearch does", (q, expected) => {
    const terms = termsOf(q);
    const hits = index.search(terms, 3);
    expect(passageText(hits[0]?.id ?? -1)).toContain(expected);
    expect(hits[0]?.id).toBe(msTop(terms, 1)[0]);
  });

  it.each([
    "ferry",
    "river",
    "harbour",
    "apple",
    "pear trees",
    "river orchard spring",
    "trees ships",
  ])("finds the same set of passages as MiniSearch for %j", (q) => {
    const terms = termsOf(q);
    const all = index.search(terms, 1000).map((h) => h.id);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all)).toEqual(new Set(msTop(terms, 1000)));
  });

  it.each(["ferry", "river", "harbour", "apple"])(
    "ranks single-term hits in MiniSearch's order for %j",
    (q) => {
      const terms = termsOf(q);
      expect(index.search(terms, 1000).map((h) => h.id)).toEqual(msTop(terms, 1000));
    },
  );

  it("returns hits best first, at most `limit`, with positive scores", () => {
    const terms = termsOf("ferry river harbour apple pear trees spring orchard");
    const all = index.search(terms, 1000);
    expect(all.length).toBeGreaterThan(5);
    for (let i = 1; i < all.length; i++)
      expect(all[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(all[i]?.score ?? 0);
    for (const h of all) expect(h.score).toBeGreaterThan(0);
    expect(new Set(all.map((h) => h.id)).size).toBe(all.length);
    for (const k of [1, 2, 3, 5]) {
      const top = index.search(terms, k);
      expect(top).toHaveLength(k);
      // The best k are the first k of the full ranking (same scores; ties may swap ids).
      expect(top.map((h) => h.score)).toEqual(all.slice(0, k).map((h) => h.score));
    }
  });

  it("gives a passage matching more of the terms a higher score", () => {
    const [one] = index.search(termsOf("river"), 1);
    const both = index.search(termsOf("river ferry"), 10);
    const crossing = both.find((h) => passageText(h.id).startsWith("The ferry crosses the river"));
    expect(crossing).toBeDefined();
    expect(both[0]?.id).toBe(crossing?.id);
    expect(crossing?.score ?? 0).toBeGreaterThan(one?.score ?? 0);
  });

  it("returns the same hits when asked again (no score left over between searches)", () => {
    const terms = termsOf("ferry river");
    const first = index.search(terms, 3);
    index.search(termsOf("river"), 1);
    index.search(terms, 1);
    expect(index.search(terms, 3)).toEqual(first);
  });

  it("gives no hits for unknown terms, and no error", () => {
    expect(index.search(["zzyzx"], 5)).toEqual([]);
    expect(index.search(termsOf("submarine volcano"), 5)).toEqual([]);
    expect(index.search([], 5)).toEqual([]);
    expect(index.knows("zzyzx")).toBe(false);
  });

  it("ignores unknown terms next to known ones", () => {
    expect(index.search([...termsOf("ferry"), "zzyzx"], 5)).toEqual(
      index.search(termsOf("ferry"), 5),
    );
  });
});
