// npm run train -- [--seeds DIR] [--questions FILE] [--split tune|check|all] [--epochs N]
// Learns the sentence-ranking weights (src/rank.ts DEFAULT_WEIGHTS) with a listwise softmax:
// for each question, the candidates holding a gold answer should outscore the others. Trained
// on the tune half of squad-dev-a by default; `npm run eval -- --split check` confirms.
import path from "node:path";
import {
  DEFAULT_WEIGHTS,
  FEATURE_NAMES,
  openCitebot,
  parseQuestion,
  rankSentences,
} from "../../src/index.ts";
import { flag, parseArgs } from "./args.ts";
import { readQuestions } from "./questions.ts";
import { holdsAnswer } from "./scoring.ts";

const args = parseArgs(process.argv.slice(2));
const data = path.resolve("../shared/data/squad-dev-a");
const seedsDir = path.resolve(flag(args, "seeds", path.join(data, "seeds")) ?? "");
const all = readQuestions(
  path.resolve(flag(args, "questions", path.join(data, "questions.jsonl")) ?? ""),
);
const split = flag(args, "split", "tune");
const epochs = Number(flag(args, "epochs", "20"));
const docs = [...new Set(all.map((q) => q.doc))].sort();
const questions = all.filter(
  (q) => split === "all" || (docs.indexOf(q.doc) % 2 === 0 ? "tune" : "check") === split,
);

const bot = await openCitebot({ seedsDir, cacheDir: null });
// Each question: its candidates' feature vectors and which of them hold a gold answer.
const lists: { x: number[][]; y: boolean[] }[] = [];
for (const q of questions) {
  const question = parseQuestion(q.question);
  const hits = rankSentences(question, question.terms, bot.index, bot.corpus);
  const y = hits.map((h) => {
    const doc = bot.corpus.documents[h.passage.docIndex];
    const s = h.passage.sentences[h.sentence];
    return Boolean(doc && s && holdsAnswer(doc.text.slice(s.start, s.end), q.answers));
  });
  if (y.some(Boolean) && !y.every(Boolean)) lists.push({ x: hits.map((h) => h.features), y });
}

const n = FEATURE_NAMES.length;
const dot = (f: number[], w: number[]) => f.reduce((a, fi, i) => a + fi * (w[i] ?? 0), 0);
// Averaged perceptron on the top-1 decision: when a wrong sentence scores highest, move the
// weights towards the best right one. Averaging the weights over all steps keeps it stable.
let w = FEATURE_NAMES.map((f) => DEFAULT_WEIGHTS.features[f]);
const sum = new Array<number>(n).fill(0);
let steps = 0;
const accuracy = (weights: number[]) =>
  lists.filter(({ x, y }) => {
    const scores = x.map((f) => dot(f, weights));
    return y[scores.indexOf(Math.max(...scores))];
  }).length / lists.length;
console.error(
  `start: top-1 among answerable ${accuracy(w).toFixed(4)} (${lists.length} questions)`,
);
for (let epoch = 1; epoch <= epochs; epoch++) {
  // A fixed shuffle per epoch (no Math.random): results are reproducible.
  const order = lists
    .map((_, i) => i)
    .sort((a, b) => ((a * 7919 + epoch * 104729) % 10007) - ((b * 7919 + epoch * 104729) % 10007));
  for (const i of order) {
    const { x, y } = lists[i] ?? { x: [], y: [] };
    const scores = x.map((f) => dot(f, w));
    const top = scores.indexOf(Math.max(...scores));
    if (!y[top]) {
      let pos = -1;
      scores.forEach((s, k) => {
        if (y[k] && (pos < 0 || s > (scores[pos] ?? -Infinity))) pos = k;
      });
      const good = x[pos] ?? [];
      const bad = x[top] ?? [];
      w = w.map((wi, k) => wi + 0.1 * ((good[k] ?? 0) - (bad[k] ?? 0)));
    }
    w.forEach((wi, k) => (sum[k] = (sum[k] ?? 0) + wi));
    steps++;
  }
  if (epoch % 5 === 0)
    console.error(
      `epoch ${epoch}: averaged top-1 ${accuracy(sum.map((s) => s / steps)).toFixed(4)}`,
    );
}
w = sum.map((s) => s / steps);
const features = Object.fromEntries(
  FEATURE_NAMES.map((f, i) => [f, Math.round((w[i] ?? 0) * 1000) / 1000]),
);
console.log(JSON.stringify(features, null, 2));
