import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  MAX_QUESTION_LENGTH,
  createCitebotFromTexts,
  type Citebot,
} from "../src/tools.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(new URL(`../seeds/${SEED}`, import.meta.url), "utf8");
const seedBot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);
const seedWords = [...new Set(seedText.split(/\s+/).filter(Boolean))];

/** Asserts every invariant a cited answer promises, against the files it was built from. */
function checkAnswer(answer: Answer, files: ReadonlyMap<string, string>): void {
  expect(["cited", "not_found", "help"]).toContain(answer.kind);
  expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
  if (answer.kind !== "cited") return;
  expect(answer.excerpts.length).toBeGreaterThanOrEqual(1);
  expect(answer.excerpts.length).toBeLessThanOrEqual(3);
  const seen = new Set<string>();
  for (const e of answer.excerpts) {
    const text = files.get(e.doc);
    expect(text, `unknown doc ${e.doc}`).toBeDefined();
    if (text === undefined) return;
    expect(0 <= e.start && e.start < e.end && e.end <= text.length).toBe(true);
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.line).toBe(text.slice(0, e.start).split("\n").length);
    expect(seen.has(`${e.doc}:${e.start}`)).toBe(false);
    seen.add(`${e.doc}:${e.start}`);
    let previousEnd = 0;
    for (const h of e.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(previousEnd);
      expect(h.start).toBeLessThan(h.end);
      expect(h.end).toBeLessThanOrEqual(e.text.length);
      previousEnd = h.end;
    }
  }
  const first = answer.excerpts[0];
  if (answer.phrase && first) {
    const { span, start, end, text } = answer.phrase;
    expect(0 <= span.start && span.start < span.end && span.end <= first.text.length).toBe(true);
    expect(first.text.slice(span.start, span.end)).toBe(text);
    expect(start).toBe(first.start + span.start);
    expect(end).toBe(first.start + span.end);
  }
}

// Questions: any code units (lone surrogates, controls), any graphemes, or seed words mixed in.
const anyQuestion = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc
    .array(
      fc.oneof(fc.constantFrom(...seedWords), fc.string({ unit: "grapheme-ascii", maxLength: 8 })),
      {
        maxLength: 12,
      },
    )
    .map((ws) => ws.join(" ") + "?"),
);

// Seed texts: prose-like words and markup separated by spaces, newlines and blank lines.
const vocabulary = [
  "The",
  "harbour",
  "ship",
  "sailed",
  "S.",
  "Korea",
  "U.S.",
  "Mr.",
  "Dr.",
  "$8.5",
  "million",
  "No.",
  "5",
  "Jan.",
  "1910",
  "...",
  "…",
  '"quoted".',
  "#",
  "##",
  "*",
  "-",
  "1.",
  ">",
  "```",
  "::",
  ".. note::",
  "=====",
  "---",
  "[link](http://x.y)",
  "**bold**",
  "café",
  "naïve",
  "😀",
  "日本",
  "e.g.",
  "end.",
  "Why?",
  "Yes!",
  "\t",
  "\r",
  "\ufeff",
  "\u0000",
];
const seedTexts = fc.array(
  fc.record({
    name: fc.constantFrom("a.txt", "b.md", "c.rst", "dir/d.txt", "dir/e.markdown"),
    text: fc
      .array(
        fc.tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
            { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
          ),
          fc.constantFrom(" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", ". ", "   "),
        ),
        { minLength: 1, maxLength: 120 },
      )
      .map((parts) => parts.map(([w, sep]) => w + sep).join("")),
  }),
  { minLength: 1, maxLength: 3 },
);

function uniqueDocs(files: { name: string; text: string }[]): { doc: string; text: string }[] {
  const byName = new Map(files.map((f) => [f.name, f.text]));
  return [...byName].map(([doc, text]) => ({ doc, text }));
}

/** The file texts as citations index them (BOM removed). */
function textsOf(bot: Citebot): Map<string, string> {
  return new Map(bot.corpus.documents.map((d) => [d.doc, d.text]));
}

describe("ask over the bundled seed", () => {
  const files = new Map([[SEED, seedText]]);

  it("never throws and keeps every excerpt verbatim at its offsets, for any question", () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        checkAnswer(seedBot.ask(question), files);
      }),
      { numRuns: 300 },
    );
  });

  it("cuts a question to MAX_QUESTION_LENGTH before cleaning it (what is past the cut is never read)", () => {
    const hidden = "\u200b".repeat(MAX_QUESTION_LENGTH) + "How much did Tokyo agree to pay?";
    expect(seedBot.ask(hidden).kind).toBe("help");
  });

  it("answers a 40,000-character question, read up to MAX_QUESTION_LENGTH", () => {
    const sentence = "How much did Tokyo agree to pay? ";
    const question = sentence.repeat(Math.ceil(40_000 / sentence.length)).slice(0, 40_000);
    expect(question.length).toBe(40_000);
    const answer = seedBot.ask(question);
    checkAnswer(answer, files);
    expect(answer.kind).toBe("cited");
    expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    if (answer.kind === "cited") expect(answer.excerpts[0]?.text).toContain("$8 million");
  });
});

describe("ask over generated seed texts", () => {
  it("never throws and keeps every excerpt verbatim, for any seeds and question", () => {
    fc.assert(
      fc.property(
        seedTexts,
        fc.array(anyQuestion, { minLength: 1, maxLength: 3 }),
        (raw, questions) => {
          const docs = uniqueDocs(raw);
          const bot = createCitebotFromTexts(docs);
          const files = textsOf(bot);
          for (const d of docs) expect(files.get(d.doc)).toBe(d.text.replace(/^\ufeff/, ""));
          for (const q of questions) checkAnswer(bot.ask(q), files);
          // Questions made of the seeds' own words exercise the answer path, not only not-found.
          for (const d of docs) checkAnswer(bot.ask(d.text.slice(0, 200)), files);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps every passage's sentences inside the passage and the file", () => {
    fc.assert(
      fc.property(seedTexts, (raw) => {
        const bot = createCitebotFromTexts(uniqueDocs(raw));
        for (const p of bot.corpus.passages) {
          const doc = bot.corpus.documents[p.docIndex];
          expect(doc).toBeDefined();
          if (!doc) continue;
          expect(0 <= p.start && p.start < p.end && p.end <= doc.text.length).toBe(true);
          let previousEnd = p.start;
          for (const s of p.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            expect(s.start).toBeLessThan(s.end);
            expect(s.end).toBeLessThanOrEqual(p.end);
            expect(doc.text.slice(s.start, s.end).trim()).toBe(doc.text.slice(s.start, s.end));
            previousEnd = s.end;
          }
        }
      }),
      // A known-hard shape first: an empty bullet whose text wraps to the next line.
      { numRuns: 150, examples: [[[{ name: "a.txt", text: "Title\n\nIntro:\n- \n  The item." }]]] },
    );
  });
});
