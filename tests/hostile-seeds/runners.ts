// Runs citebot's real entry points (REPL, `ask`, Slack, Discord) over a seeds folder, as child
// processes with only the variables given, so a hang or a crash at start-up shows as such.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FakeDiscord, type RecordedRequest } from "../helpers/fake-discord.ts";
import { signSlack, startFakeSlack, type FakeSlack } from "../helpers/fake-slack.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const NOBODY = 65534;

const children = new Set<ChildProcess>();

/** Kills every entry point still running (after a failed or timed-out test); call in afterAll. */
export function killStarted(): void {
  for (const child of children) child.kill("SIGKILL");
}

/** A finished run: exit code and everything printed (stdout and stderr apart). */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running entry point. */
export interface Running {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<Run>;
  /** Resolves once stdout or stderr holds `text`. */
  printed(text: string): Promise<void>;
  /** Everything printed so far, stdout then stderr. */
  output(): string;
}

/** Options of {@link start}. */
export interface StartOptions {
  /** Extra variables (SEEDS_DIR is the folder; INDEX_CACHE_DIR is off unless given). */
  env?: Record<string, string>;
  /** Command-line arguments. */
  args?: readonly string[];
  /** Run as an unprivileged user when the tests run as root (permission bits bind only then). */
  unprivileged?: boolean;
}

/** Starts `entry` (relative to the repository) over `seeds`, in `seeds`' parent folder. */
export function start(entry: string, seeds: string, options: StartOptions = {}): Running {
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const child = spawn(
    process.execPath,
    ["--import", TSX, path.join(ROOT, entry), ...(options.args ?? [])],
    {
      cwd: path.dirname(seeds),
      env: {
        PATH: process.env["PATH"] ?? "",
        SEEDS_DIR: seeds,
        INDEX_CACHE_DIR: "off",
        NO_COLOR: "1",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    },
  );
  children.add(child);
  child.on("exit", () => children.delete(child));
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  const onData = () => waiters.forEach((w) => w());
  child.stdout?.setEncoding("utf8").on("data", (d: string) => ((stdout += d), onData()));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => ((stderr += d), onData()));
  const exited = once(child, "close").then(([code]) => ({
    code: code as number | null,
    stdout,
    stderr,
  }));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!(stdout + stderr).includes(text)) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
      void exited.then(() => {
        if (waiters.delete(check))
          reject(new Error(`exited before printing ${text}:\n${stdout}${stderr}`));
      });
    });
  return { child, exited, printed, output: () => stdout + stderr };
}

/** `npm run ask -- ARGS` over `seeds`, with nothing on stdin. */
export function runAsk(seeds: string, args: readonly string[], options: StartOptions = {}) {
  const running = start("adapters/cli/ask.ts", seeds, { ...options, args });
  running.child.stdin?.end();
  return running.exited;
}

/** The REPL (`npm start`) over `seeds`, fed `lines` on a pipe, then end of input. */
export function runRepl(seeds: string, lines: readonly string[], options: StartOptions = {}) {
  const running = start("adapters/repl/main.ts", seeds, options);
  running.child.stdin?.end(lines.map((l) => `${l}\n`).join(""));
  return running.exited;
}

const SIGNING_SECRET = "hostile-seeds-signing-secret-0001";

/** `npm run slack` (HTTP mode) over `seeds` against a loopback Slack; `ask` sends a signed /ask. */
export async function startSlackOver(seeds: string, options: StartOptions = {}) {
  const fake: FakeSlack = await startFakeSlack();
  const running = start("adapters/slack/main.ts", seeds, {
    ...options,
    env: {
      SLACK_BOT_TOKEN: "xoxb-hostile-seeds-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      ...options.env,
    },
  });
  await running.printed("slack: started in HTTP mode on port ");
  const port = /HTTP mode on port (\d+)/.exec(running.output())?.[1];
  let asked = 0;
  return {
    running,
    /** Sends `/ask question` and resolves with the text of the ephemeral reply. */
    async ask(question: string): Promise<string> {
      const id = `hostile-${++asked}`;
      const body = new URLSearchParams({
        team_id: "T1",
        channel_id: "C1",
        user_id: "U1",
        command: "/ask",
        text: question,
        response_url: fake.responseUrl(id),
        trigger_id: `trigger-${id}`,
      }).toString();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...signSlack(SIGNING_SECRET, body),
        },
      });
      if (res.status !== 200) throw new Error(`/ask got HTTP ${res.status}`);
      const reply = await fake.responses.next((r) => r.name === id);
      return JSON.stringify(reply.body);
    },
    async stop(): Promise<Run> {
      running.child.kill("SIGTERM");
      const run = await running.exited;
      await fake.close();
      return run;
    },
  };
}

/** `npm run discord` over `seeds` against a loopback Discord; `ask` mentions the bot. */
export async function startDiscordOver(seeds: string, options: StartOptions = {}) {
  const fake = await FakeDiscord.start();
  const running = start("adapters/discord/main.ts", seeds, {
    ...options,
    env: {
      DISCORD_TOKEN: "MTIz.hostile.seeds-token",
      DISCORD_API_URL: fake.apiUrl,
      ...options.env,
    },
  });
  await fake.waitForRequest((r) => r.method === "PUT");
  return {
    running,
    /** Mentions the bot with `question`; resolves with the reply's JSON text. */
    async ask(question: string): Promise<string> {
      const id = fake.message({ content: `<@${fake.bot.id}> ${question}` });
      const reply = await fake.waitForRequest(
        (r: RecordedRequest) => r.method === "POST" && r.body?.message_reference?.message_id === id,
      );
      return JSON.stringify(reply.body);
    },
    async stop(): Promise<Run> {
      running.child.kill("SIGTERM");
      const run = await running.exited;
      await fake.close();
      return run;
    },
  };
}
