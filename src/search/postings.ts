import type MiniSearch from "minisearch";
import type { TermIds } from "./term-ids.ts";

/** One field's posting lists as flat typed arrays (compressed sparse rows by term id). */
export interface FieldPostings {
  /** Weight of a match in this field. */
  boost: number;
  /** Mean field length in terms, as MiniSearch computed it (BM25 normalises by it). */
  avg: number;
  /** Field length in terms, by passage id. */
  lengths: Counts;
  /** Term id t's postings are `docs`/`tfs` from `offsets[t]` to `offsets[t + 1]`, ids ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Counts;
  /** Largest BM25 term-frequency part of each term's list: the list's score bound over idf. */
  bound: Float64Array;
}

/**
 * MiniSearch's inverted index laid out as typed arrays: ~7x smaller than its Maps, persisted
 * and restored without any parsing, and scanned without a Map lookup per posting.
 */
export interface Postings {
  /** Term id by stemmed term. */
  readonly ids: TermIds;
  /** Term by id. */
  readonly terms: readonly string[];
  readonly fields: readonly FieldPostings[];
  /** Number of passages (ids run from 0). */
  readonly size: number;
}

/** Small counts (term frequencies, field lengths) in the narrowest array that holds them. */
export type Counts = Uint8Array | Uint16Array | Uint32Array;

/** `values` copied into the narrowest unsigned array that holds every one of them. */
export function toCounts(values: Uint32Array): Counts {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max < 0x100 ? Uint8Array.from(values) : max < 0x10000 ? Uint16Array.from(values) : values;
}

/** BM25 parameters. */
export const K1 = 1.2;
/** BM25 length normalisation. */
export const B = 0.75;

/** BM25's term-frequency part of one posting; scores are `weight * boost *` this. */
export function tfPart(tf: number, length: number, avg: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avg));
}

/** Bound of each term's list over idf: the largest {@link tfPart} among its postings. */
export function boundsOf(
  f: Omit<FieldPostings, "bound" | "boost">,
  termCount: number,
): Float64Array {
  const bound = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    let max = 0;
    for (let i = f.offsets[t] ?? 0, end = f.offsets[t + 1] ?? 0; i < end; i++) {
      const part = tfPart(f.tfs[i] ?? 0, f.lengths[f.docs[i] ?? 0] ?? f.avg, f.avg);
      if (part > max) max = part;
    }
    bound[t] = max;
  }
  return bound;
}

interface Internals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, unknown>;
}

/**
 * Copies MiniSearch's index into typed arrays. It reads MiniSearch 7.2's internal fields (the
 * version is pinned exactly) and throws if they are not laid out as expected, so an upgrade
 * fails the tests instead of ranking differently. `extraTerms` get ids even without postings.
 */
export function freezePostings(
  ms: MiniSearch,
  boosts: Readonly<Record<string, number>>,
  extraTerms: Iterable<string>,
  size: number,
): Postings {
  const m = ms as unknown as Partial<Internals>;
  const { _index, _fieldIds, _fieldLength, _avgFieldLength, _documentIds } = m;
  if (!_index || !_fieldIds || !(_fieldLength instanceof Map) || !(_documentIds instanceof Map))
    throw new Error("citebot: MiniSearch's internal layout changed; pin minisearch 7.2.0");
  const idOf = (shortId: number) => {
    const id = _documentIds.get(shortId);
    if (typeof id !== "number" || id < 0 || id >= size)
      throw new Error(`citebot: unexpected MiniSearch document id ${String(id)}`);
    return id;
  };
  const entries = [..._index];
  const ids = new Map<string, number>();
  const terms: string[] = [];
  for (const [term] of entries) ids.set(term, terms.push(term) - 1);
  for (const term of extraTerms) if (!ids.has(term)) ids.set(term, terms.push(term) - 1);
  const fields = Object.entries(boosts).map(([name, boost]) => {
    const fieldId = _fieldIds[name];
    if (typeof fieldId !== "number") throw new Error(`citebot: no MiniSearch field ${name}`);
    const lengths = new Uint32Array(size);
    for (const [shortId, ls] of _fieldLength) lengths[idOf(shortId)] = ls[fieldId] ?? 0;
    let count = 0;
    for (const [, data] of entries) count += data.get(fieldId)?.size ?? 0;
    const offsets = new Uint32Array(terms.length + 1);
    const docs = new Uint32Array(count);
    const tfs = new Uint32Array(count);
    let at = 0;
    entries.forEach(([, data], t) => {
      offsets[t] = at;
      // Documents were added in id order, so each list is already ascending.
      for (const [shortId, tf] of data.get(fieldId) ?? []) {
        docs[at] = idOf(shortId);
        tfs[at++] = tf;
      }
    });
    offsets.fill(at, entries.length);
    const avg = _avgFieldLength?.[fieldId] || 1;
    const f = { avg, lengths: toCounts(lengths), offsets, docs, tfs: toCounts(tfs) };
    return { boost, ...f, bound: boundsOf(f, terms.length) };
  });
  return { ids, terms, fields, size };
}
