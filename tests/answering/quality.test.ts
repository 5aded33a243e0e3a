import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { halfOf, readQuestions } from "../../tools/questions.ts";
import { f1Score, holdsAnswer } from "../../tools/scoring.ts";
import { holdsEvidence, readNatural } from "../../tools/natural.ts";
import { createCitebotFromTexts, loadSeeds } from "../../src/tools.ts";

const data = fileURLToPath(new URL("../../data/", import.meta.url));
const bundledSeeds = fileURLToPath(new URL("../../seeds/", import.meta.url));

// Floors sit on data no parameter was chosen on: the check half of squad-dev-a (training and
// tuning use the tune half only) and the held-out natural questions over the bundled article.
// Floors = what the code reached when the test was written, minus 0.03, measured on commit
// 4e81ba4 by this test's own arithmetic (the same as `npm run eval`):
//   check-half articles as one corpus: P@1 0.722, answered 0.965, answer-phrase F1 0.352
//   data/natural/seed.jsonl over the bundled article: right first quote 0.58, answered 0.79
// Raise the floors when answering improves; never lower them to make a change pass.
const CHECK_P_AT_1_FLOOR = 0.722 - 0.03;
const CHECK_ANSWERED_FLOOR = 0.965 - 0.03;
const CHECK_F1_FLOOR = 0.352 - 0.03;
const SEED_RIGHT_FIRST_FLOOR = 0.58 - 0.03;
const SEED_ANSWERED_FLOOR = 0.79 - 0.03;

describe("answer quality on held-out questions", () => {
  it("keeps P@1, the answered rate and answer-phrase F1 on the check-half articles above their floors", async () => {
    const all = readQuestions(path.join(data, "squad-dev-a/questions.jsonl"));
    const docs = [...new Set(all.map((q) => q.doc))].sort();
    const check = all.filter((q) => halfOf(docs, q.doc) === "check");
    const { files } = await loadSeeds(path.join(data, "squad-dev-a/seeds"));
    const checkFiles = files.filter((f) => halfOf(docs, path.basename(f.doc)) === "check");
    expect(checkFiles).toHaveLength(12);
    const bot = createCitebotFromTexts(checkFiles);
    let p1 = 0;
    let answered = 0;
    let f1 = 0;
    for (const q of check) {
      const a = bot.ask(q.question);
      if (a.kind !== "cited") continue;
      answered++;
      if (holdsAnswer(a.excerpts[0].text, q.answers)) p1++;
      f1 += f1Score(a.phrase?.text ?? "", q.answers);
    }
    const n = check.length;
    expect(p1 / n, `P@1 ${(p1 / n).toFixed(3)}`).toBeGreaterThanOrEqual(CHECK_P_AT_1_FLOOR);
    expect(answered / n, `answered ${(answered / n).toFixed(3)}`).toBeGreaterThanOrEqual(
      CHECK_ANSWERED_FLOOR,
    );
    expect(f1 / n, `answer F1 ${(f1 / n).toFixed(3)}`).toBeGreaterThanOrEqual(CHECK_F1_FLOOR);
  });

  it("keeps the right first quote and the answered rate on natural questions over the bundled article", async () => {
    const questions = readNatural(path.join(data, "natural/seed.jsonl")).filter((q) => !q.offtopic);
    expect(questions).toHaveLength(100);
    const { files } = await loadSeeds(bundledSeeds);
    const bot = createCitebotFromTexts(files);
    let right = 0;
    let answered = 0;
    for (const q of questions) {
      const a = bot.ask(q.question);
      if (a.kind !== "cited") continue;
      answered++;
      if (holdsEvidence(a.excerpts[0].text, q.evidence)) right++;
    }
    const n = questions.length;
    expect(right / n, `right first ${right / n}`).toBeGreaterThanOrEqual(SEED_RIGHT_FIRST_FLOOR);
    expect(answered / n, `answered ${answered / n}`).toBeGreaterThanOrEqual(SEED_ANSWERED_FLOOR);
  });
});
