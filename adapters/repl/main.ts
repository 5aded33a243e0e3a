// npm start: the local REPL on the seeds folder (no tokens needed).
import { createLogger, parseCoreConfig } from "../../src/index.ts";
import { loadEnv, openLive, reportStartupError } from "../shared/startup.ts";
import { render as renderDiscord } from "../discord/render.ts";
import { render as renderSlack } from "../slack/render.ts";
import { startRepl } from "./repl.ts";

async function main(): Promise<void> {
  loadEnv();
  const config = parseCoreConfig(process.env);
  const logger = createLogger();
  const live = await openLive(config, logger);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  await startRepl({
    input: process.stdin,
    output: process.stdout,
    responder: live,
    reload: async () => {
      await live.reload();
      return live;
    },
    interactive,
    color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
    baseUrl: config.seedsBaseUrl,
    // The exact payloads the chat adapters would send, for checking their rendering locally.
    formats: {
      discord: (answer) => renderDiscord(answer, { seedsBaseUrl: config.seedsBaseUrl }),
      slack: (answer) => renderSlack(answer, { seedsBaseUrl: config.seedsBaseUrl }),
    },
  });
  live.close();
}

main().catch(reportStartupError);
