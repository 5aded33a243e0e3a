// Scoring as squad-dev-a's README and SQuAD's official script define it.

/** Case-folded text with runs of white space folded to one space. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Whether an excerpt holds one of the gold answers (the dataset's P@1 rule). */
export function holdsAnswer(excerpt: string, answers: readonly string[]): boolean {
  const e = fold(excerpt);
  return answers.some((a) => e.includes(fold(a)));
}

/** SQuAD's normalisation: lower case, no punctuation, no articles, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~‘’“”–—]/g, "")
    .replace(/\b(a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Exact match of a predicted phrase against any gold answer (0 or 1). */
export function exactMatch(prediction: string, answers: readonly string[]): number {
  const p = normalizeAnswer(prediction);
  return answers.some((a) => normalizeAnswer(a) === p) ? 1 : 0;
}

/** Best token F1 of a predicted phrase against the gold answers. */
export function f1Score(prediction: string, answers: readonly string[]): number {
  const p = normalizeAnswer(prediction).split(" ").filter(Boolean);
  let best = 0;
  for (const answer of answers) {
    const g = normalizeAnswer(answer).split(" ").filter(Boolean);
    const counts = new Map<string, number>();
    for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of p) {
      const c = counts.get(t) ?? 0;
      if (c > 0) {
        same++;
        counts.set(t, c - 1);
      }
    }
    if (same === 0) continue;
    const precision = same / p.length;
    const recall = same / g.length;
    best = Math.max(best, (2 * precision * recall) / (precision + recall));
  }
  return best;
}
