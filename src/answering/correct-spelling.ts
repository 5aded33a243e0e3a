import type { Question } from "./question.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { stem } from "../search/tokenize.ts";
import { zipfFrequency } from "../search/general-frequency.ts";

/**
 * Zipf frequency from which a word is taken as typed: an ordinary English word the seeds lack
 * ("tickets", "buried", "sang") is a real question word, not a typo of a seed word ("jacket",
 * "burn", "song"); real typos ("jersys", "japna", "goverment") sit below 3.1.
 */
const COMMON_WORD = 3.5;

/** Replaces unknown question words with the closest indexed word ("agre" → "agree"). */
export function correctSpelling(
  question: Question,
  index: SearchIndex,
): { terms: string[]; fixes: Map<string, string> } {
  const fixes = new Map<string, string>();
  const terms = question.terms.slice();
  for (const token of question.tokens) {
    if (index.knows(token.term) || fixes.has(token.word)) continue;
    if (zipfFrequency(token.term) >= COMMON_WORD) continue;
    // A truncated word can be a stem itself: "agre" is how "agreed" is indexed.
    const word = index.knows(token.word) ? null : index.closestWord(token.word);
    if (word) fixes.set(token.word, word);
    const fixed = word ? stem(word) : index.knows(token.word) ? token.word : null;
    if (!fixed) continue;
    const at = terms.indexOf(token.term);
    if (at !== -1) terms[at] = fixed;
  }
  return { terms: [...new Set(terms)], fixes };
}

/** The question as typed, with each corrected word replaced (keeping a leading capital). */
export function respell(text: string, fixes: ReadonlyMap<string, string>): string {
  return text.replace(/[\p{L}\p{N}']+/gu, (w) => {
    const fix = fixes.get(w.toLowerCase());
    if (!fix) return w;
    return /^\p{Lu}/u.test(w) ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;
  });
}
