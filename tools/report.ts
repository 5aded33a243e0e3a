// npm run report -- --out FILE [--days N] [--seeds DIR]: the knowledge-gap report, one HTML page,
// from the store that DATA_DIR or DATABASE_URL names.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  createLogger,
  createStore,
  listSeeds,
  migrate,
  openDatabase,
  parseCoreConfig,
  parseStoreConfig,
  readSummary,
  SQLITE_FILE,
  storeSecrets,
} from "../src/tools.ts";
import { flag, numberFlag, orUsage, parseArgs, UsageError } from "../adapters/shared/args.ts";
import { loadEnv, reportStartupError } from "../adapters/shared/harness.ts";
import { toReportHtml } from "./report/html.ts";

const USAGE = "npm run report -- --out FILE [--days N] [--seeds DIR]";

async function main(): Promise<void> {
  loadEnv();
  const args = orUsage(
    () => parseArgs(process.argv.slice(2), { values: ["out", "days", "seeds"] }),
    USAGE,
  );
  const out = orUsage(() => {
    const v = flag(args, "out");
    if (!v) throw new UsageError("--out FILE is required");
    return v;
  }, USAGE);
  const days = orUsage(
    () => numberFlag(args, "days", 30, { min: 1, max: 36_500, integer: true }),
    USAGE,
  );
  const seeds = flag(args, "seeds");
  const config = parseStoreConfig(process.env);
  const core = parseCoreConfig(
    seeds ? { ...process.env, SEEDS_DIR: path.resolve(seeds) } : process.env,
  );
  const logger = createLogger({ secrets: storeSecrets(config) });
  const db = openDatabase(config);
  const where = config.databaseUrl
    ? `PostgreSQL ${db.where}`
    : path.join(config.dataDir, SQLITE_FILE);
  try {
    try {
      await migrate(db);
    } catch (err) {
      process.stderr.write(
        `citebot: cannot read the store at ${where} (${(err as Error).message}); check DATA_DIR or DATABASE_URL\n`,
      );
      process.exitCode = 1;
      return;
    }
    let documents: string[] | undefined;
    try {
      documents = await listSeeds(core.seedsDir);
    } catch (err) {
      logger.warn(`cannot list the seeds, so "never cited" is left out: ${(err as Error).message}`);
    }
    const summary = await readSummary(createStore(db), {
      days,
      ...(documents ? { documents } : {}),
    });
    writeFileSync(
      path.resolve(out),
      toReportHtml(summary, { store: where, seeds: documents ? core.seedsDir : null }),
    );
    logger.info(
      `report: wrote ${out} (${summary.total} questions, ${summary.gaps.length} gap topics)`,
    );
  } finally {
    await db.close();
  }
}

main().catch(reportStartupError);
