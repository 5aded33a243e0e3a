// npm run train -- [--target sentence|phrase|abstain|all] [--data DIR] [--epochs N] [--check]
// Learns the models of src/model/ from a fixed start (all zeros) on the tune half of
// squad-dev-a (and, for sentence and abstain, data/natural/dev*.jsonl), through Citebot.analyse and ask (the
// answering path, spelling correction included), and writes each model file with its provenance
// and its scores on both halves. --check writes nothing and exits 1 unless retraining gives
// exactly the committed files (CI runs it). `all` trains sentence, then phrase, then abstain,
// each on the models before it.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  CONFIDENCE_FEATURES,
  DEFAULT_MODELS,
  FEATURE_NAMES,
  SPAN_FEATURES,
  createCitebotFromTexts,
  loadSeeds,
  type Models,
  type Provenance,
  type SeedFile,
} from "../src/tools.ts";
import {
  REPO_ROOT,
  choiceFlag,
  dataPaths,
  numberFlag,
  orUsage,
  parseArgs,
} from "../adapters/shared/args.ts";
import { halfOf, readQuestions, type GoldQuestion } from "./questions.ts";
import { documentsOf, readNatural } from "./natural.ts";
import { MODEL_FILES, toModelSource, type ModelFileKind } from "./model-file.ts";
import { abstainRows, abstainScores, fitAbstain } from "./train-abstain.ts";
import { naturalSentenceLists, phraseLists, sentenceLists } from "./train-lists.ts";
import { topOneAccuracy, trainPerceptron } from "./train-perceptron.ts";

const USAGE =
  "npm run train -- [--target sentence|phrase|abstain|all] [--data DIR] [--seeds DIR] " +
  "[--questions FILE] [--epochs N] [--check]";
const { seedsDir, questionsFile, epochs, target, check } = orUsage(() => {
  const args = parseArgs(process.argv.slice(2), {
    values: ["target", "data", "seeds", "questions", "epochs"],
    booleans: ["check"],
  });
  return {
    ...dataPaths(args),
    epochs: numberFlag(args, "epochs", 20, { min: 1, max: 10_000, integer: true }),
    target: choiceFlag(args, "target", ["sentence", "phrase", "abstain", "all"], "all"),
    check: args.flags.has("check"),
  };
}, USAGE);

const MODEL_DIR = path.join(REPO_ROOT, "src/model");
/** The natural-question development sets: the only natural questions training may see. */
const DEV = ["data/natural/dev.jsonl", "data/natural/dev-more.jsonl"].map((f) =>
  path.join(REPO_ROOT, f),
);
const all = readQuestions(questionsFile);
const docs = [...new Set(all.map((q) => q.doc))].sort();
const half = (name: "tune" | "check") => all.filter((q) => halfOf(docs, q.doc) === name);
const { files } = await loadSeeds(seedsDir);
const round = (x: number) => Math.round(x * 1000) / 1000;
let models: Models = DEFAULT_MODELS;
let failed = false;

const provenance = (t: string, data: string, scores: Provenance["scores"]): Provenance => ({
  command: `npm run train -- --target ${t}`,
  data,
  split: "tune",
  start: "all weights 0",
  scores,
});

/** Writes a model file, or with --check compares it with the committed one. */
async function emit(kind: ModelFileKind, p: Provenance, body: Record<string, unknown>) {
  const source = await toModelSource(kind, p, body);
  const file = path.join(MODEL_DIR, kind.file);
  if (!check) {
    (await import("node:fs")).writeFileSync(file, source);
    console.error(`wrote ${path.relative(REPO_ROOT, file)}`);
  } else if (readFileSync(file, "utf8") !== source) {
    console.error(`train --check: ${kind.file} differs from what retraining gives`);
    failed = true;
  } else console.error(`train --check: ${kind.file} reproduced`);
}

const botOf = (list: readonly SeedFile[]) => createCitebotFromTexts(list, { models });
const dev = DEV.flatMap((f) => readNatural(f));
const bundled = (await loadSeeds(path.join(REPO_ROOT, "seeds"))).files;
const devFiles = [...files, ...bundled].filter((f) =>
  documentsOf(dev).includes(path.basename(f.doc)),
);
const devNames = DEV.map((f) => path.relative(REPO_ROOT, f)).join(", ");
const squad = `squad-dev-a (${docs.length} SQuAD v1.1 articles), tune half`;

if (target === "sentence" || target === "all") {
  const bot = botOf(files);
  const [tune, held] = [sentenceLists(bot, half("tune")), sentenceLists(bot, half("check"))];
  const natural = naturalSentenceLists(botOf(devFiles), dev);
  const w = trainPerceptron([...tune, ...natural], FEATURE_NAMES.length, epochs);
  const features = Object.fromEntries(FEATURE_NAMES.map((f, i) => [f, round(w[i] ?? 0)]));
  const scores = {
    tune: { top1: topOneAccuracy(tune, w), natural_top1: topOneAccuracy(natural, w) },
    check: { top1: topOneAccuracy(held, w) },
  };
  const sentence = { passages: models.sentence.passages, features };
  await emit(
    MODEL_FILES.sentence,
    provenance("sentence", `${squad}; ${devNames}`, scores),
    sentence,
  );
  models = { ...models, sentence: sentence as Models["sentence"] };
}

if (target === "phrase" || target === "all") {
  const bot = botOf(files);
  const [tune, held] = [phraseLists(bot, half("tune")), phraseLists(bot, half("check"))];
  const w = trainPerceptron(tune, SPAN_FEATURES.length, epochs);
  const features = Object.fromEntries(SPAN_FEATURES.map((f, i) => [f, round(w[i] ?? 0)]));
  const scores = {
    tune: { top1: topOneAccuracy(tune, w) },
    check: { top1: topOneAccuracy(held, w) },
  };
  await emit(MODEL_FILES.phrase, provenance("phrase", squad, scores), { features });
  models = { ...models, phrase: features as Models["phrase"] };
}

if (target === "abstain" || target === "all") {
  const rows = (qs: GoldQuestion[], natural: boolean) =>
    abstainRows(files, qs, natural ? { questions: dev, files: devFiles } : null, models);
  const tune = rows(half("tune"), true);
  const w = fitAbstain(tune);
  const rounded = w.map(round);
  const scores = {
    tune: abstainScores(tune, rounded, 0.5),
    check: abstainScores(rows(half("check"), false), rounded, 0.5),
  };
  const features = Object.fromEntries(CONFIDENCE_FEATURES.map((f, i) => [f, rounded[i] ?? 0]));
  const data = `${squad}; ${devNames}`;
  await emit(MODEL_FILES.confidence, provenance("abstain", data, scores), { features });
}

if (failed) process.exit(1);
