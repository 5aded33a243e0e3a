// npm run --silent ask -- [--seeds DIR] "question"      prints the rendered answer
// npm run --silent ask -- [--seeds DIR] --jsonl [--log] JSON lines in, one JSON line out each;
//                                                       --log keeps them in the question log
import path from "node:path";
import readline from "node:readline";
import {
  createLogger,
  openQuestionLog,
  parseCoreConfig,
  parseStoreConfig,
  storeSecrets,
} from "../../src/index.ts";
import { render } from "../shared/terminal.ts";
import { loadEnv, openFromConfig, reportStartupError } from "../shared/startup.ts";
import { flag, orUsage, parseArgs } from "../shared/args.ts";
import { answerLine } from "./jsonl.ts";

async function main(): Promise<void> {
  loadEnv();
  const args = orUsage(
    () => parseArgs(process.argv.slice(2), { values: ["seeds"], booleans: ["jsonl", "log"] }),
    'npm run --silent ask -- [--seeds DIR] "question" | --jsonl [--log]',
  );
  const seeds = flag(args, "seeds");
  const config = parseCoreConfig(
    seeds ? { ...process.env, SEEDS_DIR: path.resolve(seeds) } : process.env,
  );
  if (args.flags.has("log") && !args.flags.has("jsonl")) {
    process.stderr.write("citebot: --log goes with --jsonl (it logs the lines' questions)\n");
    process.exitCode = 2;
    return;
  }
  const storeConfig = args.flags.has("log") ? parseStoreConfig(process.env) : null;
  const logger = createLogger({ secrets: storeConfig ? storeSecrets(storeConfig) : [] });
  if (storeConfig && !storeConfig.logQuestions)
    logger.warn("--log: LOG_QUESTIONS is off, so nothing is logged");
  const log = storeConfig ? openQuestionLog(storeConfig, logger) : null;
  const bot = await openFromConfig(config, logger);
  if (args.flags.has("jsonl")) {
    const rl = readline.createInterface({
      input: process.stdin,
      terminal: false,
      crlfDelay: Infinity,
    });
    for await (const line of rl) {
      process.stdout.write(JSON.stringify(answerLine(line, bot, log)) + "\n");
    }
    await log?.close();
    return;
  }
  const question = args.rest.join(" ");
  if (question.trim() === "") {
    process.stderr.write(
      'citebot: give a question, e.g. npm run --silent ask -- "How much did Tokyo agree to pay?", or --jsonl\n',
    );
    process.exitCode = 2;
    return;
  }
  const answer = bot.ask(question);
  process.stdout.write(
    render(answer, {
      color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
      baseUrl: config.seedsBaseUrl,
    }) + "\n",
  );
  if (answer.kind === "not_found") process.exitCode = 3;
}

main().catch(reportStartupError);
