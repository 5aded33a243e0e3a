import { B, K1, type FieldPostings, type Postings } from "./postings.ts";

/** A passage and its BM25 score. */
export interface Scored {
  id: number;
  score: number;
}

/** One term's postings in one field, with what the term can add to a passage at most. */
export interface List {
  field: number;
  from: number;
  to: number;
  weight: number;
  bound: number;
}

/** Where `id` sits in `docs[from, to)`, or -1 (the lists are ascending). */
export function find(docs: Uint32Array, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid] ?? 0;
    if (d === id) return mid;
    if (d < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The posting lists of weighted terms, one per term and field that holds it, in query order. */
export function listsOf(
  postings: Postings,
  terms: readonly { term: string; weight: number }[],
): List[] {
  const lists: List[] = [];
  for (const { term, weight } of terms) {
    const t = postings.ids.get(term);
    if (t === undefined) continue;
    postings.fields.forEach((f, field) => {
      const from = f.offsets[t] ?? 0;
      const to = f.offsets[t + 1] ?? 0;
      const w = weight * f.boost;
      if (to > from) lists.push({ field, from, to, weight: w, bound: w * (f.bound[t] ?? 0) });
    });
  }
  return lists;
}

/**
 * What the posting at `at` of a list adds to its passage's BM25 score (the same expression as
 * tfPart, computed where it is needed, so scores are bit for bit those of a full evaluation).
 */
export function contribution(fields: readonly FieldPostings[], list: List, at: number): number {
  const f = fields[list.field] as FieldPostings;
  const tf = f.tfs[at] ?? 0;
  const norm = K1 * (1 - B + (B * (f.lengths[f.docs[at] ?? 0] ?? 0)) / f.avg);
  return (list.weight * (tf * (K1 + 1))) / (tf + norm);
}

/**
 * The exact BM25 scores of `ids[0, n)` over the lists, summed in query order as a full
 * evaluation would, best first, at most `k`; ties keep the order in which a full evaluation first
 * meets them (query order, then passage id). A passage no list holds is left out.
 */
export function rankExact(
  postings: Postings,
  lists: readonly List[],
  ids: ArrayLike<number>,
  n: number,
  k: number,
): Scored[] {
  const out: (Scored & { first: number })[] = [];
  for (let j = 0; j < n; j++) {
    const id = ids[j] as number;
    let score = 0;
    let first = -1;
    lists.forEach((list, m) => {
      const docs = (postings.fields[list.field] as FieldPostings).docs;
      const at = find(docs, list.from, list.to, id);
      if (at === -1) return;
      if (first === -1) first = m;
      score += contribution(postings.fields, list, at);
    });
    if (first !== -1) out.push({ id, score, first });
  }
  out.sort((a, b) => b.score - a.score || a.first - b.first || a.id - b.id);
  return out.slice(0, k).map(({ id, score }) => ({ id, score }));
}

/**
 * BM25 of the listed passages only (a thread's documents), best first, at most `k`: each term is
 * looked up in each listed passage, so the cost follows the list, not the corpus.
 */
export function scoreWithin(
  postings: Postings,
  terms: readonly { term: string; weight: number }[],
  ids: readonly number[],
  k: number,
): Scored[] {
  return rankExact(postings, listsOf(postings, terms), ids, ids.length, k);
}
