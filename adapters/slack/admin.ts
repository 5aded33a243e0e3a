import type { App, RespondArguments } from "@slack/bolt";
import {
  readSummary,
  toSummaryLines,
  type Logger,
  type QuestionLog,
  type Responder,
} from "../../src/index.ts";
import { renderNotice } from "./render.ts";

/** What `/citebot` needs. */
export interface AdminDeps {
  responder: Responder;
  log: QuestionLog | null;
  /** Re-reads the seeds; resolves to the number of documents. */
  reload: () => Promise<number>;
  logger: Logger;
  track: <T>(work: Promise<T>) => Promise<T>;
}

const REFUSAL =
  "Sorry, `/citebot` is for workspace admins and owners. You can still ask me anything with `/ask`.";
const USAGE = "Usage: `/citebot report`, `/citebot reload` or `/citebot sources`.";

/** Slack's mrkdwn escapes: nothing a summary quotes can ping or format. */
const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * `/citebot report|reload|sources` for workspace admins and owners, checked with users.info on
 * every use; everyone else gets a polite refusal. Replies are ephemeral.
 */
export function registerAdmin(app: App, deps: AdminDeps): void {
  app.command("/citebot", async ({ command, ack, respond, client }) => {
    await ack();
    const reply = (text: string) =>
      respond({ ...renderNotice(text), response_type: "ephemeral" } as RespondArguments);
    const context = { kind: "admin", user: command.user_id };
    await deps.track(
      (async () => {
        try {
          const info = await client.users.info({ user: command.user_id });
          if (!info.user?.is_admin && !info.user?.is_owner) {
            await reply(REFUSAL);
            return;
          }
          const sub = command.text.trim().toLowerCase();
          if (sub === "sources") {
            const docs = deps.responder.documents();
            await reply(
              [
                `${docs.length} documents:`,
                ...docs.slice(0, 60).map((d) => `• ${escape(d.doc)} — ${escape(d.title)}`),
              ].join("\n"),
            );
            return;
          }
          if (sub === "reload") {
            const n = await deps.reload().catch((error: unknown) => {
              deps.logger.warn("slack: /citebot reload failed", { ...context, error });
              return null;
            });
            await reply(
              n === null
                ? "Reload failed; still answering from the previous documents. The app's log says why."
                : `Reloaded: ${n} documents.`,
            );
            return;
          }
          if (sub !== "report") {
            await reply(USAGE);
            return;
          }
          if (!deps.log) {
            await reply(
              "The question log is off (LOG_QUESTIONS=false), so there is nothing to report.",
            );
            return;
          }
          const summary = await readSummary(await deps.log.store(), {
            days: 30,
            documents: deps.responder.documents().map((d) => d.doc),
          });
          await reply(
            [
              "*Last 30 days*",
              ...toSummaryLines(summary).map(escape),
              "Full report: `npm run report -- --out report.html`",
            ].join("\n"),
          );
        } catch (error) {
          deps.logger.error("slack: /citebot failed", { ...context, error });
          await reply("Sorry, that did not work; the app's log says why.").catch(() => undefined);
        }
      })(),
    );
  });
}
