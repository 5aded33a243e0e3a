import type { Passage } from "../ingest/corpus.ts";

/** u32 fields per passage in the persisted table. */
export const PASSAGE_FIELDS = 7;

/**
 * The passages of a restored corpus as an array whose elements are made when read, from the
 * persisted table (docIndex, start, end, paragraph, section id, first sentence, sentence
 * count) and sentence spans: a restore creates no object per passage, and answering reads
 * only the few passages the index ranks. Elements are fresh objects on each read; the section
 * headings are asked for (parsed) when the first one is read.
 */
export function toPassageList(
  table: Uint32Array,
  spans: Uint32Array,
  sections: () => readonly string[],
): Passage[] {
  const count = Math.floor(table.length / PASSAGE_FIELDS);
  const at = (id: number): Passage => {
    const o = id * PASSAGE_FIELDS;
    const first = table[o + 5] ?? 0;
    const n = table[o + 6] ?? 0;
    const sentences = new Array<{ start: number; end: number }>(n);
    for (let k = 0; k < n; k++) {
      const s = (first + k) * 2;
      sentences[k] = { start: spans[s] ?? 0, end: spans[s + 1] ?? 0 };
    }
    return {
      id,
      docIndex: table[o] ?? 0,
      start: table[o + 1] ?? 0,
      end: table[o + 2] ?? 0,
      paragraph: table[o + 3] ?? 0,
      section: sections()[table[o + 4] ?? 0] ?? "",
      sentences,
    };
  };
  const indexOf = (p: string | symbol): number => {
    if (typeof p !== "string" || p === "" || p.charCodeAt(0) > 57 || p.charCodeAt(0) < 48)
      return -1;
    const i = Number(p);
    return Number.isInteger(i) && i < count && String(i) === p ? i : -1;
  };
  // A holey array of the right length as the target, so that length reads agree everywhere.
  const target: Passage[] = [];
  target.length = count;
  return new Proxy(target, {
    get(t, p, receiver) {
      const i = indexOf(p);
      return i === -1 ? Reflect.get(t, p, receiver) : at(i);
    },
    has: (t, p) => indexOf(p) !== -1 || Reflect.has(t, p),
    getOwnPropertyDescriptor(t, p) {
      const i = indexOf(p);
      if (i === -1) return Reflect.getOwnPropertyDescriptor(t, p);
      return { value: at(i), writable: false, enumerable: true, configurable: true };
    },
    ownKeys: (t) => [...Array.from({ length: count }, (_, i) => String(i)), ...Reflect.ownKeys(t)],
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}

/**
 * Checks the table against the documents' text lengths; throws saying what does not fit.
 * Returns the sentences of every passage (the sentence-count column summed), in the same pass.
 */
export function checkPassageTable(
  table: Uint32Array,
  spans: Uint32Array,
  sectionCount: number,
  textLengths: readonly number[],
): number {
  if (table.length % PASSAGE_FIELDS !== 0) throw new Error("the passage table is cut short");
  let sentences = 0;
  for (let o = 0; o < table.length; o += PASSAGE_FIELDS) {
    sentences += table[o + 6] ?? 0;
    const length = textLengths[table[o] ?? -1];
    const start = table[o + 1] ?? 0;
    const end = table[o + 2] ?? 0;
    const last = (table[o + 5] ?? 0) + (table[o + 6] ?? 0);
    if (
      length === undefined ||
      start > end ||
      end > length ||
      (table[o + 4] ?? 0) >= sectionCount ||
      last * 2 > spans.length
    )
      throw new Error("a passage does not fit its document");
  }
  return sentences;
}
