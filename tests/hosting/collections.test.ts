import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  collectionFor,
  collectionOf,
  createCitebotFromTexts,
  createCollectionRouter,
  listCollections,
  parseCollectionMap,
  readCollectionMap,
} from "../../src/tools.ts";

const KNOWN = ["internal", "public"];
const parse = (json: unknown) =>
  parseCollectionMap(JSON.stringify(json), "collections.json", KNOWN);

describe("the collections file", () => {
  const map = parse({
    default: "public",
    discord: { servers: { "100": "internal" }, channels: { "200": "all", "300": "public" } },
    slack: { workspaces: { T1: "internal" }, channels: { C1: "public" } },
  });

  it.each([
    // A channel's rule beats its server's, which beats the default.
    [{ platform: "discord", server: "100", channel: "300" }, "public"],
    [{ platform: "discord", server: "100", channel: "999" }, "internal"],
    [{ platform: "discord", server: "100", channel: "200" }, null], // "all"
    [{ platform: "discord", server: "555" }, "public"],
    // Ids are per platform: Slack's C1 is not Discord's.
    [{ platform: "discord", channel: "C1" }, "public"],
    [{ platform: "slack", server: "T1", channel: "C1" }, "public"],
    [{ platform: "slack", server: "T1", channel: "C2" }, "internal"],
    [{ platform: "repl" }, "public"],
  ])("%j → %s", (place, expected) => {
    expect(collectionFor(map, place)).toBe(expected);
  });

  it.each([
    ["{nope", /^collections\.json: not valid JSON/],
    ["[]", /expected an object/],
    [
      JSON.stringify({ default: "secret" }),
      /"default" is "secret", which is not a sub-folder of the seeds folder \(collections: internal, public, or "all"\)/,
    ],
    [
      JSON.stringify({ teams: {} }),
      /unknown key "teams" \(expected "default", "discord" or "slack"\)/,
    ],
    [
      JSON.stringify({ discord: { workspaces: {} } }),
      /unknown key "discord.workspaces" \(expected "servers" or "channels"\)/,
    ],
    [
      JSON.stringify({ slack: { channels: { C1: 7 } } }),
      /"slack.channels.C1" must be a collection name/,
    ],
    [
      JSON.stringify({ slack: { channels: [] } }),
      /"slack.channels" must map ids to collection names/,
    ],
  ])("%s is refused with a line naming the problem", (text, message) => {
    expect(() => parseCollectionMap(text, "collections.json", KNOWN)).toThrow(ConfigError);
    expect(() => parseCollectionMap(text, "collections.json", KNOWN)).toThrow(message);
  });
});

describe("collections on disk", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "citebot-collections-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "seeds", "public"), { recursive: true });
  mkdirSync(path.join(dir, "seeds", "internal"));
  mkdirSync(path.join(dir, "seeds", ".cache"));

  it("are the seeds folder's visible sub-folders", async () => {
    expect(await listCollections(path.join(dir, "seeds"))).toEqual(["internal", "public"]);
  });

  it("COLLECTIONS_FILE unset means all seeds; missing or bad stops start-up", async () => {
    const seeds = path.join(dir, "seeds");
    expect((await readCollectionMap({}, seeds)).fallback).toBeNull();
    await expect(readCollectionMap({ COLLECTIONS_FILE: "nope.json" }, seeds, dir)).rejects.toThrow(
      /COLLECTIONS_FILE nope.json cannot be read \(ENOENT\)/,
    );
    writeFileSync(path.join(dir, "c.json"), JSON.stringify({ default: "drafts" }));
    await expect(readCollectionMap({ COLLECTIONS_FILE: "c.json" }, seeds, dir)).rejects.toThrow(
      /COLLECTIONS_FILE c.json: "default" is "drafts"/,
    );
  });
});

describe("answering from one collection", () => {
  const files = [
    { doc: "public/pricing.md", text: "# Pricing\n\nThe basic plan costs 12 euros a month.\n" },
    {
      doc: "internal/oncall.md",
      text: "# On call\n\nThe on-call engineer is paged by Opsgenie at night.\n",
    },
    { doc: "faq.md", text: "# FAQ\n\nRefunds take five working days.\n" },
  ];
  const bot = createCitebotFromTexts(files);
  const router = createCollectionRouter({
    all: bot,
    current: () => ({ collection: (name: string) => collectionOf(bot, name) }),
    names: ["internal", "public"],
  });

  it("quotes only that collection's documents, with the same exact citations", () => {
    const everywhere = bot.ask("Who pages the on-call engineer at night?");
    expect(everywhere.kind).toBe("cited");
    expect(router.responder("public").ask("Who pages the on-call engineer at night?").kind).toBe(
      "not_found",
    );
    const inside = router.responder("internal").ask("Who pages the on-call engineer at night?");
    if (inside.kind !== "cited" || everywhere.kind !== "cited") throw new Error("expected answers");
    const [excerpt] = inside.excerpts;
    expect(excerpt.doc).toBe("internal/oncall.md");
    expect(files[1]?.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
    expect([excerpt.start, excerpt.end, excerpt.line]).toEqual([
      everywhere.excerpts[0].start,
      everywhere.excerpts[0].end,
      everywhere.excerpts[0].line,
    ]);
    expect(
      router
        .responder("public")
        .documents()
        .map((d) => d.doc),
    ).toEqual(["public/pricing.md"]);
    expect(router.responder(null)).toBe(bot);
  });
});
