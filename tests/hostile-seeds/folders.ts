// Builders of hostile seeds folders in a temporary directory. Each folder holds one good seed
// (so a front end has something to answer from) beside whatever a test adds.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** A secret that lives beside the seeds folder, never inside it. */
export const SECRET = "xoxb-9999-hostile-secret-token-never-quote";

/** The good seed every hostile folder holds, with a question it answers. */
export const GOOD = {
  name: "harbour.txt",
  text: "Harbour notes\n\nThe lighthouse keeper counted seventeen ships in the harbour.\n",
  question: "How many ships did the lighthouse keeper count?",
  answer: "seventeen ships in the harbour",
};

/** Text without the markup front ends add around words ([answer], **bold**, __underline__). */
export function plain(text: string): string {
  return text.replace(/[[\]*_]/g, "");
}

/** A temporary folder: `seeds/` (SEEDS_DIR) and `outside/` (holds a .env with {@link SECRET}). */
export interface HostileFolder {
  root: string;
  seeds: string;
  outside: string;
  /** Writes a file under seeds/ (creating folders). */
  file(name: string, content: string | Uint8Array): Promise<string>;
  /** A symbolic link at seeds/`name` pointing at `target` (absolute, or relative to the link). */
  link(name: string, target: string): Promise<string>;
  /** A FIFO at seeds/`name` (no writer ever opens it). */
  fifo(name: string): Promise<string>;
  /** A sub-folder holding a seed, made unlistable (mode 000). */
  unlistable(name: string): Promise<string>;
  remove(): Promise<void>;
}

const folders = new Set<HostileFolder>();

/** Makes a hostile folder; {@link removeHostileFolders} removes them all (call it in afterAll). */
export async function createHostileFolder(): Promise<HostileFolder> {
  const root = await mkdtemp(path.join(tmpdir(), "citebot-hostile-"));
  // Readable by a non-root child (see runners.ts): the unlistable case needs one.
  await chmod(root, 0o755);
  const seeds = path.join(root, "seeds");
  const outside = path.join(root, "outside");
  await mkdir(seeds, { mode: 0o755 });
  await mkdir(outside, { mode: 0o755 });
  await writeFile(path.join(outside, ".env"), `SLACK_BOT_TOKEN=${SECRET}\n`);
  await writeFile(
    path.join(outside, "notes.txt"),
    `Secrets\n\nThe SLACK_BOT_TOKEN is ${SECRET}.\n`,
  );
  const under = async (name: string) => {
    const full = path.join(seeds, ...name.split("/"));
    await mkdir(path.dirname(full), { recursive: true, mode: 0o755 });
    return full;
  };
  const folder: HostileFolder = {
    root,
    seeds,
    outside,
    async file(name, content) {
      const full = await under(name);
      await writeFile(full, content, { mode: 0o644 });
      return full;
    },
    async link(name, target) {
      const full = await under(name);
      await symlink(target, full);
      return full;
    },
    async fifo(name) {
      const full = await under(name);
      await promisify(execFile)("mkfifo", ["-m", "644", full]);
      return full;
    },
    async unlistable(name) {
      const dir = await under(`${name}/x`).then(path.dirname);
      await writeFile(path.join(dir, "hidden.txt"), GOOD.text);
      await chmod(dir, 0o000);
      return dir;
    },
    async remove() {
      folders.delete(folder);
      await promisify(execFile)("chmod", ["-R", "u+rwx", root]).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  folders.add(folder);
  await folder.file(GOOD.name, GOOD.text);
  return folder;
}

/** Removes every folder made by {@link createHostileFolder} and not yet removed. */
export async function removeHostileFolders(): Promise<void> {
  await Promise.all([...folders].map((f) => f.remove()));
}
