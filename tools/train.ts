// npm run train -- [--target sentence|phrase|abstain] [--data DIR] [--seeds DIR] [--questions FILE]
//   [--split tune|check|all] [--epochs N]
// Learns weights with an averaged perceptron on the top-1 decision: the sentence-ranking weights
// (src/model/sentence-model.ts) or the answer-phrase weights (src/model/phrase-model.ts); or fits
// the abstention model (src/model/confidence-model.ts). Trained on the tune half of squad-dev-a
// by default; `npm run eval -- --split check` confirms. Prints the weights.
import path from "node:path";
import {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  createCitebotFromTexts,
  loadSeeds,
  DEFAULT_MODELS,
  FEATURE_NAMES,
  SPAN_FEATURES,
  spanCandidates,
  openCitebot,
  parseQuestion,
  rankSentences,
} from "../src/tools.ts";
import { choiceFlag, dataPaths, numberFlag, orUsage, parseArgs } from "../adapters/shared/args.ts";
import { halfOf, readQuestions } from "./questions.ts";
import { f1Score, holdsAnswer } from "./scoring.ts";

const USAGE =
  "npm run train -- [--target sentence|phrase|abstain] [--data DIR] [--seeds DIR] " +
  "[--questions FILE] [--split tune|check|all] [--epochs N]";
const { seedsDir, questionsFile, split, epochs, target } = orUsage(() => {
  const args = parseArgs(process.argv.slice(2), {
    values: ["target", "data", "seeds", "questions", "split", "epochs"],
  });
  return {
    ...dataPaths(args),
    split: choiceFlag(args, "split", ["tune", "check", "all"], "tune"),
    epochs: numberFlag(args, "epochs", 20, { min: 1, max: 10_000, integer: true }),
    target: choiceFlag(args, "target", ["sentence", "phrase", "abstain"], "sentence"),
  };
}, USAGE);
const all = readQuestions(questionsFile);
const docs = [...new Set(all.map((q) => q.doc))].sort();
const questions = all.filter((q) => split === "all" || halfOf(docs, q.doc) === split);

if (target === "abstain") {
  await trainAbstention();
  process.exit(0);
}

/**
 * Fits the answer-or-abstain logistic regression (src/confidence.ts): within the chosen half,
 * articles alternate between two corpora, and each article's questions are asked against the
 * corpus that has it (answer) and the one that lacks it (abstain).
 */
async function trainAbstention(): Promise<void> {
  const { files } = await loadSeeds(seedsDir);
  const mine = docs.filter((d) => questions.some((q) => q.doc === d));
  const rows: { y: number; f: number[] }[] = [];
  for (const side of [0, 1]) {
    const inCorpus = mine.filter((_, i) => i % 2 === side);
    const sub = createCitebotFromTexts(
      files.filter((f) => inCorpus.includes(path.basename(f.doc))),
    );
    for (const q of questions) {
      const question = parseQuestion(q.question);
      const best = rankSentences(
        question,
        question.terms,
        sub.index,
        sub.corpus,
        DEFAULT_MODELS.sentence,
      )[0];
      const values = confidenceFeatures(best, question.terms, sub.index);
      const f = CONFIDENCE_FEATURES.map((name) => values[name]);
      rows.push({ y: inCorpus.includes(q.doc) ? 1 : 0, f });
    }
  }
  let w: number[] = CONFIDENCE_FEATURES.map((name) => (name === "coverage" ? 1 : 0));
  for (let it = 0; it < 3000; it++) {
    const g = w.map(() => 0);
    for (const { y, f } of rows) {
      const p = 1 / (1 + Math.exp(-f.reduce((a, x, i) => a + x * (w[i] ?? 0), 0)));
      f.forEach((x, i) => (g[i] = (g[i] ?? 0) + (p - y) * x));
    }
    w = w.map((wi, i) => wi - 0.5 * ((g[i] ?? 0) / rows.length + 1e-4 * wi));
  }
  console.log(
    JSON.stringify(
      Object.fromEntries(
        CONFIDENCE_FEATURES.map((k, i) => [k, Math.round((w[i] ?? 0) * 1000) / 1000]),
      ),
      null,
      2,
    ),
  );
}

const bot = await openCitebot({ seedsDir, cacheDir: null });
const names: readonly string[] = target === "phrase" ? SPAN_FEATURES : FEATURE_NAMES;
const initial = names.map((f) =>
  target === "phrase"
    ? (DEFAULT_MODELS.phrase[f as keyof typeof DEFAULT_MODELS.phrase] ?? 0)
    : (DEFAULT_MODELS.sentence.features[f as keyof typeof DEFAULT_MODELS.sentence.features] ?? 0),
);
// Each question: its candidates' feature vectors and which of them count as right.
// `gain`: how good each candidate is (1 for right sentences; the F1 of a phrase).
const lists: { x: number[][]; y: boolean[]; gain: number[] }[] = [];
if (target === "phrase") {
  // Phrases inside the first excerpt, where it holds a gold answer; right = the best F1.
  for (const q of questions) {
    const a = bot.ask(q.question);
    const first = a.kind === "cited" ? a.excerpts[0] : undefined;
    if (!first || !holdsAnswer(first.text, q.answers)) continue;
    const question = parseQuestion(q.question);
    const candidates = spanCandidates(
      first.text,
      question.type,
      new Set(question.terms),
      question.form,
      question.focus,
    );
    const f1 = candidates.map((c) =>
      f1Score(first.text.slice(c.span.start, c.span.end), q.answers),
    );
    const best = Math.max(0, ...f1);
    if (best > 0)
      lists.push({
        x: candidates.map((c) => SPAN_FEATURES.map((name) => c.features[name])),
        y: f1.map((f) => f === best),
        gain: f1,
      });
  }
}
for (const q of target === "phrase" ? [] : questions) {
  const question = parseQuestion(q.question);
  const hits = rankSentences(
    question,
    question.terms,
    bot.index,
    bot.corpus,
    DEFAULT_MODELS.sentence,
  );
  const y = hits.map((h) => {
    const doc = bot.corpus.documents[h.passage.docIndex];
    const s = h.passage.sentences[h.sentence];
    return Boolean(doc && s && holdsAnswer(doc.text.slice(s.start, s.end), q.answers));
  });
  if (y.some(Boolean) && !y.every(Boolean))
    lists.push({
      x: hits.map((h) => FEATURE_NAMES.map((name) => h.features[name])),
      y,
      gain: y.map(Number),
    });
}

const n = names.length;
const dot = (f: number[], w: number[]) => f.reduce((a, fi, i) => a + fi * (w[i] ?? 0), 0);
// Averaged perceptron on the top-1 decision: when a wrong sentence scores highest, move the
// weights towards the best right one. Averaging the weights over all steps keeps it stable.
let w = initial.slice();
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
  if (epoch % 5 === 0)
    console.error(
      `epoch ${epoch}: averaged top-1 ${accuracy(sum.map((s) => s / steps)).toFixed(4)}`,
    );
}
w = sum.map((s) => s / steps);
const features = Object.fromEntries(
  names.map((f, i) => [f, Math.round((w[i] ?? 0) * 1000) / 1000]),
);
console.log(JSON.stringify(features, null, 2));
