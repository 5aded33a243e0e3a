// `npm run slack` start-up failures that are settings to fix: one line, no stack, no token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../helpers/fake-slack.ts";
import { createHostileFolder, removeHostileFolders } from "../hostile-seeds/folders.ts";
import { killStarted, start } from "../hostile-seeds/runners.ts";

const TOKEN = "xoxb-startup-test-secret";
let fake: FakeSlack;
let taken: Server;
let seeds: string;

beforeAll(async () => {
  fake = await startFakeSlack();
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  seeds = (await createHostileFolder()).seeds;
});
afterAll(async () => {
  killStarted();
  await new Promise((resolve) => taken.close(resolve));
  await fake.close();
  await removeHostileFolders();
});

function slack(env: Record<string, string>) {
  return start("adapters/slack/main.ts", seeds, {
    env: {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: "startup-signing-secret",
      SLACK_API_URL: fake.apiUrl,
      ...env,
    },
  });
}

describe("npm run slack start-up", () => {
  it("a PORT in use is one line saying so: no stack, no 'check the tokens'", async () => {
    const port = (taken.address() as AddressInfo).port;
    const run = await slack({ PORT: String(port), HOST: "127.0.0.1" }).exited;
    expect(run.code).toBe(1);
    const line = run.stderr.trim().split("\n").at(-1) ?? "";
    expect(line).toBe(
      `citebot: PORT ${port} is already in use on HOST 127.0.0.1: another program (or another citebot) listens there; stop it or set PORT to a free port.`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain("check the tokens");
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("HOST binds the HTTP server to that address only", async () => {
    const running = slack({ PORT: "0", HOST: "127.0.0.2" });
    await running.printed("slack: started in HTTP mode");
    const port = /HTTP mode on port (\d+)/.exec(running.output())?.[1];
    expect((await fetch(`http://127.0.0.2:${port}/healthz`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    running.child.kill("SIGTERM");
    expect((await running.exited).code).toBe(0);
  });

  it("a malformed HOST stops start-up with one line naming it", async () => {
    const run = await slack({ HOST: "not a host!" }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^citebot: HOST must be an address or host name.*\n$/);
  });
});
