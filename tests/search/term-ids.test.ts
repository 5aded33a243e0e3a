import { describe, expect, it } from "vitest";
import { sortedTermIds, toSortedTerms } from "../../src/search/term-ids.ts";

describe("sortedTermIds", () => {
  // Ids in build order, not sorted: the table sorts them; prefixes and non-ASCII terms included.
  const terms = ["ship", "harbour", "sh", "shipwright", "zürich", "1842", "a", "éclair", "ships"];
  const { text, starts, order } = toSortedTerms(terms);
  const ids = sortedTermIds(text, starts, order);

  it("finds every term's own id by binary search", () => {
    expect(terms.map((t) => ids.get(t))).toEqual(terms.map((_, i) => i));
  });

  it("finds no other term, asked once or again (memoised)", () => {
    for (const other of ["", "s", "shi", "shipwrights", "zurich", "18", "zz", "harbour\n"]) {
      expect(ids.get(other)).toBeUndefined();
      expect(ids.get(other)).toBeUndefined();
    }
  });

  it("lays the terms out as one text, by id, each ending in a newline", () => {
    expect(text).toBe(terms.map((t) => `${t}\n`).join(""));
    expect([...starts].slice(0, 3)).toEqual([0, 5, 13]);
    expect(starts.at(-1)).toBe(text.length);
    expect([...order].map((i) => terms[i])).toEqual([...terms].sort());
  });
});
