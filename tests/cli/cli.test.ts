import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SEED = "000_887bfa2e2a327b24.txt";
const seedText = readFileSync(path.join(ROOT, "seeds", SEED), "utf8");

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs `ask.ts` with `args`, feeding `stdin`; resolves when the process has exited. */
function ask(args: readonly string[], stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env["SEEDS_DIR"];
    const child = spawn(process.execPath, ["--import", "tsx", "adapters/cli/ask.ts", ...args], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(stdin);
  });
}

interface Reply {
  id: unknown;
  status: string;
  excerpts: {
    text: string;
    doc: string;
    title: string;
    start: number;
    end: number;
    line: number;
    score: number;
  }[];
  message?: string;
}

describe("ask --jsonl", () => {
  const input = [
    JSON.stringify({ id: 1, question: "How much did Tokyo agree to pay?" }),
    "{not json",
    "",
    JSON.stringify({ id: "b", question: "What is the capital of France?" }),
    JSON.stringify({ id: 3, question: "hi" }),
    "[1, 2]",
    JSON.stringify({ id: 4 }),
    JSON.stringify({ question: "Who responded Tuesday?" }),
    JSON.stringify({ id: 5, question: "How much did Tokio agre to pay?" }) + "\r",
    JSON.stringify({ id: 6, question: "When did Moon Jae-in take office?" }),
  ];
  // The last line has no final newline: it must still be answered.
  let result: Run;
  beforeAll(async () => {
    result = await ask(["--seeds", "seeds", "--jsonl"], input.join("\n"));
  });
  const replies = () =>
    result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Reply);

  it("writes exactly one JSON line per input line, and nothing else, to stdout", () => {
    const { stdout, code } = result;
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const lines = stdout.slice(0, -1).split("\n");
    expect(lines).toHaveLength(input.length);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it("answers in input order with the right status for each line", () => {
    expect(replies().map((r) => [r.id, r.status])).toEqual([
      [1, "answered"],
      [null, "error"],
      [null, "error"],
      ["b", "not_found"],
      [3, "help"],
      [null, "error"],
      [4, "error"],
      [null, "answered"],
      [5, "answered"],
      [6, "answered"],
    ]);
    for (const r of replies().filter((x) => x.status === "error" || x.status === "not_found"))
      expect(r.message, JSON.stringify(r)).toEqual(expect.any(String));
    for (const r of replies().filter((x) => x.status !== "answered"))
      expect(r.excerpts).toEqual([]);
  });

  it("cites verbatim excerpts with doc, title, offsets and line", () => {
    const first = replies()[0]?.excerpts[0];
    expect(first).toMatchObject({
      doc: SEED,
      title: "Japan rejects South Korean call for extra steps over 'comfort women'",
      line: 11,
      score: expect.any(Number),
    });
    expect(first?.text).toContain("Tokyo agreed to pay $8 million");
    for (const r of replies().filter((x) => x.status === "answered")) {
      expect(r.excerpts.length).toBeGreaterThanOrEqual(1);
      expect(r.excerpts.length).toBeLessThanOrEqual(3);
      for (const e of r.excerpts) expect(seedText.slice(e.start, e.end)).toBe(e.text);
    }
    expect(replies()[8]?.excerpts[0]?.text).toContain("$8 million");
  });

  it("puts stats on stderr, not stdout", () => {
    const { stdout, stderr } = result;
    expect(stderr).toMatch(/1 document, \d+ passages, \d+ sentences, 0 skipped files/);
    expect(stdout).not.toMatch(/passages|\[citebot\]/);
  });

  it("writes nothing for empty input", async () => {
    const { stdout, code } = await ask(["--seeds", "seeds", "--jsonl"], "");
    expect(code).toBe(0);
    expect(stdout).toBe("");
  });

  it("gives back ids past 2^53 (Discord snowflakes) digit for digit", async () => {
    const line = '{"id": 123456789012345678901, "thread": 98765432109876543210, "question": "hi"}';
    const { stdout } = await ask(["--seeds", "seeds", "--jsonl"], line);
    expect(stdout).toMatch(/^\{"id":123456789012345678901,"status":"help"/);
  });
});

describe("ask with one question", () => {
  it("prints the $8 million sentence cited to the bundled seed", async () => {
    const { stdout, code } = await ask(["How much did Tokyo agree to pay?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Tokyo agreed to pay [$8 million] into a fund");
    expect(stdout).toContain(`${SEED}:11`);
    expect(stdout).not.toContain("\x1b[");
  });

  it("fails at start-up with one line naming a missing seeds folder", async () => {
    const { stdout, stderr, code } = await ask(["--seeds", "no-such-folder", "anything?"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(path.join(ROOT, "no-such-folder"));
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a flag without its value is one usage line and exit 2, not a stack trace", async () => {
    const { stdout, stderr, code } = await ask(["--seeds"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^citebot: --seeds needs a value; usage: .*ask.*\n$/);
  });

  it("an unknown flag is named in one usage line", async () => {
    const { stderr, code } = await ask(["--seed", "x", "question?"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^citebot: unknown flag --seed \(known: --seeds, --jsonl, --log\); usage: .*\n$/,
    );
  });

  it("explains how to ask when no question is given", async () => {
    const { stdout, stderr, code } = await ask([]);
    expect(code).not.toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--jsonl|question/);
  });
});

describe("ask --jsonl conversations", () => {
  const Q = "How much did Tokyo agree to pay?";
  const line = (o: object) => JSON.stringify(o);
  let replies: Reply[];
  beforeAll(async () => {
    const input = [
      line({ id: "a1", thread: "a", question: Q }),
      line({ id: "x1", question: Q }),
      line({ id: "a2", thread: "a", question: Q }),
      line({ id: "b1", thread: 7, question: Q }),
      ...Array.from({ length: 6 }, (_, i) => line({ id: `a-more-${i}`, thread: "a", more: true })),
      line({ id: "e1", more: true }),
      line({ id: "e2", thread: "a", more: "yes" }),
      line({ id: "e3", thread: ["a"], question: Q }),
    ];
    const run = await ask(["--seeds", "seeds", "--jsonl"], input.join("\n"));
    replies = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Reply);
  });
  const byId = (id: string) => replies.find((r) => r.id === id) as Reply;

  it("lines of one thread are one conversation: an answer is not given twice in it", () => {
    expect(byId("a1").status).toBe("answered");
    expect(byId("x1").excerpts[0]?.text).toBe(byId("a1").excerpts[0]?.text);
    expect(byId("b1").excerpts[0]?.text).toBe(byId("a1").excerpts[0]?.text);
    expect(byId("a2").excerpts[0]?.text).not.toBe(byId("a1").excerpts[0]?.text);
  });

  it('"more" gives excerpts of the thread never shown before, then "no_more"', () => {
    const mores = replies.filter((r) => String(r.id).startsWith("a-more-"));
    const seen = [byId("a1"), byId("a2")].flatMap((r) => r.excerpts.map((e) => e.start));
    for (const r of mores) {
      for (const e of r.excerpts) {
        expect(seen).not.toContain(e.start);
        seen.push(e.start);
      }
    }
    expect(mores.at(-1)?.status).toBe("no_more");
    expect(mores.at(-1)?.message).toContain("nothing else");
  });

  it("a malformed thread or more is an error line naming the field", () => {
    expect(byId("e1")).toMatchObject({
      status: "error",
      message: expect.stringContaining('"thread"'),
    });
    expect(byId("e2")).toMatchObject({
      status: "error",
      message: expect.stringContaining('"more"'),
    });
    expect(byId("e3")).toMatchObject({
      status: "error",
      message: expect.stringContaining('"thread"'),
    });
  });
});
