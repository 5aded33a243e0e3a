import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCitebotFromTexts, createMemoryLogger, createQuestionLog } from "../../src/tools.ts";
import { BACKENDS } from "../helpers/databases.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = "000_887bfa2e2a327b24.txt";
const DAY = 86_400_000;
/** Debian's Chromium, as .ci/services.sh installs it. */
const CHROMIUM = process.env["CHROMIUM_PATH"] || "/usr/bin/chromium";

function runReport(env: Record<string, string>, args: string[]) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env["DATABASE_URL"]) delete childEnv["DATABASE_URL"];
    const child = spawn(process.execPath, ["--import", "tsx", "tools/report.ts", ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

let browser: BrowserContext;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "citebot-report-"));
  // A fresh profile (--user-data-dir) for each run.
  browser = await chromium.launchPersistentContext(path.join(dir, "profile"), {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(BACKENDS)("npm run report on $name, in headless Chromium", ({ name, create }) => {
  it("shows the figures, charts, gap topics, voted-down answers and never-cited seeds", async () => {
    const backend = await create();
    try {
      const seeds = path.join(dir, `seeds-${name}`);
      const { mkdirSync } = await import("node:fs");
      mkdirSync(seeds);
      copyFileSync(path.join(ROOT, "seeds", SEED), path.join(seeds, SEED));
      writeFileSync(path.join(seeds, "gardening.md"), "# Gardening\n\nTomatoes need sun.\n");
      const bot = createCitebotFromTexts([
        { doc: SEED, text: readFileSync(path.join(seeds, SEED), "utf8") },
      ]);
      let clock = Date.now() - 3 * DAY;
      const log = createQuestionLog({
        open: backend.open,
        logger: createMemoryLogger(),
        now: () => clock,
      });
      const asked = [
        "How much did Tokyo agree to pay?",
        "What is the capital of France?",
        "Who is the president of France?",
        "How big is France?",
        "What is the weather in Oslo?",
        "hello",
      ];
      const ids: (string | null)[] = [];
      for (let d = 0; d < 3; d++) {
        for (const q of asked.slice(0, d + 4))
          ids.push(log.record({ platform: "slack", answer: bot.ask(q) }));
        clock += DAY;
      }
      const tokyo = ids[0] ?? "";
      log.vote({
        questionId: tokyo,
        platform: "slack",
        user: "U1",
        vote: -1,
        reason: "<script>alert(1)</script> wrong",
      });
      log.vote({ questionId: tokyo, platform: "slack", user: "U2", vote: -1 });
      log.vote({ questionId: tokyo, platform: "slack", user: "U3", vote: 1 });
      await log.close();

      const out = path.join(dir, `report-${name}.html`);
      const run = await runReport(backend.env, ["--out", out, "--seeds", seeds, "--days", "7"]);
      expect(run.stderr).toMatch(/report: wrote/);
      expect(run.code).toBe(0);

      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${out}`);
      const text = (selector: string) => page.locator(selector).innerText();
      expect(await page.title()).toBe("citebot knowledge-gap report");
      expect(await text('[data-figure="Questions"] b')).toBe("15");
      expect(await text('[data-figure="Not found"] b')).toBe("11");
      expect(await text('[data-figure="Answered rate"] b')).toBe(`${((3 / 14) * 100).toFixed(1)}%`);
      expect(await page.locator("#volume svg rect").count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator("#rate svg circle").count()).toBe(3);
      const gapRows = await page.locator("#gaps tbody tr").allInnerTexts();
      expect(gapRows[0]).toMatch(/^france\t9\t/);
      expect(gapRows[0]).toContain("What is the capital of France?");
      const disliked = await text("#disliked tbody tr");
      expect(disliked).toContain("How much did Tokyo agree to pay?");
      expect(disliked).toContain("<script>alert(1)</script> wrong");
      expect(disliked).toMatch(/\t2\t1\t/);
      expect(await text("#cited")).toContain(SEED);
      expect(await text("#never-cited")).toContain("gardening.md");
      expect(await page.evaluate("document.scripts.length")).toBe(0);
      expect(requests.every((u) => u.startsWith("file:") || u.startsWith("data:"))).toBe(true);
      await page.screenshot({ path: path.join(dir, `report-${name}.png`), fullPage: true });
      await page.close();
    } finally {
      await backend.dispose();
    }
  });
});

describe("npm run report with a bad store", () => {
  it("names the store it cannot read, without the password, and exits 1", async () => {
    const run = await runReport({ DATABASE_URL: "postgres://u:pw-secret@127.0.0.1:1/x" }, [
      "--out",
      path.join(dir, "never.html"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^citebot: cannot read the store at PostgreSQL 127\.0\.0\.1:1\/x/);
    expect(run.stderr).not.toContain("pw-secret");
  });

  it("--out is required", async () => {
    const run = await runReport({}, []);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out FILE is required; usage: npm run report/);
  });
});
