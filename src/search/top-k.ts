import { B, K1, type FieldPostings, type Postings } from "./postings.ts";
import { contribution, find, listsOf, rankExact, type List, type Scored } from "./bm25-lists.ts";

// Pruning compares float sums taken in another order than the exact scores: keep a margin so
// rounding never prunes a passage that ties the last kept one.
const SLACK = 1 - 1e-9;

/** Restores the min-heap order of `heap[0, size)` below position `i`. */
function siftDown(heap: Float64Array, i: number, size: number): void {
  const v = heap[i] as number;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    if (c + 1 < size && (heap[c + 1] as number) < (heap[c] as number)) c++;
    if ((heap[c] as number) >= v) break;
    heap[i] = heap[c] as number;
    i = c;
  }
  heap[i] = v;
}

/**
 * Creates BM25 top-k over frozen postings with MaxScore-style pruning: lists are read from the
 * highest-scoring term down, and once the lists left cannot lift an unseen passage into the
 * best `k`, they are only probed (binary search) for the passages still in reach. Results equal
 * a full evaluation's: survivors are re-scored in query order and ties keep the order in which
 * a full evaluation first meets them (query term order, then passage id).
 */
export function createTopK(postings: Postings) {
  const { fields, size } = postings;
  // Scratch space reused by every search: scores and the passages touched (zeroed pages: a
  // search touches only the pages of the passages it scores).
  const scores = new Float64Array(size);
  const touched = new Uint32Array(size);
  const K1P1 = K1 + 1;

  /** Adds a whole list to the scores; returns the new count of touched passages. */
  function scan(list: List, n: number): number {
    const f = fields[list.field] as FieldPostings;
    const { docs, tfs, lengths, avg } = f;
    const w = list.weight;
    for (let at = list.from; at < list.to; at++) {
      const id = docs[at] as number;
      const tf = tfs[at] as number;
      const s = (w * (tf * K1P1)) / (tf + K1 * (1 - B + (B * (lengths[id] as number)) / avg));
      if (scores[id] === 0) touched[n++] = id;
      scores[id] = (scores[id] as number) + s;
    }
    return n;
  }

  /** Whether at least `k` touched passages score above `reach`: no unseen one can enter. */
  function settled(n: number, k: number, reach: number): boolean {
    let above = 0;
    for (let i = 0; i < n; i++)
      if ((scores[touched[i] as number] as number) * SLACK > reach && ++above >= k) return true;
    return false;
  }

  /**
   * The `k`-th largest score of the touched passages (0 when fewer): one pass keeping the best
   * `k` in a min-heap, instead of copying every score out to select from.
   */
  function theta(n: number, k: number): number {
    if (n < k || k <= 0) return 0;
    const heap = new Float64Array(k);
    for (let i = 0; i < k; i++) heap[i] = scores[touched[i] as number] as number;
    for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, i, k);
    for (let i = k; i < n; i++) {
      const s = scores[touched[i] as number] as number;
      if (s > (heap[0] as number)) {
        heap[0] = s;
        siftDown(heap, 0, k);
      }
    }
    return heap[0] as number;
  }

  return function top(terms: readonly { term: string; weight: number }[], k: number): Scored[] {
    const lists = listsOf(postings, terms);
    if (lists.length === 0 || k <= 0) return [];
    const order = lists.slice().sort((a, b) => b.bound - a.bound);
    const rest = new Float64Array(order.length + 1);
    for (let i = order.length - 1; i >= 0; i--)
      rest[i] = (rest[i + 1] ?? 0) + (order[i]?.bound ?? 0);

    // Phase 1: read whole lists while a passage not yet seen could still reach the best k.
    // No passage scores above the bounds of the lists read so far (with a margin for rounding):
    // while those stay below what is left, no count of passages above it is worth taking.
    let n = 0;
    let i = 0;
    let read = 0;
    for (; i < order.length; i++) {
      const reach = rest[i] ?? 0;
      if (n >= k && read * (1 + 1e-6) * SLACK > reach && settled(n, k, reach)) break;
      const list = order[i] as List;
      n = scan(list, n);
      read += list.bound;
    }
    // Phase 2: the remaining lists only add to passages that can still make it.
    let least = theta(n, k);
    for (; i <= order.length; i++) {
      const reach = rest[i] ?? 0;
      let kept = 0;
      for (let j = 0; j < n; j++) {
        const id = touched[j] as number;
        if ((scores[id] as number) + reach >= least * SLACK) touched[kept++] = id;
        else scores[id] = 0;
      }
      n = kept;
      const list = order[i];
      if (!list) break;
      const docs = (fields[list.field] as FieldPostings).docs;
      for (let j = 0; j < n; j++) {
        const id = touched[j] as number;
        const at = find(docs, list.from, list.to, id);
        if (at !== -1) scores[id] = (scores[id] as number) + contribution(fields, list, at);
      }
      least = theta(n, k);
    }
    // Exact scores of the survivors, summed in query order as a full evaluation would.
    for (let j = 0; j < n; j++) scores[touched[j] as number] = 0;
    return rankExact(postings, lists, touched, n, k);
  };
}
