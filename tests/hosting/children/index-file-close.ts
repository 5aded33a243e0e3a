// Child process for tests/hosting/index-file-close.test.ts (run with --expose-gc): a live
// responder starts from a bot restored from its index file, is rebuilt, and the index file's
// descriptors still open are counted before and after collection. Prints one JSON line.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLiveResponder, openCitebot } from "../../../src/tools.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "citebot-close-"));
const seedsDir = path.join(root, "seeds");
const cacheDir = path.join(root, "cache");
mkdirSync(seedsDir);
writeFileSync(
  path.join(seedsDir, "harbour.md"),
  "# Harbour\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n",
);

/** Descriptors of this process open on the persisted index file. */
const indexFds = () =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(cacheDir);
    } catch {
      return false;
    }
  }).length;

await openCitebot({ seedsDir, cacheDir }); // builds and writes the index file
const live = createLiveResponder({
  initial: await openCitebot({ seedsDir, cacheDir }), // restored: its texts read from the file
  open: () => openCitebot({ seedsDir, cacheDir: null }),
  watchDir: null,
});
const first = live.ask("How many ships did the keeper count?");
const before = indexFds();
await live.reload();
for (let i = 0; i < 5 && indexFds() > 0; i++) {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
console.log(JSON.stringify({ answered: first.kind, before, after: indexFds() }));
live.close();
rmSync(root, { recursive: true, force: true });
