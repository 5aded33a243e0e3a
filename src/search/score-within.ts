import { B, K1, type FieldPostings, type Postings } from "./postings.ts";
import { find, type Scored } from "./top-k.ts";

/**
 * BM25 of the listed passages only, best first, at most `k`: the same sums as a full
 * evaluation's, but each term is looked up in each listed passage (a binary search per pair), so
 * the cost follows the list, not the corpus. For searching the few documents a thread has quoted.
 */
export function scoreWithin(
  postings: Postings,
  terms: readonly { term: string; weight: number }[],
  ids: readonly number[],
  k: number,
): Scored[] {
  const lists: { f: FieldPostings; from: number; to: number; weight: number }[] = [];
  for (const { term, weight } of terms) {
    const t = postings.ids.get(term);
    if (t === undefined) continue;
    for (const f of postings.fields) {
      const from = f.offsets[t] ?? 0;
      const to = f.offsets[t + 1] ?? 0;
      if (to > from) lists.push({ f, from, to, weight: weight * f.boost });
    }
  }
  const out: (Scored & { first: number })[] = [];
  for (const id of ids) {
    let score = 0;
    let first = -1;
    lists.forEach(({ f, from, to, weight }, m) => {
      const at = find(f.docs, from, to, id);
      if (at === -1) return;
      if (first === -1) first = m;
      const tf = f.tfs[at] ?? 0;
      const norm = K1 * (1 - B + (B * (f.lengths[id] ?? 0)) / f.avg);
      score += (weight * (tf * (K1 + 1))) / (tf + norm);
    });
    if (score > 0) out.push({ id, score, first });
  }
  out.sort((a, b) => b.score - a.score || a.first - b.first || a.id - b.id);
  return out.slice(0, k).map(({ id, score }) => ({ id, score }));
}
