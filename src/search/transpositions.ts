/**
 * Every word made by swapping two neighbouring letters of `word` ("pya" → "ypa", "pay"), once
 * each: the one typo that Levenshtein distance counts as two edits and Damerau distance as one.
 */
export function adjacentSwaps(word: string): string[] {
  const letters = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    const a = letters[i];
    const b = letters[i + 1];
    if (a === undefined || b === undefined || a === b) continue;
    out.add([...letters.slice(0, i), b, a, ...letters.slice(i + 2)].join(""));
  }
  return [...out];
}
