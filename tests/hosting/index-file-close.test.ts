import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The index file stays open while a restored corpus reads its texts from it; once a rebuild has
// replaced that corpus, nothing may keep it (or its descriptor, or a deleted file's disk) alive.
describe("the persisted index file's descriptor", () => {
  it.runIf(process.platform === "linux")(
    "is closed once a live rebuild has replaced the bot restored from it",
    () => {
      const child = new URL("./children/index-file-close.ts", import.meta.url).pathname;
      const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", child], {
        encoding: "utf8",
      });
      const report = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
      expect(report).toEqual({ answered: "cited", before: 1, after: 0 });
    },
    30_000,
  );
});
