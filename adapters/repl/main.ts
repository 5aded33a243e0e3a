// npm start: the local REPL on the seeds folder (no tokens needed).
import { createCollectionRouter, listCollections, readCollectionMap } from "../../src/index.ts";
import { runEntryPoint } from "../shared/harness.ts";
import { render as renderDiscord } from "../discord/render.ts";
import { render as renderSlack } from "../slack/render.ts";
import { startRepl } from "./repl.ts";

runEntryPoint({
  name: "repl",
  configure: () => null,
  start: async ({ core, citebot }) => {
    const { seedsBaseUrl } = core;
    await readCollectionMap(process.env, core.seedsDir); // a bad file stops start-up here
    const collections = createCollectionRouter({
      all: citebot,
      current: () => citebot.current,
      names: await listCollections(core.seedsDir),
    });
    return startRepl({
      collections,
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
