import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../src/ingest/corpus.ts";
import { buildIndex } from "../../src/search/search-index.ts";
import { B, K1, tfPart, type Postings } from "../../src/search/postings.ts";

// A corpus where pruning matters: a few very common words, many rare ones, and whole
// paragraphs repeated (as in a corpus holding several copies of a manual), so scores tie.
const VOCABULARY = Array.from(
  { length: 300 },
  (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`,
);
const pick = (seed: number) => VOCABULARY[Math.floor(300 * ((seed * 0.618034) % 1) ** 3)] ?? "x";
const paragraphs = Array.from({ length: 900 }, (_, p) => {
  const n = 4 + (p % 9);
  return `${Array.from({ length: n }, (_, w) => pick(p * 31 + w * 7 + 1)).join(" ")}.`;
});
const text = (copy: number) =>
  `Copy ${copy}\n\n${paragraphs.map((p, i) => (i % 50 === 0 ? `Part ${i}\n=====\n\n${p}` : p)).join("\n\n")}\n`;
const corpus = buildCorpus(
  [0, 1, 2].map((copy) => ({
    doc: `copy-${copy}.rst`,
    text: text(copy),
    format: "rst" as const,
    size: 0,
    mtimeMs: 0,
  })),
);
const index = buildIndex(corpus);
const { postings } = index.toSnapshot();

/** Full evaluation of every posting, as ranking did before pruning: the reference. */
function fullTop(p: Postings, terms: readonly string[], k: number) {
  const scores = new Map<number, number>();
  for (const term of terms) {
    const t = p.ids.get(term);
    if (t === undefined) continue;
    const weight = index.idf(term);
    for (const f of p.fields) {
      for (let i = f.offsets[t] ?? 0; i < (f.offsets[t + 1] ?? 0); i++) {
        const id = f.docs[i] ?? 0;
        const tf = f.tfs[i] ?? 0;
        const len = f.lengths[id] ?? 0;
        const s = (weight * f.boost * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / f.avg));
        scores.set(id, (scores.get(id) ?? 0) + s);
      }
    }
  }
  // Map order is first-touch order; a stable sort keeps it among equal scores.
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

const stems = [...postings.terms];

describe("top-k with pruning", () => {
  it("indexes enough passages for pruning to matter, with tied scores", () => {
    expect(corpus.passages.length).toBeGreaterThan(2500);
    const all = fullTop(postings, [stems[0] ?? ""], 10_000);
    expect(new Set(all.map((h) => h.score)).size).toBeLessThan(all.length);
  });

  it("gives exactly the full evaluation's best k: same ids, order, ties and scores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...stems), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (terms, k) => {
          const unique = [...new Set(terms)];
          expect(index.search(unique, k)).toEqual(fullTop(postings, unique, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("bounds each list by its best posting", () => {
    for (const f of postings.fields) {
      for (let t = 0; t < postings.terms.length; t += 7) {
        for (let i = f.offsets[t] ?? 0; i < (f.offsets[t + 1] ?? 0); i++) {
          const part = tfPart(f.tfs[i] ?? 0, f.lengths[f.docs[i] ?? 0] ?? 0, f.avg);
          expect(part).toBeLessThanOrEqual(f.bound[t] ?? 0);
        }
      }
    }
  });
});

describe("search within listed passages", () => {
  it("gives the full evaluation's best k among the listed passages only", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...stems), { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: corpus.passages.length - 1 }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 20 }),
        (terms, ids, k) => {
          const unique = [...new Set(terms)];
          const listed = new Set(ids);
          const expected = fullTop(postings, unique, 100_000)
            .filter((h) => listed.has(h.id))
            .slice(0, k);
          expect(index.searchWithin(unique, ids, k)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds nothing in passages that hold none of the terms, or with no passages listed", () => {
    expect(index.searchWithin(["nosuchterm"], [0, 1, 2], 5)).toEqual([]);
    expect(index.searchWithin([stems[0] ?? ""], [], 5)).toEqual([]);
  });
});
