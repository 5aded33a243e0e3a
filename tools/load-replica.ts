// One Slack HTTP replica for `npm run load`, in its own process (as in production): HTTP mode
// on 127.0.0.1 against the load test's fake Web API, event claims in the database the
// environment names (DATABASE_URL, else SQLite in DATA_DIR). Prints "port N" once listening.
import { createMemoryLogger, openCitebot, openEventClaims, parseCoreConfig } from "../src/tools.ts";
import { parseStoreConfig } from "../src/tools.ts";
import { createRateLimiter } from "../adapters/shared/rate-limit.ts";
import { startSlack } from "../adapters/slack/app.ts";

const [apiUrl = "", secret = ""] = process.argv.slice(2);
const core = parseCoreConfig(process.env);
const citebot = await openCitebot({ seedsDir: core.seedsDir, cacheDir: null });
const logger = createMemoryLogger([secret]);
const claims = openEventClaims(parseStoreConfig(process.env), { logger });
const app = await startSlack({
  responder: citebot,
  config: { mode: "http", botToken: "xoxb-load-test", apiUrl, signingSecret: secret, port: 0 },
  logger,
  rateLimiter: createRateLimiter({ limit: 0 }), // measure the app, not the limiter
  seedsBaseUrl: null,
  host: "127.0.0.1",
  retryConfig: { retries: 0 },
  claims,
});
process.stdout.write(`port ${app.port}\n`);
process.on("SIGTERM", () => {
  void (async () => {
    await app.stop();
    await claims.close();
    const errors = logger.lines.filter((l) => l.includes(" error ")).length;
    process.stdout.write(`errors ${errors}\n`);
    process.exit(0);
  })();
});
