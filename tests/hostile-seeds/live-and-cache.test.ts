// Hostile seeds over time and a hostile cache (issue 11 items 4 and 7), through the real entry
// points: a burst of changes and the seeds folder removed and recreated under a running REPL;
// a corrupt cache file and a FIFO in its place under `ask`.
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHostileFolder, GOOD, plain, removeHostileFolders } from "./folders.ts";
import { killStarted, runAsk, start } from "./runners.ts";

afterAll(async () => {
  killStarted();
  await removeHostileFolders();
});

const NEW = {
  text: "Harbour notes\n\nThe lighthouse keeper counted forty-two ships in the harbour.\n",
};

/** Polls `condition` until it holds (output arrives from a child process; no event to await). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 50));
}

/** Stats lines the REPL logs for each index it opens ("N documents, …"). */
const opened = (output: string) => output.match(/info \d+ documents?, /g)?.length ?? 0;

describe("a running REPL under changes to its seeds folder", () => {
  it("rebuilds once or twice for a burst of 300 new files, and answers from the result", async () => {
    const f = await createHostileFolder();
    const repl = start("adapters/repl/main.ts", f.seeds);
    await repl.printed("1 document, ");
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        writeFile(path.join(f.seeds, `note-${i}.txt`), `Note ${i}\n\nThe burst wrote note ${i}.\n`),
      ),
    );
    await repl.printed("301 documents, ");
    repl.child.stdin?.write(`${GOOD.question}\n`);
    await repl.printed("seventeen");
    expect(opened(repl.output())).toBeLessThanOrEqual(3);
    repl.child.stdin?.end();
    expect((await repl.exited).code).toBe(0);
  });

  it("says so when the folder is removed, and watches it again when it is recreated", async () => {
    const f = await createHostileFolder();
    const repl = start("adapters/repl/main.ts", f.seeds);
    await repl.printed("1 document, ");
    await rm(f.seeds, { recursive: true, force: true });
    await repl.printed("the seeds folder is gone");
    repl.child.stdin?.write(`${GOOD.question}\n`);
    await repl.printed("seventeen");
    await mkdir(f.seeds);
    await writeFile(path.join(f.seeds, GOOD.name), NEW.text);
    await repl.printed("watching the seeds folder again");
    // The rebuild that follows the re-arming is swapped in, then asked (":new": the REPL never
    // gives a conversation's answer twice).
    const before = opened(repl.output().slice(repl.output().indexOf("watching the seeds folder")));
    await until(
      () =>
        opened(repl.output().slice(repl.output().indexOf("watching the seeds folder"))) > before,
    );
    repl.child.stdin?.write(`:new\n${GOOD.question}\n`);
    await repl.printed("forty-two");
    repl.child.stdin?.end();
    expect((await repl.exited).code).toBe(0);
  });
});

describe("a hostile persisted index under ask", () => {
  async function withCache() {
    const f = await createHostileFolder();
    const cache = path.join(f.root, "cache");
    const env = { INDEX_CACHE_DIR: cache };
    const first = await runAsk(f.seeds, [GOOD.question], { env });
    expect(plain(first.stdout)).toContain(GOOD.answer);
    const [name = ""] = await readdir(cache);
    return { f, env, file: path.join(cache, name) };
  }

  it("a changed byte is one warning and a rebuild, never a silent answer", async () => {
    const { f, env, file } = await withCache();
    const bytes = await readFile(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x01;
    await writeFile(file, bytes);
    const run = await runAsk(f.seeds, [GOOD.question], { env });
    expect(run.stderr.match(/rebuilding the index: .*checksum does not match/g)).toHaveLength(1);
    expect(plain(run.stdout)).toContain(GOOD.answer);
  });

  it("a FIFO in place of the cache file never hangs: one warning, an answer, a good file", async () => {
    const { f, env, file } = await withCache();
    await rm(file);
    execFileSync("mkfifo", [file]);
    const run = await runAsk(f.seeds, [GOOD.question], { env });
    expect(run.code).toBe(0);
    expect(run.stderr.match(/rebuilding the index: .*not a regular file/g)).toHaveLength(1);
    expect(plain(run.stdout)).toContain(GOOD.answer);
    const again = await runAsk(f.seeds, [GOOD.question], { env });
    expect(again.stderr).not.toMatch(/rebuilding the index/);
  });
});
