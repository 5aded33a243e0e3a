import { stemmer } from "stemmer";
import { IRREGULAR_PAST, IRREGULAR_PLURAL } from "./irregular.ts";

/** A word of the text with its place, as ranking and highlighting see it. */
export interface Token {
  /** Normalised, stemmed form used for matching. */
  term: string;
  /** Lower-cased surface form, before stemming. */
  word: string;
  start: number;
  end: number;
}

// Question words, auxiliaries and glue words: they carry no topic, and dropping them keeps
// posting lists short (the largest single speed-up on big corpora).
const STOP_WORDS = new Set(
  (
    "a an the and or but nor of to in on at by for with from into onto upon about as than then " +
    "is are was were be been being am do does did doing done have has had having " +
    "i me my we us our you your he him his she her it its they them their this that these those " +
    "what which who whom whose when where why how whats whos " +
    "can could shall should will would may might must " +
    "not no so if there here also too very just any some such each other many much " +
    "s t d ll m re ve"
  ).split(" "),
);

const stemCache = new Map<string, string>();

/** Porter stem with a memo: the same few thousand words recur in every question. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const base = IRREGULAR_PAST.get(word) ?? IRREGULAR_PLURAL.get(word) ?? word;
    s = /^[a-z]+$/.test(word) ? stemmer(base) : word;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** True for words that never count as question terms. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

// Letters and digits, keeping inner apostrophes, dots in numbers and hyphens out of words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Folds case and diacritics so "Café" and "cafe" meet. */
export function normalizeWord(raw: string): string {
  let w = raw.toLowerCase();
  // eslint-disable-next-line no-control-regex -- the ASCII range check is the point
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize("NFKD").replace(/\p{M}+/gu, "");
  return w.replace(/['’]s$/, "").replace(/['’]/g, "");
}

/** Content tokens of `text` with offsets; stop words are dropped. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = normalizeWord(m[0]);
    if (word === "" || STOP_WORDS.has(word)) continue;
    out.push({ term: stem(word), word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Content terms only, for MiniSearch's tokenizer (term processing is already done). */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}
