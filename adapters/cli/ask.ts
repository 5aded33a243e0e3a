// npm run --silent ask -- [--seeds DIR] "question"      prints the rendered answer
// npm run --silent ask -- [--seeds DIR] --jsonl [--log] JSON lines in, one JSON line out each;
//                                                       --log keeps them in the question log
import path from "node:path";
import { stringifyWithBigIntegers } from "./big-integers.ts";
import readline from "node:readline";
import {
  createCollectionRouter,
  listCollections,
  openQuestionLog,
  readCollectionMap,
  parseStoreConfig,
  storeSecrets,
  type CollectionMap,
  type LiveCitebot,
  type QuestionLog,
  type Responder,
  type StoreConfig,
} from "../../src/index.ts";
import { UsageError, flag, parseArgs, type Args } from "../shared/args.ts";
import { runEntryPoint, type Running } from "../shared/harness.ts";
import { render } from "../shared/terminal.ts";
import { answerLine, type JsonlCollections } from "./jsonl.ts";
import { createThreadStore } from "../shared/threads.ts";

const USAGE = 'npm run --silent ask -- [--seeds DIR] "question" | --jsonl [--log]';

/** Answers each JSON line of stdin with one JSON line on stdout, in order. */
function answerJsonl(
  responder: Responder,
  log: QuestionLog | null,
  collections: JsonlCollections,
): Running {
  const rl = readline.createInterface({
    input: process.stdin,
    terminal: false,
    crlfDelay: Infinity,
  });
  const done = (async () => {
    const threads = createThreadStore();
    for await (const line of rl)
      process.stdout.write(
        stringifyWithBigIntegers(answerLine(line, responder, log, threads, collections)) + "\n",
      );
    await log?.close();
  })();
  return { done, stop: () => (rl.close(), done) };
}

/** Prints the answer to one question; exit status 3 when the seeds don't answer it. */
function answerOne(responder: Responder, question: string, baseUrl: string | null): Running {
  if (question.trim() === "") {
    process.stderr.write(
      'citebot: give a question, e.g. npm run --silent ask -- "How much did Tokyo agree to pay?", or --jsonl\n',
    );
    process.exitCode = 2;
  } else {
    const answer = responder.ask(question);
    const color = Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"];
    process.stdout.write(render(answer, { color, baseUrl }) + "\n");
    if (answer.kind === "not_found") process.exitCode = 3;
  }
  return { done: Promise.resolve(), stop: async () => {} };
}

/** The seeds' collections and COLLECTIONS_FILE's map; a bad file stops start-up. */
async function openCollections(citebot: LiveCitebot, seedsDir: string): Promise<JsonlCollections> {
  const map: CollectionMap = await readCollectionMap(process.env, seedsDir);
  const names = await listCollections(seedsDir);
  return {
    router: createCollectionRouter({ all: citebot, current: () => citebot.current, names }),
    map,
  };
}

runEntryPoint<{ args: Args; store: StoreConfig | null }>({
  name: "ask",
  usage: USAGE,
  watch: false,
  configure: (env) => {
    const args = parseArgs(process.argv.slice(2), {
      values: ["seeds"],
      booleans: ["jsonl", "log"],
    });
    if (args.flags.has("log") && !args.flags.has("jsonl"))
      throw new UsageError("--log goes with --jsonl (it logs the lines' questions)");
    return { args, store: args.flags.has("log") ? parseStoreConfig(env) : null };
  },
  secrets: ({ store }) => (store ? storeSecrets(store) : []),
  core: (core, { args }) => {
    const seeds = flag(args, "seeds");
    return seeds ? { ...core, seedsDir: path.resolve(seeds) } : core;
  },
  start: async ({ config: { args, store }, core, citebot, logger }) => {
    if (!args.flags.has("jsonl")) return answerOne(citebot, args.rest.join(" "), core.seedsBaseUrl);
    if (store && !store.logQuestions)
      logger.warn("--log: LOG_QUESTIONS is off, so nothing is logged");
    const collections = await openCollections(citebot, core.seedsDir);
    return answerJsonl(citebot, store ? openQuestionLog(store, logger) : null, collections);
  },
});
