import { promises as fs, type Dirent } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SeedsError, loadSeeds } from "../../src/tools.ts";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const GOOD = "Harbour\n\nThe lighthouse keeper counted seventeen ships.\n";

/** A seeds folder inside a temporary root that also holds `outside/secret.txt`. */
async function folder(files: Record<string, string>): Promise<{ root: string; seeds: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "citebot-listing-"));
  made.push(root);
  const seeds = path.join(root, "seeds");
  await fs.mkdir(path.join(root, "outside"), { recursive: true });
  await fs.writeFile(path.join(root, "outside", "secret.txt"), "Secret\n\nThe code is 1234.\n");
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(seeds, name)), { recursive: true });
    await fs.writeFile(path.join(seeds, name), text);
  }
  return { root, seeds };
}

/** Lists like fs.readdir but fails with EACCES for folders named `locked`. */
function lockedListing(dir: string): Promise<Dirent[]> {
  if (path.basename(dir) === "locked") {
    return Promise.reject(Object.assign(new Error("permission denied"), { code: "EACCES" }));
  }
  return fs.readdir(dir, { withFileTypes: true });
}

describe("symbolic links", () => {
  it("are skipped by default, one warning each, even when they stay inside", async () => {
    const { root, seeds } = await folder({ "good.txt": GOOD });
    await fs.symlink(path.join(root, "outside", "secret.txt"), path.join(seeds, "out.txt"));
    await fs.symlink("good.txt", path.join(seeds, "alias.txt"));
    const { files, warnings } = await loadSeeds(seeds);
    expect(files.map((f) => f.doc)).toEqual(["good.txt"]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^skipped alias\.txt: a symbolic link;.*SEEDS_FOLLOW_LINKS=inside/);
    expect(warnings[1]).toMatch(/^skipped out\.txt: a symbolic link;/);
  });

  it("inside: links that resolve inside are read, links out (even via ..) are not", async () => {
    const { root, seeds } = await folder({ "good.txt": GOOD });
    await fs.symlink("../outside/secret.txt", path.join(seeds, "dotdot.txt"));
    await fs.symlink(path.join(root, "outside"), path.join(seeds, "outdir"));
    await fs.symlink("good.txt", path.join(seeds, "alias.txt"));
    await fs.symlink(".", path.join(seeds, "loop"));
    const { files, warnings } = await loadSeeds(seeds, { followLinks: "inside" });
    expect(files.map((f) => f.doc)).toEqual(["alias.txt", "good.txt"]);
    expect(files.map((f) => f.text).join("")).not.toContain("1234");
    expect(warnings).toEqual([
      "skipped dotdot.txt: a symbolic link to outside the seeds folder; citebot only reads files inside it",
      "skipped outdir: a symbolic link to outside the seeds folder; citebot only reads files inside it",
    ]);
  });
});

describe("listing errors", () => {
  it("an unlistable sub-folder is one warning and the other files load", async () => {
    const { seeds } = await folder({ "good.txt": GOOD, "locked/inner.txt": GOOD });
    const { files, warnings } = await loadSeeds(seeds, { listDir: lockedListing });
    expect(files.map((f) => f.doc)).toEqual(["good.txt"]);
    expect(warnings).toEqual([
      "skipped folder locked: cannot list it (EACCES); check its permissions",
    ]);
  });

  it("an unlistable seeds folder is a SeedsError naming it", async () => {
    const { root } = await folder({ "locked/inner.txt": GOOD });
    const err: unknown = await loadSeeds(path.join(root, "seeds", "locked"), {
      listDir: lockedListing,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedsError);
    expect((err as Error).message).toMatch(/cannot list the seeds folder .*locked \(EACCES\)/);
  });
});
