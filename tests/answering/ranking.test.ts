import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Answer, type Excerpt, createCitebotFromTexts } from "../../src/tools.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(new URL(`../../seeds/${SEED}`, import.meta.url), "utf8");
const bot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);

function excerptsOf(answer: Answer): Excerpt[] {
  if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
  return answer.excerpts;
}

// question → a piece of the sentence that must come first, and why.
const RANKING: [question: string, first: string, why: string][] = [
  [
    "How much did Tokyo agree to pay?",
    "Tokyo agreed to pay $8 million into a fund",
    "the quick-start question: every content word is in the sentence",
  ],
  [
    "How much did Tokio agre to pay?",
    "Tokyo agreed to pay $8 million into a fund",
    "misspellings: Tokio → Tokyo and agre → agree are corrected against the index",
  ],
  [
    "How large was the fund Tokyo paid into?",
    "Tokyo agreed to pay $8 million into a fund",
    "paraphrase: 'paid' meets 'pay' through the irregular past, 'large' is not in the seed",
  ],
  [
    "How much money did Tokyo pay into the fund?",
    "Tokyo agreed to pay $8 million into a fund",
    "paraphrase: 'money' for '$'; 'how much' asks for an amount and is not a topic word",
  ],
  [
    "Who apologized for Japan's troops?",
    "offered an apology from Prime Minister Shinzo Abe",
    "paraphrase: the verb 'apologized' shares its stem with the noun 'apology'",
  ],
  [
    "When did Japan rule Korea?",
    "Japan's brutal rule of the Korean peninsula between 1910 and 1945",
    "paraphrase: the possessive and 'Korean' still meet 'Japan' and 'Korea'",
  ],
  [
    "Who was impeached in 2016?",
    "President Park Geun-hye, who was impeached in 2016",
    "the sentence after a quotation that ends with '\".' — the split must happen there",
  ],
  [
    "How many women were forced to work in brothels?",
    "as many as 200,000 Korean women forced to work in the brothels",
    "a number question whose terms are all in one sentence",
  ],
  [
    "Where did Kang talk to reporters?",
    "Kang told reporters at the Ministry of Foreign Affairs",
    "paraphrase: 'talk' for 'told'; 'Kang' and 'reporters' pick the sentence",
  ],
  [
    "Which statue did Seoul fail to remove?",
    "South Korea failed to remove a statue commemorating comfort women",
    "'Seoul' is in the sentence too, but as the place of the embassy",
  ],
  [
    "Who responded Tuesday?",
    'Kono responded Tuesday, "responsibly implementing"',
    "a sentence made mostly of quotations",
  ],
  [
    "When did Moon Jae-in take office?",
    "President Moon Jae-in took office in May",
    "'take' meets 'took' through the irregular past; a hyphenated name",
  ],
  [
    "How many accepted the settlement in 2015?",
    "36 accepted the settlement",
    "'2015' appears in several sentences; 'accepted the settlement' only in this one",
  ],
  [
    "Will South Korea demand a renegotiation?",
    "we will not demand a renegotiation from the Japanese government",
    "'demand' picks Kang's quotation over the neighbouring 'request a renegotiation'",
  ],
  [
    "What does Seoul replace Tokyo's money with?",
    "replacing the funds from its own budget",
    "'replace' meets 'replacing' by stemming",
  ],
  [
    "By whom was the deal reached?",
    "The deal was reached by the government of President Park Geun-hye",
    "passive voice: 'by whom … reached' meets the passive sentence word for word",
  ],
  [
    "In which year, after months of street protests and turmoil, was the president impeached?",
    "who was impeached in 2016 after months of turmoil and street protests",
    "the question word is far from what it asks about; the year must come from its surroundings",
  ],
  [
    "Out of 47 victims, how many accepted?",
    "In 2015, when there were 47, 36 accepted the settlement",
    "numbers are terms: '47' occurs only in this sentence",
  ],
  [
    "Who was impeeched?",
    "who was impeached in 2016",
    "misspelling: 'impeeched' is corrected to 'impeached', the only sentence with it",
  ],
  [
    "How many Korean women do activists estimate were forced to work in brothels?",
    "as many as 200,000 Korean women forced to work in the brothels",
    "'how many' is a question phrase, not a topic word: 'many' in 'as many as' must not be needed",
  ],
  [
    "Which countries are in contention over comfort women?",
    "contention between Japan and neighbours China and North and South Korea",
    "'contention' occurs once; 'comfort women' occurs in many sentences",
  ],
];

describe("ranking over the bundled seed", () => {
  for (const [question, first, why] of RANKING) {
    it(`${question} → “${first}” (${why})`, () => {
      const excerpts = excerptsOf(bot.ask(question));
      expect(excerpts[0]?.text).toContain(first);
    });
  }

  it("marks the question's words and the $8 million answer in the first excerpt", () => {
    const answer = bot.ask("How much did Tokyo agree to pay?");
    const [first] = excerptsOf(answer);
    if (!first || answer.kind !== "cited") throw new Error("no first excerpt");
    const marked = first.highlights.map((h) => first.text.slice(h.start, h.end));
    expect(marked).toEqual(expect.arrayContaining(["Tokyo", "agreed", "pay"]));
    expect(answer.phrase?.text).toBe("$8 million");
    expect(first.doc).toBe(SEED);
    expect(first.line).toBe(11);
  });
});

// question → the phrase marked as the answer inside the first excerpt, and why.
const ANSWER_PHRASES: [question: string, phrase: string, why: string][] = [
  ["How much did Tokyo agree to pay?", "$8 million", "'how much' asks for an amount, kept whole"],
  [
    "When was Park Geun-hye impeached?",
    "2016",
    "'when' asks for a date: the year next to 'impeached'",
  ],
  ["Who responded Tuesday?", "Kono", "'who' asks for a name: the capitalised word before the verb"],
  ["Out of 47 victims, how many accepted?", "36", "a number that is not in the question"],
];

describe("answer phrase", () => {
  for (const [question, phrase, why] of ANSWER_PHRASES) {
    it(`${question} → “${phrase}” (${why})`, () => {
      const answer = bot.ask(question);
      if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
      expect(answer.phrase?.text).toBe(phrase);
      const first = answer.excerpts[0];
      expect(first && seedText.slice(answer.phrase?.start, answer.phrase?.end)).toBe(phrase);
    });
  }
});

describe("abstention", () => {
  // Off-topic questions: any overlap with the seed is a stop word or a lone common word.
  const OFF_TOPIC = [
    "What is the capital of France?",
    "How do I reset my password?",
    "What is the weather in Paris?",
    "Who invented the telephone?",
    "How do I install Python?",
  ];
  for (const question of OFF_TOPIC) {
    it(`answers “${question}” with not found`, () => {
      expect(bot.ask(question).kind).toBe("not_found");
    });
  }

  it("suggests a corrected spelling when a misspelled question finds nothing", () => {
    const answer = bot.ask("What is the capital of Jpan?");
    expect(answer.kind).toBe("not_found");
    if (answer.kind !== "not_found") return;
    expect(answer.suggestions.spelling).toBe("What is the capital of Japan?");
    expect(answer.suggestions.titles).toContain(
      "Japan rejects South Korean call for extra steps over 'comfort women'",
    );
  });
});

describe("question words are not topic words", () => {
  // "How much" and "How many" ask for an amount; in a small corpus that never uses "much",
  // treating it as a rare topic word outweighs every real match.
  const small = createCitebotFromTexts([
    {
      doc: "storm.txt",
      text: "Storm report\n\nThe storm flooded the northern quay.\nBoats were moved inland.\n\nRepairs cost ninety thousand pounds.\n",
    },
  ]);
  it.each([
    ["How much did the repairs cost?", "Repairs cost ninety thousand pounds."],
    ["How many boats were moved?", "Boats were moved inland."],
  ])("%s → %s", (question, sentence) => {
    expect(excerptsOf(small.ask(question))[0]?.text).toBe(sentence);
  });
});

describe("excerpts", () => {
  const questions = RANKING.map(([q]) => q);

  it("gives 1–3 excerpts, best first, and never cites a sentence twice", () => {
    for (const question of questions) {
      const answer = bot.ask(question);
      if (answer.kind !== "cited") continue;
      const { excerpts } = answer;
      expect(excerpts.length, question).toBeGreaterThanOrEqual(1);
      expect(excerpts.length, question).toBeLessThanOrEqual(3);
      const places = excerpts.map((e) => `${e.doc}:${e.start}`);
      expect(new Set(places).size, question).toBe(places.length);
      const scores = excerpts.map((e) => e.score);
      expect(scores, question).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("cites no sentence twice even when a corpus repeats the same words", () => {
    const text =
      "Echo\n\nThe bell rang twice at noon.\n\nThe bell rang twice at noon.\n\nThe bell rang twice at noon.\n";
    const echo = createCitebotFromTexts([{ doc: "echo.txt", text }]);
    const excerpts = excerptsOf(echo.ask("When did the bell ring twice?"));
    const starts = excerpts.map((e) => e.start);
    expect(new Set(starts).size).toBe(starts.length);
    for (const e of excerpts) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("clips a sentence over 400 characters around the question's words, marking the cut", () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    const sentence = `${filler(60)} the zeppelin landed at Lakehurst ${filler(60)}.`;
    const text = `Airships\n\n${sentence}\n`;
    const long = createCitebotFromTexts([{ doc: "air.txt", text }]);
    const [first] = excerptsOf(long.ask("Where did the zeppelin land?"));
    expect(sentence.length).toBeGreaterThan(800);
    expect(first?.text.length).toBeLessThanOrEqual(400);
    expect(first?.text).toContain("zeppelin landed at Lakehurst");
    expect(first?.clippedStart).toBe(true);
    expect(first?.clippedEnd).toBe(true);
    expect(text.slice(first?.start, first?.end)).toBe(first?.text);
  });

  it("respects maxExcerpts", () => {
    const one = createCitebotFromTexts([{ doc: SEED, text: seedText }], { maxExcerpts: 1 });
    for (const question of questions) {
      const answer = one.ask(question);
      if (answer.kind === "cited") expect(answer.excerpts).toHaveLength(1);
    }
  });
});

describe("messages that are not questions", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["\t\n", "empty"],
    ["hi", "greeting"],
    ["Hello there!", "greeting"],
    ["help", "help"],
    ["?", "help"],
    ["thanks", "thanks"],
    ["Thank you!", "thanks"],
  ])("%j gets a help reply (%s)", (message, reason) => {
    expect(bot.ask(message)).toMatchObject({ kind: "help", reason });
  });

  it("treats a question that merely contains 'help' as a question", () => {
    expect(bot.ask("How did the fund help the victims?").kind).not.toBe("help");
  });
});

describe("why questions", () => {
  const dam = createCitebotFromTexts([
    {
      doc: "dam.md",
      text: "# Dam\n\nThe Kell dam was built in 1950 across the river. It was needed because the valley flooded every spring.",
    },
  ]);
  const featuresOf = (question: string) =>
    Object.fromEntries(dam.analyse(question).hits.map((h) => [h.sentence, h.features] as const));

  it("mark the sentence that gives a reason, and the one after the fact it explains", () => {
    const f = featuresOf("why was the kell dam built?");
    expect(f[1]?.reason).toBe(1);
    expect(f[0]?.reason).toBe(0);
    expect(f[1]?.reasonAfter).toBeGreaterThan(0);
    expect(f[0]?.reasonAfter).toBe(0);
  });

  it("leave other questions' features as they were", () => {
    const f = featuresOf("when was the kell dam built?");
    expect(f[1]?.reason).toBe(0);
    expect(f[1]?.reasonAfter).toBe(0);
  });
});
