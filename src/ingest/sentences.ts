import type { Span } from "./span.ts";

// Words that end with a period without ending the sentence.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt ft vs etc al cf eg ie viz approx dept est fig gen gov lt col " +
    "sgt capt cmdr adm rev hon pres sen rep inc ltd co corp bros no nos vol vols pp op ed eds " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
  ).split(" "),
);

// A sentence may end at . ! ? (or a run of them), possibly inside closing quotes or brackets,
// or just after a closing quote ("…issue". The deal…).
const END = /[.!?]+["'”’)\]]*|["'”’)\]]+[.!?]+/g;
const NEXT_STARTS_SENTENCE = /^\s+["'“‘([]?[\p{Lu}\p{N}]/u;
const LIST_ITEM = /\n[ \t]*(?:[-*+•]|\d+[.)]|>)[ \t]+/g;

function endsWithAbbreviation(text: string, dot: number): boolean {
  // The word right before the period, e.g. "Mr", "S", "U.S", "e.g".
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? "")) i--;
  const word = text.slice(i, dot);
  if (word === "") return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "S. Korea", "J. R. R. Tolkien"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g", "i.e"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits `text[from, to)` into sentence spans (absolute offsets), trimmed of surrounding white
 * space. Periods in numbers, abbreviations, initials and ellipses do not end a sentence.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const cuts: number[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(END)) {
    const mark = m[0];
    const end = m.index + mark.length;
    if (!NEXT_STARTS_SENTENCE.test(slice.slice(end, end + 16))) continue;
    if (/\.\.|…/.test(mark)) continue; // ellipsis: the thought goes on
    const dot = m.index + mark.search(/[.!?]/);
    if (slice[dot] === "." && mark.startsWith(".") && endsWithAbbreviation(slice, dot)) continue;
    cuts.push(end);
  }
  for (const m of slice.matchAll(LIST_ITEM)) cuts.push(m.index);
  cuts.sort((a, b) => a - b);
  const spans: Span[] = [];
  let start = 0;
  for (const cut of [...cuts, slice.length]) {
    const span = trimSpan(slice, start, cut);
    if (span) spans.push({ start: span.start + from, end: span.end + from });
    start = cut;
  }
  return spans;
}

/** Shrinks [start, end) past white space (and a leading list bullet); null when empty. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  const bullet = /^(?:[-*+•]|\d+[.)]|(?:>[ \t]*)+)[ \t]*/.exec(text.slice(s, Math.min(e, s + 8)));
  if (bullet) s += bullet[0].length;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return s < e ? { start: s, end: e } : null;
}
