import type { Database, Queryable } from "./database.ts";

/** One step of the schema; applied once, in order, and recorded in `schema_version`. */
export interface Migration {
  /** 1, 2, 3 …: never reuse or reorder a number once it has shipped. */
  version: number;
  name: string;
  /** Statements in the SQL both SQLite and PostgreSQL accept. */
  statements: readonly string[];
}

/**
 * The schema, as a list that later features extend by appending (conversation state, Slack
 * installations, event claims): never edit a shipped entry, add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "question log and feedback",
    statements: [
      `CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        asked_at BIGINT NOT NULL,
        platform TEXT NOT NULL,
        workspace TEXT,
        channel TEXT,
        user_hash TEXT,
        question TEXT NOT NULL,
        outcome TEXT NOT NULL,
        confidence DOUBLE PRECISION,
        collection TEXT,
        cited TEXT NOT NULL
      )`,
      "CREATE INDEX questions_asked_at ON questions (asked_at)",
      `CREATE TABLE feedback (
        question_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        vote INTEGER NOT NULL,
        reason TEXT,
        voted_at BIGINT NOT NULL,
        PRIMARY KEY (question_id, user_hash)
      )`,
      "CREATE INDEX feedback_voted_at ON feedback (voted_at)",
      "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
  },
  {
    version: 2,
    name: "event claims",
    statements: [
      // One row per platform event a replica took on; expired rows may be claimed again.
      `CREATE TABLE event_claims (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      "CREATE INDEX event_claims_expires_at ON event_claims (expires_at)",
    ],
  },
  {
    version: 3,
    name: "installations",
    statements: [
      // An app installed in many workspaces: one row per workspace, as the platform's library
      // describes it (JSON, tokens included: the database is as secret as the tokens).
      `CREATE TABLE installations (
        platform TEXT NOT NULL,
        id TEXT NOT NULL,
        installation TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, id)
      )`,
    ],
  },
];

/** Any number that fits in PostgreSQL's advisory-lock key; names citebot's migration lock. */
const MIGRATION_LOCK = 4_206_930_215;

async function appliedVersions(tx: Queryable): Promise<Set<number>> {
  const rows = await tx.all<{ version: number | string }>("SELECT version FROM schema_version");
  return new Set(rows.map((r) => Number(r.version)));
}

/**
 * Brings the schema up to date in one transaction; resolves to the versions it applied. Several
 * processes starting at once on PostgreSQL take turns on an advisory lock, so each step runs once.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === "postgres") await tx.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
    );
    const done = await appliedVersions(tx);
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.run(sql);
      await tx.run("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", [
        m.version,
        m.name,
        Date.now(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
