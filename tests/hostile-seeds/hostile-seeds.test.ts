// Hostile seeds folders (links out, FIFOs, devices, unlistable folders, hostile file names)
// run through the real REPL, `ask`, Slack and Discord entry points.
import { afterAll, describe, expect, it } from "vitest";
import { createHostileFolder, GOOD, plain, removeHostileFolders, SECRET } from "./folders.ts";
import { killStarted, runAsk, runRepl, startDiscordOver, startSlackOver } from "./runners.ts";

afterAll(async () => {
  killStarted();
  await removeHostileFolders();
});

const TOKEN_QUESTION = "What is the SLACK_BOT_TOKEN?";

/** A folder with every kind of hostile entry at once, beside the good seed. */
async function everything() {
  const f = await createHostileFolder();
  await f.link("notes.txt", `${f.outside}/.env`);
  await f.link("secrets.txt", `${f.outside}/notes.txt`);
  await f.link("zero.txt", "/dev/zero");
  await f.fifo("pipe.txt");
  await f.link("pipe-link.txt", "pipe.txt");
  await f.unlistable("lost+found");
  return f;
}

describe("links out of the seeds folder", () => {
  it("are skipped with one warning each, and a token behind them is never quoted (REPL)", async () => {
    const f = await createHostileFolder();
    await f.link("notes.txt", `${f.outside}/.env`);
    await f.link("secrets.txt", `${f.outside}/notes.txt`);
    const run = await runRepl(f.seeds, [TOKEN_QUESTION, GOOD.question, ":sources"]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr.match(/skipped notes\.txt: a symbolic link/g)).toHaveLength(1);
    expect(run.stderr.match(/skipped secrets\.txt: a symbolic link/g)).toHaveLength(1);
    expect(plain(run.stdout)).toContain(GOOD.answer);
    expect(run.stdout).not.toContain("notes.txt");
  });

  it("stay skipped with SEEDS_FOLLOW_LINKS=inside, which reads links that stay inside (ask)", async () => {
    const f = await createHostileFolder();
    await f.link("secrets.txt", `${f.outside}/notes.txt`);
    await f.link("copy/alias.txt", "../harbour.txt");
    const run = await runAsk(f.seeds, [TOKEN_QUESTION], { env: { SEEDS_FOLLOW_LINKS: "inside" } });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain(
      "skipped secrets.txt: a symbolic link to outside the seeds folder",
    );
    const good = await runAsk(f.seeds, [GOOD.question], { env: { SEEDS_FOLLOW_LINKS: "inside" } });
    expect(good.stdout).toContain("copy/alias.txt");
    expect(plain(good.stdout)).toContain(GOOD.answer);
  });
});

describe("special files", () => {
  it("a FIFO, a link to a FIFO and a link to /dev/zero never hang start-up or :reload (REPL)", async () => {
    const f = await createHostileFolder();
    await f.fifo("pipe.txt");
    await f.link("pipe-link.txt", "pipe.txt");
    await f.link("zero.txt", "/dev/zero");
    const run = await runRepl(f.seeds, [":reload", GOOD.question], {
      env: { SEEDS_FOLLOW_LINKS: "inside" },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Reloaded: 1 documents.");
    expect(plain(run.stdout)).toContain(GOOD.answer);
    expect(run.stderr).toContain("skipped pipe.txt: a FIFO, not a regular file");
    expect(run.stderr).toContain("skipped pipe-link.txt: a link to a FIFO, not a regular file");
    expect(run.stderr).toContain("skipped zero.txt: a symbolic link to outside the seeds folder");
  });
});

describe("an unlistable sub-folder", () => {
  it("is one warning and the other files load (REPL, run unprivileged)", async () => {
    const f = await createHostileFolder();
    await f.unlistable("lost+found");
    const run = await runRepl(f.seeds, [GOOD.question], { unprivileged: true });
    expect(run.code).toBe(0);
    expect(run.stderr.match(/skipped folder lost\+found: cannot list it \(EACCES\)/g)).toHaveLength(
      1,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(plain(run.stdout)).toContain(GOOD.answer);
  });
});

describe("hostile file names", () => {
  it("terminal escapes and newlines in a name reach neither the terminal nor the log raw", async () => {
    const f = await createHostileFolder();
    await f.file(
      "evil\x1b[2J\x1b[31mred\nforged.txt",
      "Forged\n\nThe forged ledger lists nine barrels.\n",
    );
    await f.file("empty\x1b]0;owned\x07.txt", "");
    const run = await runRepl(f.seeds, [
      "How many barrels does the forged ledger list?",
      ":sources",
    ]);
    const printed = run.stdout + run.stderr;
    expect(printed).not.toContain("\x1b");
    expect(printed).not.toContain("\x07");
    expect(printed).toContain("evil\\u001b[2J\\u001b[31mred\\u000aforged.txt");
    expect(run.stderr).toContain("skipped empty\\u001b]0;owned\\u0007.txt: empty file");
    const asked = await runAsk(f.seeds, ["How many barrels does the forged ledger list?"]);
    expect(asked.stdout + asked.stderr).not.toContain("\x1b");
    expect(plain(asked.stdout)).toContain("nine barrels");
  });
});

describe("chat front ends over a folder with every hostile entry", () => {
  it("Slack starts, answers from the good seed and never quotes the token", async () => {
    const f = await everything();
    const slack = await startSlackOver(f.seeds, { unprivileged: true });
    expect(plain(await slack.ask(GOOD.question))).toContain(GOOD.answer);
    expect(await slack.ask(TOKEN_QUESTION)).not.toContain(SECRET);
    const run = await slack.stop();
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain("skipped folder lost+found");
  });

  it("Discord starts, answers from the good seed and never quotes the token", async () => {
    const f = await everything();
    const discord = await startDiscordOver(f.seeds, { unprivileged: true });
    expect(plain(await discord.ask(GOOD.question))).toContain(GOOD.answer);
    expect(await discord.ask(TOKEN_QUESTION)).not.toContain(SECRET);
    const run = await discord.stop();
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain("skipped pipe.txt");
  });
});
