import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Responder } from "../answering/answer.ts";
import { createCitebotFromTexts, type Citebot } from "../answering/citebot.ts";
import { ConfigError, type Env } from "./config.ts";

/** The collection name meaning every seed file. */
export const ALL = "all";

/** Which collection answers where; parsed from COLLECTIONS_FILE. */
export interface CollectionMap {
  /** Collection for places no rule names; null = all seeds. */
  fallback: string | null;
  /** "platform:channel" or "platform:server" → collection (null = all). */
  channels: ReadonlyMap<string, string | null>;
  servers: ReadonlyMap<string, string | null>;
}

/** Where a question was asked, as the map matches it. */
export interface Place {
  platform: string;
  server?: string | null;
  channel?: string | null;
}

/** No file: every question is answered from all seeds. */
export const ALL_SEEDS: CollectionMap = { fallback: null, channels: new Map(), servers: new Map() };

/** The collections of a seeds folder: its top-level sub-folders (hidden ones left out). */
export async function listCollections(seedsDir: string): Promise<string[]> {
  const entries = await readdir(seedsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

const SERVER_KEYS: Readonly<Record<string, string>> = { discord: "servers", slack: "workspaces" };

/**
 * Parses the collections file: `{"default": NAME, "discord": {"servers": {ID: NAME},
 * "channels": {ID: NAME}}, "slack": {"workspaces": {…}, "channels": {…}}}`. Throws ConfigError
 * naming the file and the first problem.
 */
export function parseCollectionMap(
  text: string,
  source: string,
  known: readonly string[],
): CollectionMap {
  const fail = (what: string): never => {
    throw new ConfigError(`${source}: ${what}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(raw)) return fail('expected an object such as {"default": "all"}');
  const name = (value: unknown, at: string): string | null => {
    if (typeof value !== "string") return fail(`${at} must be a collection name (a string)`);
    if (value === ALL) return null;
    if (!known.includes(value))
      fail(
        `${at} is "${value.slice(0, 60)}", which is not a sub-folder of the seeds folder (collections: ${known.join(", ") || "none"}, or "all")`,
      );
    return value;
  };
  const channels = new Map<string, string | null>();
  const servers = new Map<string, string | null>();
  let fallback: string | null = null;
  for (const [key, value] of Object.entries(raw)) {
    if (key === "default") {
      fallback = name(value, '"default"');
      continue;
    }
    const serverKey = SERVER_KEYS[key];
    if (!serverKey)
      fail(`unknown key "${key.slice(0, 40)}" (expected "default", "discord" or "slack")`);
    if (!isObject(value)) return fail(`"${key}" must be an object`);
    for (const [group, ids] of Object.entries(value)) {
      const target = group === "channels" ? channels : group === serverKey ? servers : null;
      if (!target)
        fail(`unknown key "${key}.${group.slice(0, 40)}" (expected "${serverKey}" or "channels")`);
      if (!isObject(ids)) return fail(`"${key}.${group}" must map ids to collection names`);
      for (const [id, collection] of Object.entries(ids))
        target?.set(`${key}:${id}`, name(collection, `"${key}.${group}.${id.slice(0, 40)}"`));
    }
  }
  return { fallback, channels, servers };
}

/** Reads COLLECTIONS_FILE (unset = all seeds everywhere); a bad file is a ConfigError. */
export async function readCollectionMap(
  env: Env,
  seedsDir: string,
  cwd = process.cwd(),
): Promise<CollectionMap> {
  const file = env["COLLECTIONS_FILE"]?.trim();
  if (!file) return ALL_SEEDS;
  const full = path.resolve(cwd, file);
  const text = await readFile(full, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new ConfigError(
      `COLLECTIONS_FILE ${file} cannot be read (${err.code ?? err.message}); fix the path or unset it`,
    );
  });
  return parseCollectionMap(text, `COLLECTIONS_FILE ${file}`, await listCollections(seedsDir));
}

/** The collection for a place: its channel's, else its server's, else the default. */
export function collectionFor(map: CollectionMap, place: Place): string | null {
  const channel = place.channel
    ? map.channels.get(`${place.platform}:${place.channel}`)
    : undefined;
  if (channel !== undefined) return channel;
  const server = place.server ? map.servers.get(`${place.platform}:${place.server}`) : undefined;
  return server !== undefined ? server : map.fallback;
}

const built = new WeakMap<Citebot, Map<string, Citebot>>();

/**
 * The answerer of one collection of `bot`'s seeds, built from its loaded documents on first use
 * and kept with that bot (a reload makes a new bot, so new collections). Paths stay relative to
 * the seeds folder, so citations are the same as from the whole folder.
 */
export function collectionOf(bot: Citebot, name: string): Citebot {
  let byName = built.get(bot);
  if (!byName) built.set(bot, (byName = new Map()));
  let sub = byName.get(name);
  if (!sub) {
    const prefix = `${name}/`;
    sub = createCitebotFromTexts(
      bot.corpus.documents
        .filter((d) => d.doc.startsWith(prefix))
        .map((d) => ({ doc: d.doc, text: d.text })),
    );
    byName.set(name, sub);
  }
  return sub;
}

/** Answers from one collection of the live seeds. */
export interface CollectionRouter {
  /** The collections there were at start-up (sub-folder names). */
  readonly names: readonly string[];
  /** The responder for a collection; null (or "all") = every seed file. */
  responder(collection: string | null): Responder;
}

/** Routes questions to the collection's answerer of the citebot answering now. */
export function createCollectionRouter(options: {
  /** Answers from every seed file (the live responder). */
  all: Responder;
  /** The citebot answering now (it changes on a live reload). */
  current: () => { collection(name: string): Responder };
  names: readonly string[];
}): CollectionRouter {
  return {
    names: options.names,
    responder: (collection) =>
      collection === null || collection === ALL
        ? options.all
        : options.current().collection(collection),
  };
}
