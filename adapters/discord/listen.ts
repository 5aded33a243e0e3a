import { Events, type Client, type Message } from "discord.js";
import { createMemoryClaims, type EventClaims, type Logger } from "../../src/index.ts";
import type { FrontEndDeps } from "../shared/deps.ts";
import type { InFlight } from "../shared/in-flight.ts";
import { createThreadStore, type ThreadStore } from "../shared/threads.ts";
import { createAdminHandler } from "./admin.ts";
import type { DiscordConfig } from "./config.ts";
import { createContextMenuHandler } from "./context-menu.ts";
import { createFeedbackHandler, isFeedback } from "./feedback.ts";
import { createInteractionHandler } from "./interactions.ts";
import { createMessageHandler } from "./messages.ts";
import { createMoreHandler, isMore } from "./more-button.ts";
import { placeOf } from "./place.ts";
import { render } from "./render.ts";
import { createSerialQueue } from "./serial-queue.ts";
import { createThreadRecall } from "./thread-recall.ts";
import { toQuestion, viaOf, type IncomingMessage } from "./to-question.ts";

/** What the listeners need; {@link StartDiscordOptions} provides it. */
export interface ListenOptions extends FrontEndDeps {
  config: DiscordConfig;
  reload?: () => Promise<number>;
  deferAfterMs?: number;
  threads?: ThreadStore;
  claims?: EventClaims;
}

/** Runs `work` only when this process wins the claim on `id` (another may hold the same shard). */
function createClaimed(claims: EventClaims, logger: Logger) {
  return async (id: string, work: () => Promise<void>): Promise<void> => {
    if (!(await claims.claim(id))) {
      logger.info("discord: ignored an event another process claimed", { claim: id });
      return;
    }
    await work();
    await claims.done(id).catch((error: unknown) => {
      logger.warn("discord: could not mark an event answered", { claim: id, error });
    });
  };
}

/** Says in one line what needs the Message Content intent when it is off. */
function logMessageContent(config: DiscordConfig, logger: Logger): void {
  if (config.messageContent === true) return;
  const helpCount = config.help?.channels.size ?? 0;
  const help =
    helpCount > 0 ? `, and the ${helpCount} help channel(s) listed are not answered` : "";
  logger.info(
    `discord: Message Content intent off (DISCORD_MESSAGE_CONTENT): replies in citebot's threads need a mention${help}; mentions, DMs, /ask, More and Ask citebot work`,
  );
}

/** Answers mentions, DMs, thread replies and help posts (one at a time per channel) and interactions, each once. */
export function listenForQuestions(
  client: Client,
  options: ListenOptions,
  inFlight: InFlight,
  life: { readonly stopping: boolean },
): void {
  const { config, responder, logger } = options;
  logMessageContent(config, logger);
  const claimed = createClaimed(options.claims ?? createMemoryClaims(), logger);
  const queue = createSerialQueue();
  const threads = options.threads ?? createThreadStore();
  const help = config.help;
  const answerMessage = createMessageHandler({ ...options, threads, help });
  const recall = createThreadRecall({
    threads,
    responderFor: (message) =>
      options.asking?.pick(placeOf(message.guildId, message.channelId, message.channel))
        .responder ?? responder,
    render: (answer) => render(answer, { seedsBaseUrl: options.seedsBaseUrl }),
    logger,
  });
  // Without Message Content, Discord sends an unmentioned message with empty content.
  const reads = config.messageContent === true;
  const inOwnThread = (message: Message, botId: string) =>
    message.channel.isThread() &&
    (threads.has(message.channelId) ||
      message.channel.ownerId === botId ||
      recall.joined(message.channelId));
  const isHelpPost = (message: Message) =>
    help !== undefined &&
    (message.channel.isThread()
      ? message.id === message.channelId && help.channels.has(message.channel.parentId ?? "")
      : help.channels.has(message.channelId));
  const incomingOf = (message: Message, ownThread: boolean): IncomingMessage => ({
    content: message.content,
    author: { id: message.author.id, bot: message.author.bot },
    mentionedUserIds: [...message.mentions.users.keys()],
    isDirect: !message.inGuild(),
    inOwnThread: reads && ownThread,
    isHelpPost: reads && isHelpPost(message),
  });
  client.on(Events.MessageCreate, (message) => {
    if (life.stopping || !client.user) return;
    const botId = client.user.id;
    // A thread this process knows nothing of (a restart) may be citebot's: its history says.
    const unknown = recall.unknown(message);
    if (viaOf(incomingOf(message, unknown || inOwnThread(message, botId)), botId) === null) return;
    const answer = async () => {
      if (unknown) await recall.read(message, botId);
      const incoming = incomingOf(message, inOwnThread(message, botId));
      const via = viaOf(incoming, botId);
      const question = toQuestion(incoming, botId);
      if (via === null || question === null) return;
      await claimed(`discord:message:${message.id}`, () => answerMessage(message, question, via));
    };
    void inFlight.track(queue.run(message.channelId, answer));
  });
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const handleInteraction = createInteractionHandler({ ...options, threads, deferAfterMs });
  const handleContextMenu = createContextMenuHandler({ ...options, threads, deferAfterMs });
  const handleMore = createMoreHandler({ ...options, threads });
  const handleAdmin = createAdminHandler({
    responder,
    log: options.asking?.log ?? null,
    reload: options.reload ?? (async () => responder.documents().length),
    logger,
  });
  const handleFeedback = createFeedbackHandler({ log: options.asking?.log ?? null, logger });
  client.on(Events.InteractionCreate, (interaction) => {
    if (life.stopping) return;
    const claim = `discord:interaction:${interaction.id}`;
    const run = (work: () => Promise<void>) => void inFlight.track(claimed(claim, work));
    if (interaction.isChatInputCommand())
      run(() =>
        interaction.commandName === "citebot"
          ? handleAdmin(interaction)
          : handleInteraction(interaction),
      );
    else if (interaction.isMessageContextMenuCommand()) run(() => handleContextMenu(interaction));
    else if (interaction.isButton() && isMore(interaction.customId))
      run(() => handleMore(interaction));
    else if (
      (interaction.isButton() || interaction.isModalSubmit()) &&
      isFeedback(interaction.customId)
    )
      run(() => handleFeedback(interaction));
  });
}
