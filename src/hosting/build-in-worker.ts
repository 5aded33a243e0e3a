import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { SeedsError } from "../ingest/loader.ts";
import { runStepsInBackground } from "../ingest/steps.ts";
import type { BuildRequest, Built } from "./build.ts";
import { fromBuffers, fromSections } from "./index-snapshot.ts";

type Message =
  | { kind: "warn"; text: string }
  | { kind: "built"; header: Record<string, unknown>; buffers: Record<string, ArrayBuffer> }
  | { kind: "failed"; name: string; message: string };

// Run from TypeScript sources (development, tests), the worker registers tsx's loader first.
function workerEntry(): { entry: URL | string; eval: boolean } {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(`./rebuild-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  if (!fromSource) return { entry: url, eval: false };
  // tsx's ESM API (its "import" export of ./esm/api); a require() resolution gives the CJS one.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
  return {
    entry: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`,
    eval: true,
  };
}

/**
 * Builds (and persists) the index in a worker thread: reading, parsing and indexing never
 * hold the main thread, which then only restores the result, in steps, from the buffers the
 * worker transfers. Rejects with SeedsError as an in-thread build would.
 */
export function buildInWorker(req: BuildRequest, warn: (line: string) => void): Promise<Built> {
  return new Promise<Built>((resolve, reject) => {
    const { entry, eval: isCode } = workerEntry();
    const worker = new Worker(entry, { workerData: req, eval: isCode });
    // A rebuild in flight must not keep a stopping process alive.
    worker.unref();
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
      void worker.terminate();
    };
    worker.on("message", (m: Message) => {
      if (m.kind === "warn") warn(m.text);
      else if (m.kind === "failed")
        fail(m.name === "SeedsError" ? new SeedsError(m.message) : new Error(m.message));
      else {
        settled = true;
        void worker.terminate();
        const sections = fromBuffers(m.header, m.buffers);
        runStepsInBackground(fromSections(sections)).then(resolve, reject);
      }
    });
    worker.on("error", (err) => fail(new Error(`the index build failed: ${err.message}`)));
    worker.on("exit", (code) => fail(new Error(`the index build stopped (exit code ${code})`)));
  });
}
