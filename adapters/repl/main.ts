// npm start: the local REPL on the seeds folder (no tokens needed).
import { runEntryPoint } from "../shared/harness.ts";
import { render as renderDiscord } from "../discord/render.ts";
import { render as renderSlack } from "../slack/render.ts";
import { startRepl } from "./repl.ts";

runEntryPoint({
  name: "repl",
  configure: () => null,
  start: async ({ core, citebot }) => {
    const { seedsBaseUrl } = core;
    return startRepl({
      input: process.stdin,
      output: process.stdout,
      responder: citebot,
      reload: async () => {
        await citebot.reload();
        return citebot;
      },
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
      baseUrl: seedsBaseUrl,
      // The exact payloads the chat adapters would send, for checking their rendering locally.
      formats: {
        discord: (answer) => renderDiscord(answer, { seedsBaseUrl }),
        slack: (answer) => renderSlack(answer, { seedsBaseUrl }),
      },
    });
  },
});
