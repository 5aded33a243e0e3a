// npm run index: builds the persisted index of SEEDS_DIR into INDEX_CACHE_DIR and exits, for
// replicas started with INDEX_MODE=read on the same (shared) folders.
import { ConfigError, parseCoreConfig } from "../../src/index.ts";
import { runEntryPoint } from "../shared/harness.ts";

runEntryPoint({
  name: "index",
  configure: (env) => {
    const { cacheDir } = parseCoreConfig(env);
    if (cacheDir === null) {
      throw new ConfigError(
        'npm run index writes the index to INDEX_CACHE_DIR, which is "off"; set it to the folder the replicas read (see "Deployment" in README.md).',
      );
    }
    return { cacheDir };
  },
  // This process is the builder, whatever INDEX_MODE the replicas share in the environment.
  core: (core) => ({ ...core, indexMode: "build" }),
  watch: false,
  start: async ({ config, citebot, logger }) => {
    const { fromCache } = citebot.current;
    logger.info(`index: ${fromCache ? "already up to date" : "written"} in ${config.cacheDir}`);
    return { done: Promise.resolve(), stop: async () => {} };
  },
});
