/** Term ids by term, as the index looks them up: a Map once built, a sorted table once restored. */
export interface TermIds {
  get(term: string): number | undefined;
}

/** Term `id` of the text laid out as {@link toSortedTerms} lays it out. */
const termOf = (text: string, starts: Uint32Array, id: number) =>
  text.slice(starts[id] ?? 0, (starts[id + 1] ?? 1) - 1);

/** Every term of such a text, by id (made only when a restored index is persisted again). */
export function termsOf(text: string, starts: Uint32Array): string[] {
  return Array.from({ length: Math.max(0, starts.length - 1) }, (_, id) =>
    termOf(text, starts, id),
  );
}

/**
 * Whether starts and order fit the text (each term ends in "\n", every id is in range): a
 * checksum does not catch a writer's bug or a crafted file. A plain function, not a step: V8
 * optimises its loop while it runs, which it does not inside a generator.
 */
export function sortedTermsFit(text: string, starts: Uint32Array, order: Uint32Array): boolean {
  const count = order.length;
  if (starts.length !== count + 1 || starts[0] !== 0 || starts[count] !== text.length) return false;
  for (let i = 0; i < count; i++) {
    const next = starts[i + 1] as number;
    if ((order[i] as number) >= count || next <= (starts[i] as number)) return false;
    if (text.charCodeAt(next - 1) !== 10) return false;
  }
  return true;
}

/** Terms looked up since the start, at most (a memo; past it, lookups search again). */
const MEMO_LIMIT = 50_000;

/**
 * Term ids over a restored vocabulary without a Map of it: `text` holds the terms by id, each
 * followed by "\n" (term `t` at `starts[t]`, up to `starts[t + 1] - 1`), and `order` the ids in
 * code-unit order of their terms, so a term is found by binary search. A restart builds nothing
 * for the 17,000 terms of the Python docs (a JSON parse and a Map: 5–15 ms in a fresh process);
 * terms looked up are memoised. A crafted `order` out of order only makes lookups miss.
 */
export function sortedTermIds(text: string, starts: Uint32Array, order: Uint32Array): TermIds {
  const termAt = (id: number) => termOf(text, starts, id);
  const memo = new Map<string, number | undefined>();
  const search = (term: string): number | undefined => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const id = order[mid] as number;
      const at = termAt(id);
      if (at === term) return id;
      if (at < term) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  };
  return {
    get(term) {
      if (memo.has(term)) return memo.get(term);
      const id = search(term);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(term, id);
      return id;
    },
  };
}

/** The terms of a vocabulary as {@link sortedTermIds} reads them: text, starts and order. */
export function toSortedTerms(terms: readonly string[]): {
  text: string;
  starts: Uint32Array;
  order: Uint32Array;
} {
  const starts = new Uint32Array(terms.length + 1);
  let at = 0;
  terms.forEach((t, i) => {
    starts[i] = at;
    at += t.length + 1;
  });
  starts[terms.length] = at;
  const order = Uint32Array.from(terms.keys()).sort((a, b) => {
    const x = terms[a] as string;
    const y = terms[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { text: terms.map((t) => `${t}\n`).join(""), starts, order };
}
