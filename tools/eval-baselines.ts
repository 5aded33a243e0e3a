// The baseline rows of `npm run eval`: plain BM25 and word overlap over the same corpora as
// conditions (a) and (c), so the README's comparison is measured, not quoted.
import path from "node:path";
import type { SeedFile } from "../src/tools.ts";
import { BM25, WORD_OVERLAP, baselineScores, toSentenceIndex } from "./baselines.ts";
import type { ConditionRow, NaturalSet } from "./eval-conditions.ts";
import { documentsOf, holdsEvidence, readNatural } from "./natural.ts";
import type { GoldQuestion } from "./questions.ts";
import { holdsAnswer } from "./scoring.ts";

/** Rows for both baselines: (a) on each half of the articles, (c) on each natural set. */
export function baselineRows(
  squad: readonly SeedFile[],
  bundled: readonly SeedFile[],
  questions: readonly GoldQuestion[],
  halfOf: (doc: string) => "tune" | "check",
  naturalSets: readonly NaturalSet[],
): ConditionRow[] {
  const rows: ConditionRow[] = [];
  const all = toSentenceIndex(squad);
  const natural = naturalSets.map((set) => {
    const qs = readNatural(set.file);
    const wanted = documentsOf(qs);
    const files = [...squad, ...bundled].filter((f) => wanted.includes(path.basename(f.doc)));
    const answerable = qs
      .filter((q) => !q.offtopic)
      .map((q) => ({ question: q.question, right: (s: string) => holdsEvidence(s, q.evidence) }));
    return { set, index: toSentenceIndex(files), answerable };
  });
  for (const baseline of [BM25, WORD_OVERLAP]) {
    const row = (condition: string, half: string, s: ReturnType<typeof baselineScores>) => ({
      condition: `${condition}, ${baseline.name}`.slice(0, 33),
      half,
      questions: s.questions,
      p_at_1: s.p_at_1,
      mrr: s.mrr,
      in_corpus_answered: 1,
      off_corpus_declined: 0,
    });
    for (const half of ["tune", "check"] as const) {
      const qs = questions
        .filter((q) => halfOf(q.doc) === half)
        .map((q) => ({ question: q.question, right: (s: string) => holdsAnswer(s, q.answers) }));
      rows.push(row("(a)", half, baselineScores(baseline, all, qs)));
    }
    for (const n of natural)
      rows.push(
        row(
          `(c) ${path.basename(n.set.file, ".jsonl")}`,
          n.set.half,
          baselineScores(baseline, n.index, n.answerable),
        ),
      );
  }
  return rows;
}
