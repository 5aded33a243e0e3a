import { describe, expect, it } from "vitest";
import { createMemoryLogger } from "../../src/tools.ts";
import { parseHealthPort, startHealthServer, type Health } from "../../adapters/shared/health.ts";

describe("the health server of Discord and Socket Mode processes", () => {
  it("/healthz is 200 while alive; /readyz is 503 until ready, then 200, with the counts", async () => {
    let health: Health = { ready: false, waitingFor: ["index", "platform"] };
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      check: () => health,
      logger: createMemoryLogger(),
    });
    const get = (path: string, method = "GET") =>
      fetch(`http://127.0.0.1:${server.port}${path}`, { method });
    try {
      expect((await get("/healthz")).status).toBe(200);
      const starting = await get("/readyz");
      expect(starting.status).toBe(503);
      expect(await starting.json()).toMatchObject({
        status: "starting",
        waitingFor: ["index", "platform"],
      });
      health = { ready: true, waitingFor: [], shards: [0, 1], shardCount: 4 };
      const ready = await get("/readyz?verbose");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: "ready",
        ready: true,
        waitingFor: [],
        shards: [0, 1],
        shardCount: 4,
      });
      expect((await get("/readyz", "HEAD")).status).toBe(200);
      expect((await get("/readyz", "POST")).status).toBe(405);
      expect((await get("/metrics")).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("HEALTH_PORT: unset means no server; a bad value names the variable", () => {
    expect(parseHealthPort({})).toBeNull();
    expect(parseHealthPort({ HEALTH_PORT: " 8080 " })).toBe(8080);
    expect(() => parseHealthPort({ HEALTH_PORT: "eighty" })).toThrow(/HEALTH_PORT must be/);
    expect(() => parseHealthPort({ HEALTH_PORT: "70000" })).toThrow(/HEALTH_PORT must be/);
  });
});
