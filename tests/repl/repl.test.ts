import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  SeedsError,
  type Responder,
  createCitebotFromTexts,
  collectionOf,
  createCollectionRouter,
} from "../../src/tools.ts";
import { startRepl, type ReplOptions } from "../../adapters/repl/repl.ts";

const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(new URL(`../../seeds/${SEED}`, import.meta.url), "utf8");
const seedBot = createCitebotFromTexts([{ doc: SEED, text: seedText }]);
const harbourBot = createCitebotFromTexts([
  { doc: "harbour.md", text: "# Harbour Guide\n\nThe lighthouse was built in 1871.\n" },
]);

/** Runs the REPL over in-memory streams; resolves with everything it printed once it ends. */
async function session(
  lines: readonly string[],
  options: Partial<ReplOptions> & { end?: boolean } = {},
): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.setEncoding("utf8");
  output.on("data", (chunk: string) => (printed += chunk));
  const { done } = startRepl({
    input,
    output,
    responder: seedBot,
    reload: () => Promise.reject(new Error("reload was not expected")),
    interactive: false,
    color: false,
    ...options,
  });
  input.write(lines.map((l) => l + "\n").join(""));
  if (options.end !== false) input.end();
  await done;
  return printed;
}

describe("REPL transcript", () => {
  it("answers a question with the cited $8 million sentence", async () => {
    const out = await session(["How much did Tokyo agree to pay?"]);
    expect(out).toContain("[1] “Under the deal, Tokyo agreed to pay [$8 million] into a fund");
    expect(out).toMatch(
      /— Japan rejects South Korean call .* \(000_887bfa2e2a327b24\.txt:11, paragraph 6, chars \d+–\d+\)/,
    );
    expect(out).not.toContain("\x1b["); // plain text when colour is off
  });

  it("answers several questions in order", async () => {
    const out = await session([
      "Who responded Tuesday?",
      "What is the capital of France?",
      "thanks",
    ]);
    const kono = out.indexOf("[Kono] responded Tuesday");
    const notFound = out.indexOf("Not found");
    const welcome = out.indexOf("You're welcome");
    expect(kono).toBeGreaterThanOrEqual(0);
    expect(notFound).toBeGreaterThan(kono);
    expect(welcome).toBeGreaterThan(notFound);
  });

  it("lists the documents with their titles on :sources", async () => {
    const out = await session([":sources"]);
    expect(out).toMatch(
      /^1\. Japan rejects South Korean call for extra steps over 'comfort women' — 000_887bfa2e2a327b24\.txt \(\d+ passages\)\n$/,
    );
  });

  it("prints the commands on :help", async () => {
    const out = await session([":help"]);
    for (const command of [":help", ":sources", ":reload", ":more", ":new", ":quit"])
      expect(out).toContain(command);
  });

  it("reloads on :reload and answers from the new index", async () => {
    const out = await session([":reload", "When was the lighthouse built?", ":sources"], {
      reload: () => Promise.resolve(harbourBot),
    });
    expect(out).toMatch(/Reloaded: 1 document/);
    expect(out).toContain("The lighthouse was built in [1871].");
    expect(out).toContain("harbour.md:3");
    expect(out).toContain("1. Harbour Guide — harbour.md");
  });

  it("keeps answering from the old index when :reload fails, and says why", async () => {
    const out = await session([":reload", "How much did Tokyo agree to pay?"], {
      reload: () =>
        Promise.reject(new SeedsError("citebot: seeds folder /nowhere does not exist; create it")),
    });
    expect(out).toContain("Reload failed, still answering from the previous index");
    expect(out).toContain("seeds folder /nowhere does not exist");
    expect(out.indexOf("$8 million")).toBeGreaterThan(out.indexOf("Reload failed"));
  });

  it("answers lines sent while a slow :reload is running after it, in order", async () => {
    let finish: (r: Responder) => void = () => undefined;
    const slow = new Promise<Responder>((resolve) => (finish = resolve));
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.setEncoding("utf8");
    output.on("data", (chunk: string) => (printed += chunk));
    const { done } = startRepl({
      input,
      output,
      responder: seedBot,
      reload: () => slow,
      interactive: false,
      color: false,
    });
    input.end(":reload\nWhen was the lighthouse built?\n");
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(printed).toBe("");
    finish(harbourBot);
    await done;
    expect(printed.indexOf("Reloaded")).toBeLessThan(
      printed.indexOf("The lighthouse was built in [1871]."),
    );
  });

  it("explains an unknown command", async () => {
    const out = await session([":frobnicate"]);
    expect(out).toContain("Unknown command :frobnicate");
    expect(out).toContain(":sources");
  });

  it("says sorry in one line when answering throws, and goes on", async () => {
    const broken: Responder = {
      ask: () => {
        throw new Error("index corrupted");
      },
      more: () => {
        throw new Error("index corrupted");
      },
      documents: () => [],
    };
    const out = await session(["first?", ":help"], { responder: broken });
    expect(out).toContain("Sorry, something went wrong answering that: index corrupted");
    expect(out).toContain(":sources");
  });

  it("stops on :quit without waiting for the end of input", async () => {
    const out = await session(["Who responded Tuesday?", ":quit"], { end: false });
    expect(out).toContain("[Kono] responded Tuesday");
  });

  it("ignores lines that arrive after :quit", async () => {
    const out = await session(
      ["Who responded Tuesday?", ":quit", "How much did Tokyo agree to pay?"],
      {
        end: false,
      },
    );
    expect(out).toContain("[Kono] responded Tuesday");
    expect(out).not.toContain("$8 million");
  });

  const lighthouseBot = createCitebotFromTexts([
    {
      doc: "lighthouse.md",
      text: [
        "# Lighthouse",
        "",
        "The old lighthouse was built in 1871. The old lighthouse lamp burned whale oil.",
        "",
        "A new lighthouse lamp came in 1903. The lighthouse keeper lived beside the lighthouse lamp.",
        "",
        "The lighthouse lamp was electrified in 1950. Visitors climb the lighthouse to see the lamp.",
      ].join("\n"),
    },
  ]);

  it("is one conversation: a question asked again gets another answer until :new", async () => {
    const q = "When was the lighthouse built?";
    const out = await session([q, q, ":new", q], { responder: lighthouseBot });
    const answers = out.split(/\n(?=\[1\] |Not found|New conversation)/);
    const first = (a: string | undefined) => a?.split("\n")[0];
    expect(answers).toHaveLength(4);
    expect(first(answers[0])).toContain("built in [1871]");
    expect(answers[1]).not.toContain("built in");
    expect(answers[2]).toContain("New conversation");
    expect(first(answers[3])).toBe(first(answers[0]));
  });

  it(":more shows further excerpts, never one shown before, then says there are no more", async () => {
    const out = await session(["lighthouse lamp", ...Array(6).fill(":more")], {
      responder: lighthouseBot,
    });
    const quotes = out.split("\n").filter((l) => /^\[\d\] “/.test(l));
    expect(new Set(quotes.map((l) => l.slice(4))).size).toBe(quotes.length);
    expect(quotes.length).toBeGreaterThan(3);
    expect(out.trim().split("\n").at(-1)).toBe(
      "No more: nothing else in the seeds answers that question.",
    );
  });

  it(":more before any question says there is nothing more", async () => {
    expect(await session([":more"])).toContain("No more");
  });
});

describe("REPL :use", () => {
  const files = [
    { doc: "public/pricing.md", text: "# Pricing\n\nThe basic plan costs 12 euros a month.\n" },
    {
      doc: "internal/oncall.md",
      text: "# On call\n\nThe on-call engineer is paged by Opsgenie at night.\n",
    },
  ];
  const bot = createCitebotFromTexts(files);
  const collections = createCollectionRouter({
    all: bot,
    current: () => ({ collection: (name: string) => collectionOf(bot, name) }),
    names: ["internal", "public"],
  });

  it("answers from the chosen sub-folder until :use all", async () => {
    const q = "Who pages the on-call engineer at night?";
    const out = await session([":use public", q, ":sources", ":use drafts", ":use all", q], {
      responder: bot,
      collections,
    });
    const parts = out.split("\n");
    expect(parts[0]).toBe("Answering from public.");
    expect(out).toMatch(/Answering from public\.\nNot found/);
    expect(out).toContain('No collection "drafts". Usage: :use internal | public | all');
    expect(out).toMatch(/Answering from all seed files\.\n\[1\] “The on-call engineer/);
    expect(out).toContain("public/pricing.md");
    expect(out).not.toMatch(/Sources[\s\S]*internal\/oncall\.md[\s\S]*Answering from all/);
  });
});

describe("interactive REPL", () => {
  it("exits on :quit: input stays paused once the REPL has ended (the prompt does not resume it)", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const { done } = startRepl({
      input,
      output,
      responder: seedBot,
      reload: () => Promise.reject(new Error("reload was not expected")),
      interactive: true,
      color: false,
    });
    input.write("Who responded Tuesday?\n:quit\n");
    await done;
    // A flowing stdin keeps the process alive after the REPL has ended.
    expect(input.isPaused()).toBe(true);
  });
});
