// Worker thread entry: builds and persists an index off the main thread (see build-in-worker.ts),
// then hands the sections over as transferred buffers, so the main thread only restores them.
import { parentPort, workerData } from "node:worker_threads";
import { buildAndSave, type BuildRequest } from "./build.ts";
import { toSections } from "./index-snapshot.ts";

const port = parentPort;
if (port) {
  const req = workerData as BuildRequest;
  try {
    const built = await buildAndSave(req, (text) => port.postMessage({ kind: "warn", text }));
    const { header, sections } = toSections(
      req.cache?.key ?? "",
      built.corpus,
      built.index,
      built.warnings,
    );
    const buffers: Record<string, ArrayBuffer> = {};
    for (const s of sections) {
      const chunks = [...s.chunks];
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      buffers[s.name] = out.buffer;
    }
    port.postMessage({ kind: "built", header, buffers }, Object.values(buffers));
  } catch (err) {
    const { name = "Error", message = String(err) } = err instanceof Error ? err : {};
    port.postMessage({ kind: "failed", name, message });
  }
}
