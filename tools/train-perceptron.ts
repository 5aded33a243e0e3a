// The averaged perceptron on the top-1 decision, shared by the sentence and phrase models.

/** One question's candidates: feature vectors, which are right, and how good each is. */
export interface RankList {
  x: number[][];
  y: boolean[];
  /** 1 for a right sentence; a phrase's F1. */
  gain: number[];
}

const dot = (f: readonly number[], w: readonly number[]) =>
  f.reduce((a, fi, i) => a + fi * (w[i] ?? 0), 0);

/** Share of lists whose top-scoring candidate is right under the weights. */
export function topOneAccuracy(lists: readonly RankList[], weights: readonly number[]): number {
  const right = lists.filter(({ x, y }) => {
    const scores = x.map((f) => dot(f, weights));
    return y[scores.indexOf(Math.max(...scores))];
  }).length;
  return Math.round((right / Math.max(1, lists.length)) * 10000) / 10000;
}

/**
 * Learns n weights from all zeros: when a wrong candidate scores highest, move the weights
 * towards the best right one; the result is the average over all steps, which keeps it stable.
 * The order of each epoch is a fixed shuffle (no Math.random), so a rerun gives the same weights.
 */
export function trainPerceptron(lists: readonly RankList[], n: number, epochs: number): number[] {
  let w = new Array<number>(n).fill(0);
  const sum = new Array<number>(n).fill(0);
  let steps = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = lists
      .map((_, i) => i)
      .sort(
        (a, b) => ((a * 7919 + epoch * 104729) % 10007) - ((b * 7919 + epoch * 104729) % 10007),
      );
    for (const i of order) {
      const { x, y, gain } = lists[i] ?? { x: [], y: [], gain: [] };
      const scores = x.map((f) => dot(f, w));
      const top = scores.indexOf(Math.max(...scores));
      if (!y[top]) {
        let pos = -1;
        scores.forEach((s, k) => {
          if (y[k] && (pos < 0 || s > (scores[pos] ?? -Infinity))) pos = k;
        });
        const good = x[pos] ?? [];
        const bad = x[top] ?? [];
        // A near miss (a phrase overlapping the answer) moves the weights less than a far one.
        const step = 0.1 * ((gain[pos] ?? 1) - (gain[top] ?? 0));
        w = w.map((wi, k) => wi + step * ((good[k] ?? 0) - (bad[k] ?? 0)));
      }
      w.forEach((wi, k) => (sum[k] = (sum[k] ?? 0) + wi));
      steps++;
    }
  }
  return sum.map((s) => s / Math.max(1, steps));
}
