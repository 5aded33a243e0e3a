import { readFileSync } from "node:fs";

/** One line of a squad-dev-a style question file. */
export interface GoldQuestion {
  id: string;
  question: string;
  answers: string[];
  doc: string;
  /** The answering paragraph, numbered from 0 after the title, when the set says. */
  paragraph?: number;
}

/** Reads a JSONL question file; malformed lines are reported with their line number. */
export function readQuestions(file: string): GoldQuestion[] {
  const out: GoldQuestion[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let q: Partial<GoldQuestion>;
      try {
        q = JSON.parse(line) as Partial<GoldQuestion>;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      if (typeof q.question !== "string") throw new Error(`${file}:${i + 1}: no "question" string`);
      out.push({
        id: String(q.id ?? i + 1),
        question: q.question,
        answers: Array.isArray(q.answers) ? q.answers.map(String) : [],
        doc: String(q.doc ?? ""),
        ...(Number.isInteger(q.paragraph) ? { paragraph: Number(q.paragraph) } : {}),
      });
    });
  return out;
}

/**
 * Which half of a question set an article belongs to: articles (sorted by name) alternate
 * between "tune", where parameters are chosen, and "check", which confirms them.
 */
export function halfOf(docs: readonly string[], doc: string): "tune" | "check" {
  return docs.indexOf(doc) % 2 === 0 ? "tune" : "check";
}
