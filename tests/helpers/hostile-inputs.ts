// The hostile inputs every front end must survive: one table, run by tests/contract.test.ts
// against the REPL, Discord and Slack alike.

/** One hostile question, named for the test title. */
export interface HostileInput {
  name: string;
  text: string;
}

/** Everything a prankster, a paste accident or an attacker may send as a question. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: "empty", text: "" },
  { name: "whitespace only", text: " \t\r\n \u00a0\u3000\n  " },
  { name: "40,000 characters", text: "rollback command ".repeat(2353).slice(0, 40_000) },
  {
    name: "NUL bytes and other control characters",
    text: "roll\u0000back\u0007 \u001b[31mcommand\u001b[0m \u0008\u007f\u0085\u009b2J",
  },
  { name: "lone surrogates", text: "rollback \uD800 command \uDC00 \uDBFF" },
  {
    name: "zero-width and bidi overrides",
    text: "roll\u200Bback \u202Ednammoc\u202C \u2066x\u2069 \u200F\uFEFF\u2060",
  },
  {
    name: "emoji and combining marks",
    text: "🚀 rollback 👩‍💻 co\u0301mmand Z\u0351\u0358\u0362a 🇰🇷",
  },
  { name: "@everyone and @here", text: "@everyone @here what does rollback do?" },
  {
    name: "user and role mentions",
    text: "<@123456789012345678> <@!123456789012345678> <@&role> <@&42>",
  },
  { name: "Slack broadcast mentions", text: "<!channel> <!here> <!everyone> rollback" },
  { name: "Slack user-group mention", text: "<!subteam^S123> <!subteam^S123|@devs> rollback" },
  {
    name: "unbalanced Markdown and mrkdwn",
    text: "**rollback _command `code > quote ~strike ||spoiler # head",
  },
  {
    name: "links with misleading labels",
    text: "[click](https://evil.example) <https://evil.example|docs> [https://docs.example](https://evil.example)",
  },
  {
    name: "MiniSearch syntax and regex metacharacters",
    text: 'rollback AND (command OR "x") NOT y* ? [a-z]+ ^2 $ \\d{3} | .* ~1 +-',
  },
  { name: "regex metacharacters alone", text: "( ) * ? [ ] ^ $ \\ | { } . +" },
  { name: "Korean", text: "롤백 명령은 무엇입니까?" },
  { name: "Japanese", text: "ロールバックのコマンドは何ですか？" },
  { name: "Arabic", text: "ما هو أمر التراجع؟" },
];

/** The normal question asked after every hostile one; the bundled seed answers it. */
export const NEXT_QUESTION = "How much did Tokyo agree to pay?";
/** The sentence {@link NEXT_QUESTION} must quote, as plain text. */
export const NEXT_ANSWER = "Under the deal, Tokyo agreed to pay $8 million into a fund";

/** Pings, links and markup a seed may contain; the bot must quote them, never act on them. */
export const HOSTILE_PAYLOAD =
  "<@123456789012345678> <@&987654321098765432> @everyone @here <!channel> <!here> <!subteam^S123>";

/** Seed documents carrying the same payloads as the questions, to be quoted safely. */
export const HOSTILE_SEEDS: readonly { doc: string; text: string }[] = [
  {
    doc: "hostile/rollback.md",
    text: [
      "# Rollback <@&987654321098765432> @here",
      "",
      `The rollback command is *dangerous and _risky and \`unbalanced ~struck, it pings ${HOSTILE_PAYLOAD} and links [click](https://evil.example) or <https://evil.example|docs> > quote.`,
      "",
    ].join("\n"),
  },
  {
    // Kept apart from the rollback document so that only CONTROL_QUESTION retrieves it.
    doc: "hostile/migration.md",
    text: [
      "# Migration notes",
      "",
      "The migration step reverses \u202Eelif siht\u202C text with zero\u200Bwidth, an \u001b[31mescape\u001b[0m sequence, a NUL \u0000 byte and a lone \uD800 surrogate.",
      "",
    ].join("\n"),
  },
];

/** Retrieves the payload sentence of the rollback seed. */
export const PAYLOAD_QUESTION = "What does the rollback command do?";
/** Retrieves the control-character sentence of the migration seed. */
export const CONTROL_QUESTION = "What does the migration step reverse?";
