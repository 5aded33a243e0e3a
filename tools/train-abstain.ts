// The answer-or-abstain model: logistic regression over confidence.ts's inputs, computed through
// Citebot.analyse (exactly the answering path, spelling correction included), on three kinds of
// corpus so it means the same on one short article and on many: the tune articles split into two
// corpora (each question asked of both), each tune article alone (its questions in corpus and 40
// of other articles out), each tune article cut into short pieces (tools/pieces.ts: near misses
// from the same article out), and the dev natural questions over their own three articles.
import path from "node:path";
import {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  createCitebotFromTexts,
  type Citebot,
  type Models,
  type SeedFile,
} from "../src/tools.ts";
import type { GoldQuestion } from "./questions.ts";
import type { NaturalQuestion } from "./natural.ts";
import { pieceQuestions, piecesOf } from "./pieces.ts";

/** One training row: features in CONFIDENCE_FEATURES order, the right decision, its group. */
export interface AbstainRow {
  f: number[];
  y: 0 | 1;
  group: string;
}

function rowOf(bot: Citebot, question: string, y: 0 | 1, group: string): AbstainRow {
  const a = bot.analyse(question);
  const values = confidenceFeatures(a.hits[0], a.terms, bot.index);
  return { f: CONFIDENCE_FEATURES.map((name) => values[name]), y, group };
}

/**
 * The rows of the three kinds of corpus, from the given articles' questions, ranked with
 * `models` (the ones just trained, not those the build holds).
 */
export function abstainRows(
  files: readonly SeedFile[],
  questions: readonly GoldQuestion[],
  natural: { questions: readonly NaturalQuestion[]; files: readonly SeedFile[] } | null,
  models: Models,
): AbstainRow[] {
  const createCitebot = (list: readonly { doc: string; text: string }[]) =>
    createCitebotFromTexts(list, { models });
  const byName = (names: readonly string[]) =>
    files.filter((f) => names.includes(path.basename(f.doc)));
  const docs = [...new Set(questions.map((q) => q.doc))].sort();
  const rows: AbstainRow[] = [];
  for (const side of [0, 1]) {
    const inCorpus = docs.filter((_, i) => i % 2 === side);
    const bot = createCitebot(byName(inCorpus));
    for (const q of questions)
      rows.push(rowOf(bot, q.question, inCorpus.includes(q.doc) ? 1 : 0, "halves"));
  }
  for (const doc of docs) {
    const bot = createCitebot(byName([doc]));
    for (const q of questions.filter((x) => x.doc === doc))
      rows.push(rowOf(bot, q.question, 1, "alone"));
    const others = questions.filter((x) => x.doc !== doc);
    for (let k = 0; k < 40 && others.length > 0; k++) {
      const q = others[Math.floor((k * others.length) / 40)];
      if (q) rows.push(rowOf(bot, q.question, 0, "alone"));
    }
  }
  for (const doc of docs) {
    const file = byName([doc])[0];
    if (!file) continue;
    const article = questions.filter((q) => q.doc === doc);
    for (const piece of piecesOf(file)) {
      const bot = createCitebot([piece.file]);
      const { inside, nearMisses } = pieceQuestions(piece, article);
      for (const q of inside) rows.push(rowOf(bot, q.question, 1, "pieces"));
      for (const q of nearMisses) rows.push(rowOf(bot, q.question, 0, "pieces"));
    }
  }
  if (natural) {
    const bot = createCitebot(natural.files);
    for (const q of natural.questions)
      rows.push(rowOf(bot, q.question, q.offtopic ? 0 : 1, "natural"));
  }
  return rows;
}

/**
 * Fits the logistic regression from all-zero weights by full-batch gradient descent (no
 * randomness, so a rerun gives the same weights). Each group of rows weighs the same in total,
 * so the small natural set counts as much as the thousands of SQuAD rows; within a group the
 * share of questions to answer stays as it is.
 */
export function fitAbstain(rows: readonly AbstainRow[], iterations = 3000): number[] {
  const cells = new Map<string, number>();
  for (const r of rows) cells.set(r.group, (cells.get(r.group) ?? 0) + 1);
  const weightOf = (r: AbstainRow) => 1 / (cells.get(r.group) ?? 1);
  const totalWeight = rows.reduce((a, r) => a + weightOf(r), 0) || 1;
  let w: number[] = CONFIDENCE_FEATURES.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    const g = w.map(() => 0);
    for (const r of rows) {
      const p = 1 / (1 + Math.exp(-r.f.reduce((a, x, i) => a + x * (w[i] ?? 0), 0)));
      const k = weightOf(r) * (p - r.y);
      r.f.forEach((x, i) => (g[i] = (g[i] ?? 0) + k * x));
    }
    w = w.map((wi, i) => wi - 0.5 * ((g[i] ?? 0) / totalWeight + 1e-4 * wi));
  }
  return w;
}

/** Share of rows the weights decide rightly at a threshold, per group. */
export function abstainScores(
  rows: readonly AbstainRow[],
  w: readonly number[],
  threshold: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    for (const y of [1, 0] as const) {
      const mine = rows.filter((r) => r.group === group && r.y === y);
      const ok = mine.filter((r) => {
        const p = 1 / (1 + Math.exp(-r.f.reduce((a, x, i) => a + x * (w[i] ?? 0), 0)));
        return y === 1 ? p >= threshold : p < threshold;
      }).length;
      out[`${group}_${y === 1 ? "answered" : "declined"}`] =
        Math.round((ok / Math.max(1, mine.length)) * 1000) / 1000;
    }
  }
  return out;
}
