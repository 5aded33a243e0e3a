// The text `npm run eval` prints: its report object, line by line.
import { formatRows, type ConditionRow } from "./eval-conditions.ts";
import { formatConversationReport, type ConversationReport } from "./eval-conversations.ts";

/** The report as the lines a person reads (`--json` prints the object itself). */
export function formatReport(
  report: Record<string, unknown>,
  questionsFile: string,
  minConfidence: number,
): string {
  const out: string[] = [];
  const questions = report["questions"];
  const split = report["split"];
  const conversations = report["conversations"] as ConversationReport | undefined;

  out.push(
    `citebot eval — ${String(questions)} questions (${String(split)}) from ${questionsFile}`,
  );
  out.push(`  P@1                      ${report["p_at_1"]}`);
  out.push(`  MRR                      ${report["mrr"]}`);
  out.push(`  answered                 ${report["answered"]}`);
  out.push(`  mean first excerpt       ${report["mean_first_excerpt_chars"]} characters`);
  out.push(`  answer phrase EM / F1    ${report["answer_em"]} / ${report["answer_f1"]}`);
  out.push(`  time                     ${report["ms_per_question"]} ms a question`);
  const ab = report["abstention"] as
    | {
        threshold: number;
        in_corpus_answered: number;
        out_of_corpus_not_found: number;
        table: { threshold: number; in_corpus_answered: number; out_of_corpus_not_found: number }[];
      }
    | undefined;
  if (ab) {
    out.push(
      `  abstention at ${ab.threshold}: in-corpus answered ${ab.in_corpus_answered}, out-of-corpus not found ${ab.out_of_corpus_not_found}`,
    );
    out.push("  threshold | in-corpus answered | out-of-corpus not found");
    for (const r of ab.table)
      out.push(
        `  ${String(r.threshold).padEnd(9)} | ${String(r.in_corpus_answered).padEnd(18)} | ${r.out_of_corpus_not_found}`,
      );
  }
  const rows = report["conditions"] as ConditionRow[] | undefined;
  if (rows) {
    out.push(`conditions at threshold ${minConfidence} (issue 12; "held out": never tuned on)`);
    out.push(formatRows(rows));
  }
  const baselines = report["baselines"] as ConditionRow[] | undefined;
  if (baselines) {
    out.push("baselines: the best sentence by one plain score, always answering");
    out.push(formatRows(baselines));
  }
  if (conversations) out.push(formatConversationReport(conversations));

  return out.join("\n");
}
