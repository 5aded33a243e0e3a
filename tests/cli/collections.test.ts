import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "citebot-cli-collections-"));
const seeds = path.join(dir, "seeds");
mkdirSync(path.join(seeds, "public"), { recursive: true });
mkdirSync(path.join(seeds, "internal"));
writeFileSync(
  path.join(seeds, "public", "pricing.md"),
  "# Pricing\n\nThe basic plan costs 12 euros a month.\n",
);
writeFileSync(
  path.join(seeds, "internal", "oncall.md"),
  "# On call\n\nThe on-call engineer is paged by Opsgenie at night.\n",
);
writeFileSync(
  path.join(dir, "collections.json"),
  JSON.stringify({ slack: { channels: { CPUB: "public" } } }),
);
writeFileSync(
  path.join(dir, "bad.json"),
  JSON.stringify({ slack: { channels: { CPUB: "drafts" } } }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(env: Record<string, string>, lines: unknown[]) {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "adapters/cli/ask.ts"), "--seeds", seeds, "--jsonl"],
      {
        cwd: ROOT,
        env: { ...process.env, INDEX_CACHE_DIR: "off", ...env },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(lines.map((l) => JSON.stringify(l)).join("\n"));
  });
}

const statusAndDocs = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { status: string; excerpts: { doc: string }[]; message?: string })
    .map((r) => [r.status, r.excerpts[0]?.doc ?? r.message]);

describe("ask --jsonl with collections", () => {
  it("answers from a line's \"collection\", else from the map's collection for its channel", async () => {
    const q = "Who pages the on-call engineer at night?";
    const run = await ask({ COLLECTIONS_FILE: path.join(dir, "collections.json") }, [
      { id: 1, question: q },
      { id: 2, question: q, collection: "internal" },
      { id: 3, question: q, collection: "public" },
      { id: 4, question: q, platform: "slack", channel: "CPUB" },
      { id: 5, question: q, platform: "slack", channel: "CPUB", collection: "all" },
      { id: 6, question: q, collection: "drafts" },
    ]);
    expect(run.code).toBe(0);
    expect(statusAndDocs(run.stdout)).toEqual([
      ["answered", "internal/oncall.md"],
      ["answered", "internal/oncall.md"],
      ["not_found", expect.stringMatching(/^nothing in the seeds answers that/)],
      ["not_found", expect.stringMatching(/^nothing in the seeds answers that/)],
      ["answered", "internal/oncall.md"],
      ["error", '"collection" must name a sub-folder of the seeds folder (internal, public, all)'],
    ]);
  });

  it("a collections file naming a missing collection stops start-up with one line", async () => {
    const run = await ask({ COLLECTIONS_FILE: path.join(dir, "bad.json") }, []);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").at(-2) + "\n").toBe(
      `citebot: COLLECTIONS_FILE ${path.join(dir, "bad.json")}: "slack.channels.CPUB" is "drafts", which is not a sub-folder of the seeds folder (collections: internal, public, or "all")\n`,
    );
  });
});
