// Worker thread entry: builds and persists an index off the main thread (see build-in-worker.ts),
// then hands the sections over as transferred buffers, so the main thread only restores them.
import { parentPort, workerData } from "node:worker_threads";
import { buildSections, type BuildRequest } from "./build.ts";
import { lowerThreadPriority } from "./thread-priority.ts";

const port = parentPort;
if (port) {
  // Answering on the main thread goes first: the build yields the CPU when both want it.
  lowerThreadPriority();
  const req = workerData as BuildRequest;
  try {
    const { header, buffers } = await buildSections(req, (text) =>
      port.postMessage({ kind: "warn", text }),
    );
    port.postMessage({ kind: "built", header, buffers }, Object.values(buffers));
  } catch (err) {
    const { name = "Error", message = String(err) } = err instanceof Error ? err : {};
    port.postMessage({ kind: "failed", name, message });
  }
}
