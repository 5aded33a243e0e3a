import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openInstallations, parseStoreConfig, type Installations } from "../../../src/tools.ts";
import { BACKENDS, type TestBackend } from "../../helpers/databases.ts";

describe.each(BACKENDS)("installations on $name", ({ create }) => {
  let backend: TestBackend;
  let a: Installations;
  let b: Installations;
  beforeEach(async () => {
    backend = await create();
    // Two replicas, each with its own connection to the same database.
    a = openInstallations(parseStoreConfig(backend.env), { open: backend.open });
    b = openInstallations(parseStoreConfig(backend.env), { open: backend.open });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await backend.dispose();
  });

  it("an install saved by one replica is found by another, replaced on rotation, removed on uninstall", async () => {
    await a.save("slack", "T:T2", { team: { id: "T2" }, bot: { token: "xoxb-T2-1" } });
    await a.save("slack", "T:T3", { team: { id: "T3" }, bot: { token: "xoxb-T3-1" } });
    expect(await b.find("slack", "T:T2")).toEqual({
      team: { id: "T2" },
      bot: { token: "xoxb-T2-1" },
    });
    await b.save("slack", "T:T2", { team: { id: "T2" }, bot: { token: "xoxb-T2-2" } });
    expect(await a.find("slack", "T:T2")).toMatchObject({ bot: { token: "xoxb-T2-2" } });
    expect(await a.count("slack")).toBe(2);
    expect(await a.remove("slack", "T:T2")).toBe(true);
    expect(await a.remove("slack", "T:T2")).toBe(false);
    expect(await b.find("slack", "T:T2")).toBeNull();
    expect(await b.count("slack")).toBe(1);
    expect(await b.count("discord")).toBe(0);
  });
});
