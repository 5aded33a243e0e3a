import { readFileSync } from "node:fs";
import { fold } from "./scoring.ts";

/** One line of a data/natural question file (see data/natural/README.md). */
export interface NaturalQuestion {
  id: string;
  question: string;
  answers: string[];
  /** Verbatim pieces of the answering sentence; a right first excerpt holds one. */
  evidence: string[];
  /** The answering document, or null for an off-topic question. */
  doc: string | null;
  /** The document an off-topic question borrows its words from. */
  near: string | null;
  offtopic: boolean;
}

/** Reads a natural-question file; a malformed line is reported with its line number. */
export function readNatural(file: string): NaturalQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => {
      if (line.trim() === "") return [];
      const q = JSON.parse(line) as Partial<NaturalQuestion>;
      if (typeof q.question !== "string") throw new Error(`${file}:${i + 1}: no "question" string`);
      return [
        {
          id: String(q.id ?? i + 1),
          question: q.question,
          answers: (q.answers ?? []).map(String),
          evidence: (q.evidence ?? []).map(String),
          doc: typeof q.doc === "string" ? q.doc : null,
          near: typeof q.near === "string" ? q.near : null,
          offtopic: q.offtopic === true,
        },
      ];
    });
}

/** Whether an excerpt is the answering sentence: it holds one of the evidence strings. */
export function holdsEvidence(excerpt: string, evidence: readonly string[]): boolean {
  const e = fold(excerpt);
  return evidence.some((x) => e.includes(fold(x)));
}

/** The documents a natural-question file is about (its answers' and its off-topic ones'). */
export function documentsOf(questions: readonly NaturalQuestion[]): string[] {
  return [...new Set(questions.flatMap((q) => [q.doc, q.near].filter((d) => d !== null)))].sort();
}
