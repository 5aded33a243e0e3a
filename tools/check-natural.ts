/**
 * Checks hand-written question files against data/natural/README.md ("Line formats", "Validation").
 * Usage: npx tsx tools/check-natural.ts data/natural/dev-more.jsonl [more.jsonl ...]
 * Documents are read from data/squad-dev-a/seeds/ (`NN-name.md`) and seeds/ (`.txt`).
 * Every problem is printed as `file:line: id: problem`, and the per-document, off-topic
 * and per-style counts are compared with the README's Split and Style counts tables.
 * Exits 1 if any error was found, 0 otherwise.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STYLES = ["paraphrase", "lowercase", "typo", "yesno", "why", "fragment", "chatty", "short"];

/** A loaded document: its full text and the [start, end) span of each paragraph block. */
export type Doc = { text: string; blocks: [number, number][] };

const docs = new Map<string, Doc | null>();

/** Loads a document by file name (cached); null if it is in neither document folder. */
export function loadDoc(name: unknown): Doc | null {
  if (typeof name !== "string" || !/^[\w.-]+$/.test(name)) return null;
  if (docs.has(name)) return docs.get(name) ?? null;
  const dir = name.endsWith(".txt") ? "seeds" : join("data", "squad-dev-a", "seeds");
  const path = join(ROOT, dir, name);
  let doc: Doc | null = null;
  if (existsSync(path)) {
    const text = readFileSync(path, "utf8");
    // Paragraph blocks are the blank-line-separated runs after the first (title) line.
    const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
    re.lastIndex = text.indexOf("\n") + 1;
    const blocks: [number, number][] = [];
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].trim() !== "") blocks.push([m.index, m.index + m[0].length]);
    }
    doc = { text, blocks };
  }
  docs.set(name, doc);
  return doc;
}

/** Start of the sentence holding position `at` (sentences end at . ! ? plus space, or a newline). */
export function sentenceStart(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/[.!?]["')\]]*\s+|\n/g)) start = m.index + m[0].length;
  return start;
}

/**
 * Checks the evidence strings of one question or conversation turn (paragraph only if given).
 * Returns the problems found and the start of each evidence string's sentence.
 */
export function checkEvidence(doc: Doc, evidence: unknown, paragraph?: unknown) {
  const problems: string[] = [];
  const sentences: number[] = [];
  if (!Array.isArray(evidence) || evidence.length === 0)
    return { problems: ["no evidence"], sentences };
  const block = typeof paragraph === "number" ? doc.blocks[paragraph] : undefined;
  if (paragraph !== undefined && !block) problems.push(`paragraph ${String(paragraph)} not in doc`);
  for (const e of evidence.map(String)) {
    if (e.length < 30) problems.push(`evidence shorter than 30 chars: "${e}"`);
    const count = e === "" ? 0 : doc.text.split(e).length - 1;
    if (count !== 1) problems.push(`evidence occurs ${count} times: "${e}"`);
    const pos = doc.text.indexOf(e);
    if (pos < 0) continue;
    sentences.push(sentenceStart(doc.text, pos));
    if (block && (pos < block[0] || pos + e.length > block[1])) {
      problems.push(`evidence not inside paragraph ${String(paragraph)}: "${e}"`);
    }
  }
  return { problems, sentences };
}

/** Checks a conversation line: 2-3 turns, valid evidence, later turns not answered by turn 1's sentence. */
export function checkConversation(doc: Doc, turns: Record<string, unknown>[]): string[] {
  const p = turns.length < 2 || turns.length > 3 ? [`${turns.length} turns, want 2-3`] : [];
  let first: number[] = [];
  turns.forEach((t, i) => {
    if (typeof t.question !== "string" || t.question.trim() === "")
      p.push(`turn ${i + 1}: no question`);
    const r = checkEvidence(doc, t.evidence);
    p.push(...r.problems.map((s) => `turn ${i + 1}: ${s}`));
    if (i === 0) first = r.sentences;
    else if (r.sentences.some((s) => first.includes(s)))
      p.push(`turn ${i + 1}: same sentence as turn 1`);
  });
  return p;
}

/** Checks one parsed line (answerable, off-topic or conversation); returns its problems. */
export function checkLine(q: Record<string, unknown>): string[] {
  const doc = loadDoc(q.doc);
  if (Array.isArray(q.turns))
    return doc ? checkConversation(doc, q.turns) : [`unknown doc ${String(q.doc)}`];
  const p = typeof q.question === "string" && q.question.trim() !== "" ? [] : ["no question"];
  if (!Array.isArray(q.answers) || !Array.isArray(q.evidence))
    return [...p, "answers/evidence not lists"];
  if (q.offtopic === true) {
    if (q.doc !== null) p.push("off-topic doc must be null");
    if (q.answers.length || q.evidence.length) p.push("off-topic answers/evidence must be []");
    if (!loadDoc(q.near)) p.push(`unknown near ${String(q.near)}`);
    return p;
  }
  if (!doc) return [...p, `unknown doc ${String(q.doc)}`];
  if (!STYLES.includes(String(q.style))) p.push(`bad style ${String(q.style)}`);
  if (!Number.isInteger(q.paragraph)) p.push("paragraph is not an integer");
  if (q.answers.length > 3) p.push(`${q.answers.length} answers, want 1-3`);
  if (!q.answers.length && q.style !== "yesno" && q.style !== "why")
    p.push("answers [] outside yesno/why");
  for (const a of q.answers) {
    if (typeof a !== "string" || a === "" || !doc.text.includes(a))
      p.push(`answer not in doc: ${JSON.stringify(a)}`);
  }
  return [...p, ...checkEvidence(doc, q.evidence, q.paragraph).problems];
}

/** A count that differs from the README's value `want`, as a one-item list; empty if equal. */
function differ(what: string, want: unknown, got: number): string[] {
  return Number(want) === got ? [] : [`${what}: README says ${String(want)}, file has ${got}`];
}

/** Per-file counts: answerable questions per document and per style, and off-topic ones. */
export type Counts = { perDoc: Map<string, number>; styles: Map<string, number>; off: number };

/** Compares the counts with the README's Split row and Style counts column for this file. */
export function checkReadme(file: string, c: Counts): string[] {
  const lines = readFileSync(join(ROOT, "data", "natural", "README.md"), "utf8").split("\n");
  const name = basename(file);
  const row = lines.find((l) => l.startsWith(`| \`${name}\``));
  if (!row) return [`${name} not in README Split table`];
  if (row.includes("conversations")) return [];
  const cell = (re: RegExp) => re.exec(row)?.[1];
  const total = [...c.perDoc.values()].reduce((a, b) => a + b, 0);
  const p = differ("answerable", cell(/(\d+) answerable/), total);
  p.push(...differ("off-topic", cell(/(\d+) off-topic/), c.off));
  const each = cell(/(\d+) each/);
  for (const [d, n] of c.perDoc) if (each !== undefined) p.push(...differ(d, each, n));
  const tableRow = (s: string) =>
    lines.find((l) => new RegExp(`^\\|\\s*${s}\\s*\\|`).test(l))?.split("|");
  const col =
    tableRow("style")
      ?.map((c) => c.trim())
      .indexOf(name.replace(/\.jsonl$/, "")) ?? -1;
  if (col < 0) return [...p, `${name} has no column in README Style counts table`];
  for (const s of STYLES)
    p.push(...differ(`style ${s}`, tableRow(s)?.[col]?.trim(), c.styles.get(s) ?? 0));
  return p;
}

/** Checks one file, printing each problem and a count summary; returns the number of errors. */
export function checkFile(file: string): number {
  let errors = 0;
  let off = 0;
  const ids = new Set<string>();
  const perDoc = new Map<string, number>();
  const styles = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let q: Record<string, unknown> = {};
      let p: string[];
      try {
        q = JSON.parse(line) as Record<string, unknown>;
        p = checkLine(q);
      } catch (e) {
        p = [`not valid JSON (${(e as Error).message})`];
      }
      const id = String(q.id ?? "?");
      if (ids.has(id)) p.push("duplicate id");
      ids.add(id);
      if (q.offtopic === true) off++;
      else if (typeof q.doc === "string" && !Array.isArray(q.turns)) {
        bump(perDoc, q.doc);
        bump(styles, String(q.style));
      }
      for (const s of p) console.log(`${file}:${i + 1}: ${id}: ${s}`);
      errors += p.length;
    });
  const r = checkReadme(file, { perDoc, styles, off });
  for (const s of r) console.log(`${file}: README: ${s}`);
  errors += r.length;
  const docList = [...perDoc].map(([d, n]) => `${d} ${n}`).join(", ") || "none";
  console.log(`${file}: ${ids.size} lines; answerable: ${docList}; off-topic ${off}`);
  const styleList = STYLES.map((s) => `${s} ${styles.get(s) ?? 0}`).join(", ");
  if (styles.size) console.log(`${file}: styles: ${styleList}`);
  console.log(`${file}: ${errors} errors`);
  return errors;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: npx tsx tools/check-natural.ts data/natural/<file>.jsonl [...]");
  process.exit(2);
}
const errors = files.reduce((n, f) => n + checkFile(f), 0);
process.exit(errors > 0 ? 1 : 0);
