import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../src/index.ts";

/**
 * Largest request body accepted. Slack's own payloads stay well under it (a message is at most
 * 40,000 characters; a button click carries the message's blocks, at most 50 of 3,000).
 */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from the clock, either way (Slack's own advice). */
export const MAX_CLOCK_SKEW_S = 5 * 60;

/** Options for {@link guardSlackRequests}. */
export interface GuardOptions {
  signingSecret: string;
  logger: Logger;
  /** Paths Slack posts to; other requests pass through untouched. */
  endpoints: readonly string[];
  maxBodyBytes?: number;
  /** Seconds since the epoch; injectable for tests. */
  now?: () => number;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: "close" });
  res.end();
}

function readLimited(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        req.removeAllListeners("data");
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, total)));
    req.on("error", reject);
  });
}

/** The JSON object a Slack body carries (the body itself, or a form's `payload`), if any. */
function bodyIsObject(raw: string, contentType: string | undefined): boolean {
  let json: string = raw;
  if (contentType === "application/x-www-form-urlencoded") {
    const { payload } = parseQuery(raw);
    if (payload === undefined) return true;
    if (typeof payload !== "string") return false;
    json = payload;
  }
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/**
 * Wraps Bolt's request listener with the checks it lacks: a body over the limit is refused
 * (413) from its Content-Length before any of it is read, or as soon as the stream passes the
 * limit; a timestamp further than five minutes from the clock either way is refused (401);
 * a signed body that is not a JSON object (`null`, a number) gets 400 instead of an error
 * inside Bolt. The buffered body is handed on as `rawBody`, which Bolt reuses.
 */
export function guardSlackRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const max = options.maxBodyBytes ?? MAX_SLACK_BODY_BYTES;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const { logger } = options;
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "POST" || !options.endpoints.includes(path)) return next(req, res);
    void (async () => {
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > max) {
        logger.warn("slack: refused a request body over the size limit", { bytes: declared, max });
        return refuse(res, 413);
      }
      const body = await readLimited(req, max);
      if (body === null) {
        logger.warn("slack: refused a request body over the size limit", { max });
        return refuse(res, 413);
      }
      const timestamp = Number(req.headers["x-slack-request-timestamp"]);
      const skew = Number.isFinite(timestamp) ? timestamp - now() : 0;
      if (Math.abs(skew) > MAX_CLOCK_SKEW_S) {
        logger.warn(
          `slack: refused a request stamped ${Math.abs(skew)} s in the ${skew > 0 ? "future" : "past"} (a replay, or this machine's clock is wrong)`,
        );
        return refuse(res, 401);
      }
      const raw = body.toString("utf8");
      const signature = req.headers["x-slack-signature"];
      const signed =
        typeof signature === "string" &&
        isValidSlackRequest({
          signingSecret: options.signingSecret,
          body: raw,
          headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        });
      if (signed && !bodyIsObject(raw, req.headers["content-type"])) {
        logger.warn("slack: refused a signed request whose body is not a JSON object");
        return refuse(res, 400);
      }
      (req as IncomingMessage & { rawBody: Buffer }).rawBody = body;
      next(req, res);
    })().catch((error: unknown) => {
      logger.error("slack: could not read a request", { error });
      if (!res.headersSent) refuse(res, 400);
    });
  };
}
