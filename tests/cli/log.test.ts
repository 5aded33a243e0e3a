import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/tools.ts";
import { BACKENDS, type TestBackend } from "../helpers/databases.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs `ask.ts --jsonl --log` with `env` over `lines`; resolves when it has exited. */
function askJsonl(env: Record<string, string>, lines: unknown[]) {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, INDEX_CACHE_DIR: "off" };
    for (const name of ["SEEDS_DIR", ...(env["DATABASE_URL"] ? [] : ["DATABASE_URL"])])
      delete childEnv[name];
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "adapters/cli/ask.ts", "--jsonl", "--log"],
      { cwd: ROOT, env: childEnv, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"));
  });
}

const LINES = [
  {
    id: 1,
    question: "How much did Tokyo agree to pay?",
    platform: "discord",
    channel: "c1",
    user: "u1",
  },
  { id: 2, question: "What is the capital of France?", channel: "c2" },
  { id: 3, question: "hello" },
  { id: 4, question: "x", user: 42 },
  "{broken",
];

describe.each(BACKENDS)("ask --jsonl --log on $name", ({ create }) => {
  let backend: TestBackend;
  afterEach(() => backend.dispose());

  it("logs each answered line with its platform, channel and hashed user", async () => {
    backend = await create();
    const run = await askJsonl(backend.env, LINES);
    expect(run.code).toBe(0);
    const replies = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { status: string });
    expect(replies.map((r) => r.status)).toEqual([
      "answered",
      "not_found",
      "help",
      "error",
      "error",
    ]);
    expect(run.stderr).not.toMatch(/warn/);
    const db = backend.open();
    try {
      const rows = await createStore(db).questionsSince(0);
      expect(rows.map((r) => [r.platform, r.channel, r.outcome])).toEqual([
        ["discord", "c1", "answered"],
        ["jsonl", "c2", "not_found"],
        ["jsonl", null, "help"],
      ]);
      expect(rows[0]?.userHash).toMatch(/^[0-9a-f]{32}$/);
      expect(rows[0]?.cited[0]?.doc).toBe("000_887bfa2e2a327b24.txt");
    } finally {
      await db.close();
    }
  });
});

describe("ask --jsonl --log with the store down", () => {
  it("answers every line and warns once", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const run = await askJsonl({ DATABASE_URL: `postgres://u:pw-secret@127.0.0.1:${port}/x` }, [
      ...LINES,
      ...LINES,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(LINES.length * 2);
    expect(run.stderr.match(/ warn /g)).toHaveLength(1);
    expect(run.stderr).toMatch(/question log: cannot write to the store/);
    expect(run.stderr).not.toContain("pw-secret");
  });
});
