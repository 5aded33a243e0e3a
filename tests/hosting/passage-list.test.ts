import { describe, expect, it } from "vitest";
import { checkPassageTable, toPassageList } from "../../src/hosting/passage-list.ts";

// Two passages of document 0 and one of document 1; the second passage has no sentence.
const TABLE = Uint32Array.from([0, 0, 10, 0, 0, 0, 2, 0, 10, 12, 1, 1, 2, 0, 1, 0, 5, 2, 1, 2, 1]);
const SPANS = Uint32Array.from([0, 4, 5, 10, 0, 5]);
const SECTIONS = ["Intro", "Usage"];
const EXPECTED = [
  {
    id: 0,
    docIndex: 0,
    start: 0,
    end: 10,
    paragraph: 0,
    section: "Intro",
    sentences: [
      { start: 0, end: 4 },
      { start: 5, end: 10 },
    ],
  },
  { id: 1, docIndex: 0, start: 10, end: 12, paragraph: 1, section: "Usage", sentences: [] },
  {
    id: 2,
    docIndex: 1,
    start: 0,
    end: 5,
    paragraph: 2,
    section: "Usage",
    sentences: [{ start: 0, end: 5 }],
  },
];

describe("passage list (restored passages, made when read)", () => {
  const list = toPassageList(TABLE, SPANS, () => SECTIONS);

  it("reads each passage from the table, as the corpus held it", () => {
    expect(list.length).toBe(3);
    expect(list[1]).toEqual(EXPECTED[1]);
    expect(list[3]).toBeUndefined();
    expect(list[-1 as number]).toBeUndefined();
  });

  it("behaves as an array for the ways the code walks passages", () => {
    expect(Array.isArray(list)).toBe(true);
    expect([...list]).toEqual(EXPECTED);
    expect(list.map((p) => p.id)).toEqual([0, 1, 2]);
    expect(list.reduce((n, p) => n + p.sentences.length, 0)).toBe(3);
    expect(Object.keys(list)).toEqual(["0", "1", "2"]);
    expect(1 in list && !(3 in list)).toBe(true);
    expect(JSON.parse(JSON.stringify(list))).toEqual(EXPECTED);
  });

  it("cannot be changed", () => {
    expect(() => {
      "use strict";
      (list as unknown as unknown[])[0] = null;
    }).toThrow(TypeError);
    expect(list[0]).toEqual(EXPECTED[0]);
  });

  it("accepts a table that fits its documents and refuses one that does not", () => {
    expect(() => checkPassageTable(TABLE, SPANS, 2, [12, 5])).not.toThrow();
    expect(() => checkPassageTable(TABLE, SPANS, 2, [11, 5])).toThrow(/does not fit/);
    expect(() => checkPassageTable(TABLE, SPANS, 2, [12])).toThrow(/does not fit/);
    expect(() => checkPassageTable(TABLE, SPANS, 1, [12, 5])).toThrow(/does not fit/);
    expect(() => checkPassageTable(TABLE, SPANS.subarray(0, 4), 2, [12, 5])).toThrow(/not fit/);
    expect(() => checkPassageTable(TABLE.subarray(0, 8), SPANS, 2, [12, 5])).toThrow(/cut short/);
  });
});
