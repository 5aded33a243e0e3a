import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { lowerThreadPriority } from "../../src/hosting/thread-priority.ts";

describe("lowerThreadPriority", () => {
  it("refuses to lower the main thread (the process itself)", () => {
    const before = os.getPriority();
    expect(lowerThreadPriority()).toBe(false);
    expect(os.getPriority()).toBe(before);
  });

  it.runIf(process.platform === "linux")(
    "lowers a worker thread's priority and leaves the main thread's as it was",
    async () => {
      const before = os.getPriority();
      const url = new URL("../../src/hosting/thread-priority.ts", import.meta.url).href;
      // The worker loads the TypeScript source through tsx's ESM API, as build-in-worker.ts does.
      const tsxDir = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
      const tsx = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
      const code = `
        const { parentPort } = require("node:worker_threads");
        const { readlinkSync } = require("node:fs");
        const os = require("node:os");
        import(${JSON.stringify(tsx)})
          .then((m) => { m.register(); return import(${JSON.stringify(url)}); })
          .then(({ lowerThreadPriority }) => {
          const lowered = lowerThreadPriority();
          const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
          parentPort.postMessage({ lowered, nice: os.getPriority(tid) });
        });`;
      const worker = new Worker(code, { eval: true });
      const reply = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      await worker.terminate();
      expect(reply).toEqual({ lowered: true, nice: 10 });
      expect(os.getPriority()).toBe(before);
    },
  );
});
