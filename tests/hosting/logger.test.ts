import { describe, expect, it } from "vitest";
import { createLogger, redact, createMemoryLogger } from "../../src/tools.ts";

const TOKEN = "xoxb-1234-SECRET-token";
const SIGNING = "s1gn.in*g+secret(1)";

describe("redact", () => {
  it("replaces every occurrence of each secret, including regex metacharacters", () => {
    expect(redact(`a ${TOKEN} b ${TOKEN} ${SIGNING}`, [TOKEN, SIGNING])).toBe(
      "a [redacted] b [redacted] [redacted]",
    );
  });

  it("ignores unset and very short secrets", () => {
    expect(redact("abc def", [undefined, "", "abc"])).toBe("abc def");
  });
});

describe("createLogger", () => {
  function capture(secrets: readonly (string | undefined)[] = [TOKEN, SIGNING]) {
    const lines: string[] = [];
    return { lines, logger: createLogger({ secrets, write: (l) => lines.push(l) }) };
  }

  it("writes one line per call with its level and context", () => {
    const { lines, logger } = capture();
    logger.info("started", { documents: 3 });
    logger.warn("skipped bad.txt");
    logger.error("failed", { user: { id: "U1" } });
    expect(lines).toEqual([
      "[citebot] info started documents=3",
      "[citebot] warn skipped bad.txt",
      '[citebot] error failed user={"id":"U1"}',
    ]);
  });

  it("redacts secrets in the message and in context values", () => {
    const { lines, logger } = capture();
    logger.error(`login with ${TOKEN} failed`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      sig: SIGNING,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain(SIGNING);
    expect(lines[0]).toContain("[redacted]");
  });

  it("logs an Error's stack, with secrets redacted even inside the stack", () => {
    const { lines, logger } = capture();
    const err = new Error(`platform rejected token ${TOKEN}`);
    expect(err.stack).toContain(TOKEN);
    logger.error("send failed", { err });
    expect(lines[0]).toContain("platform rejected token [redacted]");
    expect(lines[0]).toMatch(/\n\s+at /); // the stack frames are there
    expect(lines[0]).not.toContain(TOKEN);
  });

  it("redacts a secret that appears only in the stack frames", () => {
    const { lines, logger } = capture();
    const err = new Error("boom");
    err.stack = `Error: boom\n    at handler (/app/${SIGNING}/bot.js:1:1)`;
    logger.error("crash", { err });
    expect(lines[0]).toContain("/app/[redacted]/bot.js");
    expect(lines[0]).not.toContain(SIGNING);
  });

  it("survives context that cannot be serialised", () => {
    const { lines, logger } = capture();
    const loop: Record<string, unknown> = { token: TOKEN };
    loop["self"] = loop;
    logger.warn("odd", { loop });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
  });
});

describe("createMemoryLogger", () => {
  it("keeps redacted lines in memory", () => {
    const logger = createMemoryLogger([TOKEN]);
    logger.warn(`token ${TOKEN}`);
    expect(logger.lines).toEqual(["[citebot] warn token [redacted]"]);
  });
});
