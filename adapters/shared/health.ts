import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { intVar, type Env, type Logger } from "../../src/index.ts";

/** What a process reports about itself: ready to answer, and counts worth a glance. */
export interface Health {
  /** The index is loaded and the platform connected: send it traffic. */
  ready: boolean;
  /** What it is waiting for, when not ready ("index", "platform"). */
  waitingFor?: string[];
  /** Shards, workspaces, documents …: shown in both answers. */
  [count: string]: unknown;
}

/** Reports the health of the process right now; called on every probe. */
export type HealthCheck = () => Health;

function reply(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(head ? undefined : `${JSON.stringify(body)}\n`);
}

/**
 * Answers `/healthz` (200 while the process runs: liveness) and `/readyz` (200 once ready, else
 * 503: readiness); returns false for any other path so the caller can route it elsewhere.
 */
export function handleHealth(check: HealthCheck, req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "/").split("?")[0];
  if (path !== "/healthz" && path !== "/readyz") return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" });
    res.end();
    return true;
  }
  const health = check();
  const head = req.method === "HEAD";
  if (path === "/healthz") reply(res, 200, { status: "ok", ...health }, head);
  else
    reply(
      res,
      health.ready ? 200 : 503,
      { status: health.ready ? "ready" : "starting", ...health },
      head,
    );
  return true;
}

/** A running health server. */
export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** Serves {@link handleHealth} on `port` for processes without an HTTP server of their own. */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  check: HealthCheck;
  logger: Logger;
}): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (!handleHealth(options.check, req, res)) reply(res, 404, { error: "not found" }, false);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.logger.info(`health: /healthz and /readyz on port ${port}`);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HEALTH_PORT: where Discord and Socket Mode serve the probes; null (unset) = no health server. */
export function parseHealthPort(env: Env): number | null {
  return env["HEALTH_PORT"]?.trim() ? intVar(env, "HEALTH_PORT", 0, 0, 65_535) : null;
}
