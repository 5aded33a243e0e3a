// The messages a fake Discord keeps, so the client can read a channel's history back
// (GET /channels/{channel}/messages/{message}).

/** A message as Discord's REST API returns it (the fields the fake fills in). */
export type StoredDiscordMessage = Record<string, unknown> & { id: string; channel_id: string };

/** The fake's messages by channel, oldest first. */
export class FakeHistory {
  private readonly byChannel = new Map<string, StoredDiscordMessage[]>();

  /** Keeps `message` in its channel's history and returns it. */
  keep(message: StoredDiscordMessage): StoredDiscordMessage {
    this.byChannel.set(message.channel_id, [...this.in(message.channel_id), message]);
    return message;
  }

  /** The messages of `channelId`, oldest first. */
  in(channelId: string): StoredDiscordMessage[] {
    return this.byChannel.get(channelId) ?? [];
  }

  /** One message of `channelId`, or undefined (Discord's 404 Unknown Message). */
  get(channelId: string, id: string): StoredDiscordMessage | undefined {
    return this.in(channelId).find((m) => m.id === id);
  }

  /** Up to `limit` messages of `channelId` older than `before`, newest first (as Discord lists them). */
  page(channelId: string, before: string | null, limit: number): StoredDiscordMessage[] {
    const older = this.in(channelId).filter(
      (m) => before === null || BigInt(m.id) < BigInt(before),
    );
    return older.slice(-limit).reverse();
  }

  /** Forgets a message, as a deletion does. */
  delete(channelId: string, id: string): void {
    this.byChannel.set(
      channelId,
      this.in(channelId).filter((m) => m.id !== id),
    );
  }
}
