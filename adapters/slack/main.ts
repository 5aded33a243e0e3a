// Entry point of `npm run slack`: parse configuration, load the seeds, serve Slack until a signal.
import {
  openEventClaims,
  openInstallations,
  parseStoreConfig,
  storeSecrets,
} from "../../src/index.ts";
import { openChatAsking } from "../shared/asking.ts";
import { runEntryPoint } from "../shared/harness.ts";
import { parseHealthPort } from "../shared/health.ts";
import { createRateLimiter } from "../shared/rate-limit.ts";
import { startSlack } from "./app.ts";
import { parseSlackConfig } from "./config.ts";
import { toStartFailure } from "./start-failure.ts";

runEntryPoint({
  name: "slack",
  secretVars: [
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_CLIENT_SECRET",
    "SLACK_STATE_SECRET",
  ],
  configure: (env) => ({ slack: parseSlackConfig(env), store: parseStoreConfig(env) }),
  secrets: ({ store }) => storeSecrets(store),
  // HTTP mode answers the probes on its own port; Socket Mode has no server, so it gets one.
  healthPort: ({ slack }, env) => (slack.mode === "socket" ? parseHealthPort(env) : null),
  start: async ({ config, core, logger, citebot }) => {
    // With DATABASE_URL, replicas claim each event in the shared database and answer it once.
    const claims = openEventClaims(config.store, { logger });
    // Installed in many workspaces: each one's tokens live in the store, shared by the replicas.
    const installations = config.slack.mode === "oauth" ? openInstallations(config.store) : null;
    const asking = await openChatAsking({
      live: citebot,
      seedsDir: core.seedsDir,
      store: config.store,
      logger,
      env: process.env,
    });
    const close = () => Promise.all([claims.close(), installations?.close(), asking.log?.close()]);
    let app;
    try {
      app = await startSlack({
        responder: citebot,
        config: config.slack,
        logger,
        rateLimiter: createRateLimiter({ limit: core.rateLimitPerMinute }),
        seedsBaseUrl: core.seedsBaseUrl,
        claims,
        asking,
        reload: async () => (await citebot.reload()).documents().length,
        ...(installations ? { installations } : {}),
      });
    } catch (error) {
      await close();
      throw toStartFailure(error, config.slack);
    }
    const running = app;
    return {
      health: () => running.health(),
      stop: async () => {
        await running.stop();
        await close();
      },
    };
  },
});
