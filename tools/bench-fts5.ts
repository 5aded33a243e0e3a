// SQLite FTS5 over the same passages, as a reference for the bench: the same questions as OR
// queries of their words ranked by bm25(), 12 rows, and a cold open (a fresh process opening
// the database file and answering one question). better-sqlite3 is already a dependency (the
// question log); nothing is added for users.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/** A passage as FTS5 indexes it. */
export interface FtsPassage {
  section: string;
  text: string;
}

const toQuery = (q: string) =>
  [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].map((w) => `"${w}"`).join(" OR ");

const SEARCH = "SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 12";

/** Child mode: open `file`, answer `question`, print the milliseconds it took. */
export function ftsColdChild(file: string, question: string): void {
  const started = performance.now();
  const db = new Database(file, { readonly: true });
  db.prepare(SEARCH).all(toQuery(question));
  console.log(JSON.stringify({ ms: performance.now() - started }));
  db.close();
}

/** Builds the FTS5 index, times the questions, and a cold open in a fresh process (`self`: node arguments that run the bench). */
export function benchFts5(
  passages: Iterable<FtsPassage>,
  questions: readonly string[],
  self: readonly string[],
): { latencies: number[]; coldMs: number; fileMb: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "citebot-fts5-"));
  const file = path.join(dir, "fts.db");
  try {
    const db = new Database(file);
    db.exec("CREATE VIRTUAL TABLE p USING fts5(section, text, tokenize = 'porter unicode61')");
    const insert = db.prepare("INSERT INTO p (section, text) VALUES (?, ?)");
    db.transaction(() => {
      for (const p of passages) insert.run(p.section, p.text);
    })();
    db.exec("INSERT INTO p(p) VALUES ('optimize')");
    const search = db.prepare(SEARCH);
    const run = (q: string) => {
      const query = toQuery(q);
      return query ? search.all(query) : [];
    };
    for (const q of questions.slice(0, 50)) run(q);
    const latencies = questions
      .map((q) => {
        const s = performance.now();
        run(q);
        return performance.now() - s;
      })
      .sort((a, b) => a - b);
    db.close();
    const child = spawnSync(
      process.execPath,
      [...self, "--fts-cold-child", file, questions[0] ?? "question"],
      { encoding: "utf8" },
    );
    const cold = JSON.parse(child.stdout.trim().split("\n").at(-1) || "{}") as { ms?: number };
    const fileMb =
      Number(spawnSync("du", ["-k", file], { encoding: "utf8" }).stdout.split("\t")[0]) / 1024;
    return { latencies, coldMs: cold.ms ?? NaN, fileMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
