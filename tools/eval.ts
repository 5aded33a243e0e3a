// npm run eval -- [--data DIR] [--seeds DIR] [--questions FILE] [--split all|tune|check]
//   [--min-confidence 0..1] [--misses OUT] [--json] [--no-abstention] [--no-conditions]
// Answer quality of the core on a squad-dev-a style question set. Abstention is measured by
// asking each half of the articles' questions against a corpus made of the other half.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_MIN_CONFIDENCE,
  createCitebotFromTexts,
  loadSeeds,
  openCitebot,
  type Citebot,
} from "../src/tools.ts";
import {
  choiceFlag,
  dataPaths,
  flag,
  numberFlag,
  orUsage,
  parseArgs,
  REPO_ROOT,
} from "../adapters/shared/args.ts";
import { halfOf, readQuestions, type GoldQuestion } from "./questions.ts";
import {
  emptyTally,
  naturalRow,
  pieceRows,
  singleArticleRows,
  toRow,
  type NaturalSet,
} from "./eval-conditions.ts";
import { exactMatch, f1Score, holdsAnswer } from "./scoring.ts";
import { conversationsBeside } from "./eval-conversations.ts";
import { formatReport } from "./eval-report.ts";
import { baselineRows } from "./eval-baselines.ts";

const USAGE =
  "npm run eval -- [--data DIR] [--seeds DIR] [--questions FILE] [--split all|tune|check] " +
  "[--min-confidence 0..1] [--misses OUT] [--json] [--no-abstention] [--no-conditions]";
const { args, seedsDir, questionsFile, split, misses, minConfidence } = orUsage(() => {
  const args = parseArgs(process.argv.slice(2), {
    values: ["data", "seeds", "questions", "split", "misses", "min-confidence"],
    booleans: ["json", "no-abstention", "no-conditions"],
  });
  return {
    args,
    ...dataPaths(args),
    split: choiceFlag(args, "split", ["all", "tune", "check"], "all"),
    misses: flag(args, "misses"),
    minConfidence: numberFlag(args, "min-confidence", DEFAULT_MIN_CONFIDENCE, { min: 0, max: 1 }),
  };
}, USAGE);

// The natural-question sets: the two dev files are for tuning; the other two are held out.
const NATURAL_SETS: NaturalSet[] = [
  { file: path.join(REPO_ROOT, "data/natural/dev.jsonl"), half: "tune" },
  { file: path.join(REPO_ROOT, "data/natural/dev-more.jsonl"), half: "tune" },
  { file: path.join(REPO_ROOT, "data/natural/seed.jsonl"), half: "held out" },
  { file: path.join(REPO_ROOT, "data/natural/squad-check.jsonl"), half: "held out" },
];

const all = readQuestions(questionsFile);
const docs = [...new Set(all.map((q) => q.doc))].sort();
// Articles alternate between the half used to choose parameters and the half that checks them.
const half = (doc: string) => halfOf(docs, doc);
const questions = split === "all" ? all : all.filter((q) => half(q.doc) === split);

const bot = await openCitebot({ seedsDir, cacheDir: null, minConfidence });
let p1 = 0;
let mrr = 0;
let answered = 0;
let firstLength = 0;
let em = 0;
let f1 = 0;
const missed: object[] = [];
// Condition (a) of issue 12, one tally per half of the articles.
const halves = { tune: emptyTally(), check: emptyTally() };
const started = performance.now();
for (const q of questions) {
  const a = bot.ask(q.question);
  const h = halves[half(q.doc)];
  h.n++;
  if (a.kind !== "cited") {
    missed.push({ id: q.id, question: q.question, answers: q.answers, got: a.kind });
    continue;
  }
  answered++;
  firstLength += a.excerpts[0]?.text.length ?? 0;
  const rank = a.excerpts.findIndex((e) => holdsAnswer(e.text, q.answers));
  if (rank === 0) p1++;
  if (rank >= 0) mrr += 1 / (rank + 1);
  h.answered++;
  if (rank === 0) h.p1++;
  if (rank >= 0) h.rr += 1 / (rank + 1);
  const phrase = a.phrase?.text ?? "";
  em += exactMatch(phrase, q.answers);
  f1 += f1Score(phrase, q.answers);
  if (rank !== 0)
    missed.push({
      id: q.id,
      question: q.question,
      answers: q.answers,
      rank,
      phrase,
      first: a.excerpts[0]?.text,
      doc: a.excerpts[0]?.doc,
    });
}
const ms = performance.now() - started;
const n = questions.length || 1;

interface Confidences {
  inside: number[];
  outside: number[];
  /** Off-corpus confidences by the half the question belongs to. */
  outsideBy: Record<"tune" | "check", number[]>;
}
async function confidences(): Promise<Confidences> {
  const { files } = await loadSeeds(seedsDir);
  const result: Confidences = { inside: [], outside: [], outsideBy: { tune: [], check: [] } };
  for (const side of ["tune", "check"] as const) {
    const corpusDocs = files.filter((f) => half(path.basename(f.doc)) === side);
    const sub: Citebot = createCitebotFromTexts(corpusDocs);
    const pick = (qs: GoldQuestion[]) => qs.filter((q) => split === "all" || half(q.doc) === split);
    for (const q of pick(all)) {
      const c = sub.confidence(q.question);
      (half(q.doc) === side ? result.inside : result.outside).push(c);
      if (half(q.doc) !== side) result.outsideBy[half(q.doc)].push(c);
    }
  }
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const report: Record<string, unknown> = {
  questions: questions.length,
  split,
  p_at_1: round(p1 / n),
  mrr: round(mrr / n),
  answered: round(answered / n),
  mean_first_excerpt_chars: Math.round(firstLength / Math.max(1, answered)),
  answer_em: round(em / n),
  answer_f1: round(f1 / n),
  ms_per_question: round(ms / n),
};
if (!args.flags.has("no-abstention")) {
  const c = await confidences();
  const rate = (xs: number[], ok: (x: number) => boolean) =>
    round(xs.filter(ok).length / Math.max(1, xs.length));
  const table = [0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8].map((t) => ({
    threshold: t,
    in_corpus_answered: rate(c.inside, (x) => x >= t),
    out_of_corpus_not_found: rate(c.outside, (x) => x < t),
  }));
  for (const side of ["tune", "check"] as const) {
    halves[side].off = c.outsideBy[side].length;
    halves[side].declined = c.outsideBy[side].filter((x) => x < minConfidence).length;
  }
  report["abstention"] = {
    threshold: DEFAULT_MIN_CONFIDENCE,
    in_corpus_answered: rate(c.inside, (x) => x >= DEFAULT_MIN_CONFIDENCE),
    out_of_corpus_not_found: rate(c.outside, (x) => x < DEFAULT_MIN_CONFIDENCE),
    table,
  };
}
if (!args.flags.has("no-conditions")) {
  const { files } = await loadSeeds(seedsDir);
  const bundled = (await loadSeeds(path.join(REPO_ROOT, "seeds"))).files;
  const rows = [
    ...(["tune", "check"] as const)
      .filter((side) => split === "all" || side === split)
      .map((side) => toRow("(a) all articles", side, halves[side])),
    ...singleArticleRows(files, all, half, minConfidence).filter(
      (r) => split === "all" || r.half === split,
    ),
    ...pieceRows(files, all, half, minConfidence).filter(
      (r) => split === "all" || r.half === split,
    ),
    ...NATURAL_SETS.map((set) => naturalRow(set, [files, bundled], minConfidence)),
  ];
  report["conditions"] = rows;
  report["baselines"] = baselineRows(files, bundled, all, half, NATURAL_SETS).filter(
    (r) => split === "all" || r.half === split || r.half === "held out",
  );
}
const conversations = await conversationsBeside(seedsDir);
if (conversations) report["conversations"] = conversations;
if (misses) writeFileSync(misses, missed.map((m) => JSON.stringify(m)).join("\n") + "\n");

if (args.flags.has("json")) console.log(JSON.stringify(report));
else console.log(formatReport(report, questionsFile, minConfidence));
