import { describe, expect, it } from "vitest";
import {
  type Answer,
  type Thread,
  createCitebotFromTexts,
  extendThread,
  toTurn,
} from "../../src/tools.ts";

// Two companies that share every generic word: only the thread says which one "it" is.
const bot = createCitebotFromTexts([
  {
    doc: "acme.md",
    text: [
      "# Acme",
      "",
      "Acme Rockets was founded by Ada Stone in Leeds. The company started trading in 1921.",
      "",
      "Acme Rockets paid for the new harbour bridge. The bridge cost four million pounds.",
    ].join("\n"),
  },
  {
    doc: "zenith.md",
    text: [
      "# Zenith",
      "",
      "Zenith Mills was founded by Tom Reed in York. The business started trading in 1950.",
      "",
      "Zenith Mills paid for the town library. The library cost two million pounds.",
      "",
      "Zenith Mills makes flour. Zenith Mills also makes flour sacks. Zenith Mills sells flour abroad.",
    ].join("\n"),
  },
]);

function first(answer: Answer): string {
  if (answer.kind !== "cited") throw new Error(`expected an answer, got ${answer.kind}`);
  return answer.excerpts[0].text;
}

/** Asks the questions in one thread, as an adapter would; returns every answer. */
function converse(...questions: string[]): Answer[] {
  let thread: Thread = [];
  return questions.map((q) => {
    const answer = bot.ask(q, { thread });
    thread = extendThread(thread, answer);
    return answer;
  });
}

describe("follow-ups", () => {
  // question chain → a piece of the sentence the last answer must start with, and why.
  const CHAINS: [questions: string[], expected: string, why: string][] = [
    [
      ["Who founded Zenith Mills?", "when did it start trading?"],
      "started trading in 1950",
      "'it' has no subject of its own: Zenith comes from the turn before",
    ],
    [
      ["Who founded Acme Rockets?", "when did it start trading?"],
      "started trading in 1921",
      "the same follow-up in another thread borrows another subject",
    ],
    [
      ["Who founded Acme Rockets?", "what did they pay for?", "how much did it cost?"],
      "cost four million pounds",
      "three turns: the bridge comes from turn two, Acme from turn one",
    ],
  ];
  for (const [questions, expected, why] of CHAINS) {
    it(`${questions.join(" → ")}: ${why}`, () => {
      expect(first(converse(...questions).at(-1) as Answer)).toContain(expected);
    });
  }

  it("a follow-up that names its own subject is answered as it would be alone", () => {
    const [, inThread] = converse("Who founded Acme Rockets?", "What does Zenith Mills make?");
    expect(first(inThread as Answer)).toBe(first(bot.ask("What does Zenith Mills make?")));
  });

  it("without the thread the same follow-up cannot tell the companies apart", () => {
    const alone = bot.ask("when did it start trading?");
    const withZenith = converse("Who founded Zenith Mills?", "when did it start trading?")[1];
    const withAcme = converse("Who founded Acme Rockets?", "when did it start trading?")[1];
    expect(first(withZenith as Answer)).not.toBe(first(withAcme as Answer));
    expect([first(withZenith as Answer), first(withAcme as Answer)]).toContain(first(alone));
  });

  it("a question with a subject of its own keeps to the thread's document when it answers there", () => {
    const [, inThread] = converse(
      "who founded zenith mills?",
      "when did the company start trading?",
    );
    expect(first(inThread as Answer)).toContain("started trading in 1950");
    expect(first(bot.ask("when did the company start trading?"))).toContain("in 1921");
  });

  it("a question about another document leaves the thread's document", () => {
    const [, other] = converse("who founded zenith mills?", "who founded acme rockets?");
    expect(first(other as Answer)).toContain("Ada Stone");
  });

  it("searches the thread's documents even when thirty others outscore them", () => {
    // The answer shares only "open" with the follow-up; every mill matches "open" and the
    // borrowed "built" better, so a search of the whole index alone never reaches it.
    const mills = Array.from({ length: 30 }, (_, i) => ({
      doc: `mill-${i}.md`,
      text: `# Mill ${i}\n\nThe Mill ${i} was built in 18${10 + i} and opened to workers in 18${20 + i}, when it opened its doors.`,
    }));
    const harbour = createCitebotFromTexts([
      {
        doc: "kestrel.md",
        text: [
          "# Coastal notes",
          "",
          "The Kestrel harbour was built by Ada Stone for the fishing fleet.",
          "",
          "Ships from the northern coast and the southern isles first came in 1921, the year when it opened, and trade grew for a long time after that.",
        ].join("\n"),
      },
      ...mills,
    ]);
    const asked = harbour.ask("who built the kestrel harbour?");
    const followUp = harbour.ask("when did it open?", { thread: extendThread([], asked) });
    expect(first(asked)).toContain("built by Ada Stone");
    expect(first(followUp)).toContain("first came in 1921");
    expect(first(harbour.ask("when did it open?"))).toContain("The Mill");
  });

  it("never gives an earlier turn's answer again", () => {
    const [one, two] = converse("Who founded Zenith Mills?", "Who founded Zenith Mills?");
    if (two?.kind === "cited") expect(two.excerpts[0].text).not.toBe(first(one as Answer));
  });

  it("a stricter least confidence turns a weak answer into not found", () => {
    expect(bot.ask("Who founded Zenith Mills?").kind).toBe("cited");
    expect(bot.ask("Who founded Zenith Mills?", { minConfidence: 1 }).kind).toBe("not_found");
  });
});

describe("more", () => {
  it("gives the next excerpts for the last question, never one shown before, then says so", () => {
    let thread: Thread = [];
    const answer = bot.ask("What does Zenith Mills make?");
    thread = extendThread(thread, answer);
    const seen = new Set(thread.flatMap((t) => t.shown.map((s) => s.start)));
    let next = bot.more(thread);
    let rounds = 0;
    while (next.kind === "cited") {
      for (const e of next.excerpts) {
        expect(seen.has(e.start)).toBe(false);
        seen.add(e.start);
      }
      expect(next.question).toBe("What does Zenith Mills make?");
      thread = extendThread(thread, next, true);
      next = bot.more(thread);
      expect(++rounds).toBeLessThan(10);
    }
    expect(next).toEqual({ kind: "no_more", question: "What does Zenith Mills make?" });
  });

  it("says there is nothing more when the thread is empty or its last turn was not found", () => {
    expect(bot.more([])).toEqual({ kind: "no_more", question: "" });
    const missing = bot.ask("What is the capital of France?");
    expect(missing.kind).toBe("not_found");
    expect(bot.more([toTurn(missing)]).kind).toBe("no_more");
  });

  it("leaves the thread as it was when no more came", () => {
    const thread = [toTurn(bot.ask("What does Zenith Mills make?"))];
    expect(extendThread(thread, { kind: "no_more", question: "x" }, true)).toEqual(thread);
  });
});
