// The conditions of issue 12, each one row on each half: (a) all squad-dev-a articles,
// (b) each article alone as the seed folder with 40 questions of other articles off-corpus,
// (c) the natural-question sets of data/natural over their own few documents.
import path from "node:path";
import { createCitebotFromTexts, type Citebot, type SeedFile } from "../src/tools.ts";
import type { GoldQuestion } from "./questions.ts";
import { documentsOf, holdsEvidence, readNatural } from "./natural.ts";
import { holdsAnswer } from "./scoring.ts";
import { pieceQuestions, piecesOf } from "./pieces.ts";

/** One condition on one half (or one natural set). */
export interface ConditionRow {
  condition: string;
  half: string;
  questions: number;
  p_at_1: number;
  mrr: number;
  in_corpus_answered: number;
  off_corpus_declined: number;
}

/** Running totals for a row. */
export interface Tally {
  n: number;
  p1: number;
  rr: number;
  answered: number;
  off: number;
  declined: number;
}

/** An empty tally. */
export const emptyTally = (): Tally => ({ n: 0, p1: 0, rr: 0, answered: 0, off: 0, declined: 0 });

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A tally as a printed row. */
export function toRow(condition: string, half: string, t: Tally): ConditionRow {
  return {
    condition,
    half,
    questions: t.n,
    p_at_1: round(t.p1 / Math.max(1, t.n)),
    mrr: round(t.rr / Math.max(1, t.n)),
    in_corpus_answered: round(t.answered / Math.max(1, t.n)),
    off_corpus_declined: round(t.declined / Math.max(1, t.off)),
  };
}

/** Asks an answerable question and adds it to the tally; `right` judges an excerpt. */
export function tallyAnswerable(t: Tally, bot: Citebot, q: string, right: (e: string) => boolean) {
  t.n++;
  const a = bot.ask(q);
  if (a.kind !== "cited") return;
  t.answered++;
  const rank = a.excerpts.findIndex((e) => right(e.text));
  if (rank === 0) t.p1++;
  if (rank >= 0) t.rr += 1 / (rank + 1);
}

/** Asks a question the corpus cannot answer and adds it to the tally. */
export function tallyOffCorpus(t: Tally, bot: Citebot, q: string) {
  t.off++;
  if (bot.ask(q).kind !== "cited") t.declined++;
}

/** Condition (b): each article alone, its questions in corpus, 40 of its half's others off. */
export function singleArticleRows(
  files: readonly SeedFile[],
  questions: readonly GoldQuestion[],
  halfOf: (doc: string) => "tune" | "check",
  minConfidence: number,
): ConditionRow[] {
  const rows: ConditionRow[] = [];
  for (const half of ["tune", "check"] as const) {
    const t = emptyTally();
    const docs = [...new Set(questions.map((q) => q.doc))].filter((d) => halfOf(d) === half);
    for (const doc of docs.sort()) {
      const file = files.find((f) => path.basename(f.doc) === doc);
      if (!file) continue;
      const bot = createCitebotFromTexts([{ doc: file.doc, text: file.text }], { minConfidence });
      for (const q of questions.filter((x) => x.doc === doc))
        tallyAnswerable(t, bot, q.question, (e) => holdsAnswer(e, q.answers));
      const others = questions.filter((x) => x.doc !== doc && halfOf(x.doc) === half);
      // 40 evenly spaced questions of the half's other articles: fixed, no randomness.
      for (let k = 0; k < 40 && others.length > 0; k++) {
        const q = others[Math.floor((k * others.length) / 40)];
        if (q) tallyOffCorpus(t, bot, q.question);
      }
    }
    rows.push(toRow("(b) each article alone", half, t));
  }
  return rows;
}

/** Condition (d): each article cut into short pieces, with near misses from the rest of it. */
export function pieceRows(
  files: readonly SeedFile[],
  questions: readonly GoldQuestion[],
  halfOf: (doc: string) => "tune" | "check",
  minConfidence: number,
): ConditionRow[] {
  return (["tune", "check"] as const).map((half) => {
    const t = emptyTally();
    for (const file of files) {
      const doc = path.basename(file.doc);
      if (halfOf(doc) !== half) continue;
      const article = questions.filter((q) => q.doc === doc);
      for (const piece of piecesOf(file)) {
        const bot = createCitebotFromTexts([piece.file], { minConfidence });
        const { inside, nearMisses } = pieceQuestions(piece, article);
        for (const q of inside)
          tallyAnswerable(t, bot, q.question, (e) => holdsAnswer(e, q.answers));
        for (const q of nearMisses) tallyOffCorpus(t, bot, q.question);
      }
    }
    return toRow("(d) 4-paragraph pieces", half, t);
  });
}

/** A natural-question set, which half it counts for, and where its documents are. */
export interface NaturalSet {
  file: string;
  half: "tune" | "held out";
}

/** Condition (c): a natural-question set asked against its own few documents. */
export function naturalRow(
  set: NaturalSet,
  seedFolders: readonly (readonly SeedFile[])[],
  minConfidence: number,
): ConditionRow {
  const questions = readNatural(set.file);
  const wanted = documentsOf(questions);
  const files = seedFolders.flat().filter((f) => wanted.includes(path.basename(f.doc)));
  const bot = createCitebotFromTexts(files, { minConfidence });
  const t = emptyTally();
  for (const q of questions) {
    if (q.offtopic) tallyOffCorpus(t, bot, q.question);
    else tallyAnswerable(t, bot, q.question, (e) => holdsEvidence(e, q.evidence));
  }
  return toRow(`(c) natural ${path.basename(set.file)}`, set.half, t);
}

/** The rows as a fixed-width table. */
export function formatRows(rows: readonly ConditionRow[]): string {
  const head =
    "condition                         | half     | n    | P@1   | MRR   | answered | declined";
  const lines = rows.map((r) =>
    [
      r.condition.padEnd(33),
      r.half.padEnd(8),
      String(r.questions).padEnd(4),
      String(r.p_at_1).padEnd(5),
      String(r.mrr).padEnd(5),
      String(r.in_corpus_answered).padEnd(8),
      String(r.off_corpus_declined),
    ].join(" | "),
  );
  return [head, ...lines].map((l) => `  ${l}`).join("\n");
}
