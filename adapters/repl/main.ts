// npm start: the local REPL on the seeds folder (no tokens needed).
import { createLogger, parseCoreConfig } from "../../src/index.ts";
import { loadEnv, openFromConfig, reportStartupError } from "../shared/startup.ts";
import { startRepl } from "./repl.ts";

async function main(): Promise<void> {
  loadEnv();
  const config = parseCoreConfig(process.env);
  const logger = createLogger();
  const bot = await openFromConfig(config, logger);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  await startRepl({
    input: process.stdin,
    output: process.stdout,
    responder: bot,
    reload: () => openFromConfig(config, logger),
    interactive,
    color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
    baseUrl: config.seedsBaseUrl,
  });
}

main().catch(reportStartupError);
