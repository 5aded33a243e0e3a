import readline from "node:readline";
import type { Answer, Responder } from "../../src/index.ts";
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
}

/** Runs the read-answer loop until `:quit`, Ctrl-D, Ctrl-C or the end of input. */
export function startRepl(options: ReplOptions): Promise<void> {
  const { output, interactive } = options;
  let responder = options.responder;
  let last: Answer | null = null;
  const write = (text: string) => output.write(text + "\n");
  const rl = readline.createInterface({
    input: options.input,
    ...(interactive ? { output, terminal: true, historySize: 200 } : { terminal: false }),
    prompt: "citebot> ",
  });
  // Lines are handled one at a time, so a slow :reload never reorders the answers.
  let queue = Promise.resolve();
  const prompt = (): void => {
    if (interactive) rl.prompt();
  };

  let quitting = false;

  async function handle(line: string): Promise<void> {
    if (quitting) return; // lines already read after :quit are dropped
    const text = line.trim();
    const [command, ...rest] = text.split(/\s+/);
    switch (command) {
      case ":quit":
      case ":q":
      case ":exit":
        quitting = true;
        rl.close();
        return;
      case ":help":
        write(TERMINAL_HELP);
        return;
      case ":sources":
        write(renderSources(responder.documents()));
        return;
      case ":reload":
        try {
          responder = await options.reload();
          write(`Reloaded: ${responder.documents().length} documents.`);
        } catch (err) {
          write(
            `Reload failed, still answering from the previous index: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        return;
      case ":as": {
        const name = rest[0] ?? "";
        const format = options.formats?.[name];
        if (!format)
          write(`Usage: :as ${Object.keys(options.formats ?? {}).join(" | ") || "(no formats)"}`);
        else if (!last) write("Ask a question first; :as shows how its answer would be sent.");
        else write(JSON.stringify(format(last), null, 2));
        return;
      }
      default:
        if (text.startsWith(":")) {
          write(`Unknown command ${command}. ${TERMINAL_HELP}`);
          return;
        }
        if (text === "" && interactive) return;
        last = responder.ask(line);
        write(render(last, { color: options.color, baseUrl: options.baseUrl ?? null }));
    }
  }

  return new Promise((resolve) => {
    rl.on("line", (line) => {
      queue = queue
        .then(() => handle(line))
        .then(prompt, (err: unknown) => {
          write(
            `Sorry, something went wrong answering that: ${err instanceof Error ? err.message : String(err)}`,
          );
          prompt();
        });
    });
    rl.on("SIGINT", () => rl.close());
    rl.on("close", () => {
      void queue.then(() => {
        if (interactive) output.write("\n");
        resolve();
      });
    });
    prompt();
  });
}
