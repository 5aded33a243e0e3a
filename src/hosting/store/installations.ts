import type { StoreConfig } from "./config.ts";
import type { Database } from "./database.ts";
import { migrate } from "./migrations.ts";
import { openDatabase } from "./open-store.ts";

/**
 * Where an app installed in many workspaces keeps each installation (its tokens, bot id,
 * scopes), shared by every replica. Values are the platform library's own JSON.
 */
export interface Installations {
  /** Creates or replaces the installation `id` of `platform` (a new install, a rotated token). */
  save(platform: string, id: string, installation: unknown): Promise<void>;
  /** The installation `id` of `platform`, or null when it is not installed there. */
  find(platform: string, id: string): Promise<unknown>;
  /** Forgets the installation (an uninstall); resolves to whether there was one. */
  remove(platform: string, id: string): Promise<boolean>;
  /** How many installations `platform` has. */
  count(platform: string): Promise<number>;
  /** Closes the database it opened. */
  close(): Promise<void>;
}

/** Options for {@link openInstallations}. */
export interface OpenInstallationsOptions {
  /** Opens the database; default: the one DATABASE_URL or DATA_DIR names. */
  open?: () => Database;
  now?: () => number;
}

/**
 * The installations table of the project's store (SQLite in DATA_DIR, or PostgreSQL with
 * DATABASE_URL), migrated before first use. Failures reject: an install that cannot be saved
 * must fail visibly, and an event whose workspace cannot be looked up is not answered.
 */
export function openInstallations(
  config: StoreConfig,
  options: OpenInstallationsOptions = {},
): Installations {
  const now = options.now ?? Date.now;
  let db: Database | null = null;
  let ready: Promise<Database> | null = null;
  const get = () => {
    ready ??= (async () => {
      db ??= (options.open ?? (() => openDatabase(config)))();
      await migrate(db);
      return db;
    })();
    ready.catch(() => (ready = null));
    return ready;
  };
  return {
    save: async (platform, id, installation) => {
      await (
        await get()
      ).run(
        `INSERT INTO installations (platform, id, installation, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, id)
         DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`,
        [platform, id, JSON.stringify(installation), now()],
      );
    },
    find: async (platform, id) => {
      const rows = await (
        await get()
      ).all<{ installation: string }>(
        "SELECT installation FROM installations WHERE platform = ? AND id = ?",
        [platform, id],
      );
      const row = rows[0];
      return row === undefined ? null : (JSON.parse(row.installation) as unknown);
    },
    remove: async (platform, id) =>
      (await (
        await get()
      ).run("DELETE FROM installations WHERE platform = ? AND id = ?", [platform, id])) > 0,
    count: async (platform) => {
      const rows = await (
        await get()
      ).all<{ n: number | string }>("SELECT COUNT(*) AS n FROM installations WHERE platform = ?", [
        platform,
      ]);
      return Number(rows[0]?.n ?? 0);
    },
    close: async () => {
      await db?.close().catch(() => undefined);
      db = null;
      ready = null;
    },
  };
}
