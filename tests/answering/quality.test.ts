import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../tools/questions.ts";
import { f1Score, holdsAnswer } from "../../tools/scoring.ts";
import { openCitebot } from "../../src/tools.ts";

// A fixed sample of squad-dev-a (4 articles, 491 questions), vendored with its attribution in
// tests/fixtures/squad-sample/README.md so this test needs nothing outside the repository.
const sample = fileURLToPath(new URL("../fixtures/squad-sample/", import.meta.url));

// Floors = what the code reached on this sample when the test was written, minus 0.03.
// Measured on commit 7ee1ddb (learned abstention and answer phrases) with
//   npx tsx tools/eval.ts --seeds tests/fixtures/squad-sample/seeds \
//     --questions tests/fixtures/squad-sample/questions.jsonl --no-abstention
// which printed P@1 0.792, answered 0.945 and answer-phrase F1 0.419 (this test computes the
// same figures the same way). The answered rate fell from 0.955 when abstention became a
// learned model: on this 4-article corpus it refuses a few more questions.
// Raise the floors when ranking improves; never lower them to make a change pass.
const P_AT_1_FLOOR = 0.792 - 0.03;
const ANSWERED_FLOOR = 0.945 - 0.03;
const ANSWER_F1_FLOOR = 0.419 - 0.03;

describe("answer quality on the vendored squad-dev-a sample", () => {
  it("keeps P@1, the answered rate and answer-phrase F1 above their floors", async () => {
    const questions = readQuestions(`${sample}questions.jsonl`);
    expect(questions).toHaveLength(491);
    const bot = await openCitebot({ seedsDir: `${sample}seeds`, cacheDir: null });
    expect(bot.documents()).toHaveLength(4);

    let p1 = 0;
    let answered = 0;
    let f1 = 0;
    for (const q of questions) {
      const a = bot.ask(q.question);
      if (a.kind !== "cited") continue;
      answered++;
      // Same rule as `npm run eval`: the first excerpt holds a gold answer.
      if (a.excerpts.findIndex((e) => holdsAnswer(e.text, q.answers)) === 0) p1++;
      f1 += f1Score(a.phrase?.text ?? "", q.answers);
    }
    const pAt1 = p1 / questions.length;
    const answeredRate = answered / questions.length;
    expect(pAt1, `P@1 ${pAt1.toFixed(3)}`).toBeGreaterThanOrEqual(P_AT_1_FLOOR);
    expect(answeredRate, `answered ${answeredRate.toFixed(3)}`).toBeGreaterThanOrEqual(
      ANSWERED_FLOOR,
    );
    const answerF1 = f1 / questions.length;
    expect(answerF1, `answer F1 ${answerF1.toFixed(3)}`).toBeGreaterThanOrEqual(ANSWER_F1_FLOOR);
  });
});
