import readline from "node:readline";
import {
  ALL,
  extendThread,
  type Answer,
  type CollectionRouter,
  type Responder,
  type Thread,
} from "../../src/index.ts";
import { render, renderSources, TERMINAL_HELP } from "../shared/terminal.ts";

/** Options for {@link startRepl}; streams are injected so tests can drive it. */
export interface ReplOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  responder: Responder;
  /** Re-reads the seeds; on failure the REPL keeps the old index and says why. */
  reload: () => Promise<Responder>;
  /** A terminal: prompt, history and line editing. Otherwise lines are read and answered. */
  interactive: boolean;
  color: boolean;
  baseUrl?: string | null;
  /** Payload renderers for `:as NAME` (discord, slack). */
  formats?: Readonly<Record<string, (answer: Answer) => unknown>>;
  /** Document sets for `:use NAME` (sub-folders of the seeds folder). */
  collections?: CollectionRouter;
}

/** A running REPL. */
export interface Repl {
  /** Settles after `:quit`, Ctrl-D, Ctrl-C or the end of input, once every line is answered. */
  done: Promise<void>;
  /** Stops reading; lines already read are still answered. */
  stop(): Promise<void>;
}

/** The REPL's state, shared by its commands. */
interface Session {
  options: ReplOptions;
  responder: Responder;
  /** The collection chosen with `:use`; null = every seed file. */
  collection: string | null;
  last: Answer | null;
  /** The REPL is one conversation: each question follows on from those before, until :new. */
  thread: Thread;
  quitting: boolean;
  write(text: string): void;
  close(): void;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function reload(s: Session): Promise<void> {
  try {
    s.responder = await s.options.reload();
    s.write(`Reloaded: ${s.responder.documents().length} documents.`);
  } catch (err) {
    s.write(`Reload failed, still answering from the previous index: ${errorText(err)}`);
  }
}

function showAs(s: Session, name: string): void {
  const format = s.options.formats?.[name];
  if (!format)
    s.write(`Usage: :as ${Object.keys(s.options.formats ?? {}).join(" | ") || "(no formats)"}`);
  else if (!s.last) s.write("Ask a question first; :as shows how its answer would be sent.");
  else s.write(JSON.stringify(format(s.last), null, 2));
}

/** The responder of the chosen collection, else of every seed file. */
const answering = (s: Session): Responder =>
  s.options.collections?.responder(s.collection) ?? s.responder;

function use(s: Session, name: string | undefined): void {
  const names = s.options.collections?.names ?? [];
  if (name && (name === ALL || names.includes(name))) {
    s.collection = name === ALL ? null : name;
    return s.write(`Answering from ${s.collection ?? "all seed files"}.`);
  }
  const now = name
    ? `No collection "${name}". `
    : `Answering from ${s.collection ?? "all seed files"}. `;
  s.write(
    `${now}Usage: :use ${[...names, ALL].join(" | ")} (collections are the seeds folder's sub-folders)`,
  );
}

function quit(s: Session): void {
  s.quitting = true;
  s.close();
}

/** `:name` commands; each takes the session and the words after the command. */
const COMMANDS: Readonly<Record<string, (s: Session, args: string[]) => void | Promise<void>>> = {
  ":quit": quit,
  ":q": quit,
  ":exit": quit,
  ":help": (s) => s.write(TERMINAL_HELP),
  ":sources": (s) => s.write(renderSources(answering(s).documents())),
  ":use": (s, args) => use(s, args[0]),
  ":reload": reload,
  ":as": (s, args) => showAs(s, args[0] ?? ""),
  ":new": (s) => {
    s.thread = [];
    s.write("New conversation: the next question starts afresh.");
  },
  ":more": (s) => {
    s.last = s.responder.more(s.thread);
    s.thread = extendThread(s.thread, s.last, true);
    s.write(render(s.last, { color: s.options.color, baseUrl: s.options.baseUrl ?? null }));
  },
};

/** One input line: a command, or a question to answer. */
async function handle(s: Session, line: string): Promise<void> {
  if (s.quitting) return; // lines already read after :quit are dropped
  const text = line.trim();
  const [command = "", ...args] = text.split(/\s+/);
  const run = COMMANDS[command];
  if (run) return run(s, args);
  if (text.startsWith(":")) return s.write(`Unknown command ${command}. ${TERMINAL_HELP}`);
  if (text === "" && s.options.interactive) return;
  s.last = answering(s).ask(line, { thread: s.thread });
  s.thread = extendThread(s.thread, s.last);
  s.write(render(s.last, { color: s.options.color, baseUrl: s.options.baseUrl ?? null }));
}

/** Runs the read-answer loop until `:quit`, Ctrl-D, Ctrl-C, the end of input or `stop()`. */
export function startRepl(options: ReplOptions): Repl {
  const { output, interactive } = options;
  const rl = readline.createInterface({
    input: options.input,
    ...(interactive ? { output, terminal: true, historySize: 200 } : { terminal: false }),
    prompt: "citebot> ",
  });
  const session: Session = {
    options,
    responder: options.responder,
    collection: null,
    last: null,
    thread: [],
    quitting: false,
    write: (text) => output.write(text + "\n"),
    close: () => rl.close(),
  };
  // rl.prompt() resumes the input: after close it would keep stdin flowing and the process alive.
  let closed = false;
  rl.on("close", () => (closed = true));
  const prompt = (): void => {
    if (interactive && !closed) rl.prompt();
  };
  // Lines are handled one at a time, so a slow :reload never reorders the answers.
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    queue = queue
      .then(() => handle(session, line))
      .then(prompt, (err: unknown) => {
        session.write(`Sorry, something went wrong answering that: ${errorText(err)}`);
        prompt();
      });
  });
  rl.on("SIGINT", () => rl.close());
  const done = new Promise<void>((resolve) => {
    rl.on("close", () => {
      void queue.then(() => {
        if (interactive) output.write("\n");
        resolve();
      });
    });
  });
  prompt();
  return {
    done,
    stop: () => {
      rl.close();
      return done;
    },
  };
}
